/**
 * The event-store port: the only way the rest of the service touches the log.
 * Every adapter (SQLite, EventStoreDB) implements it and passes the shared
 * contract suite in test/event-store/contract.ts.
 */

/** JSON-compatible event payload. */
export type EventData = Record<string, unknown>;

export interface EventMetadata {
  /** Who caused the event: an API key's actor name, a CLI user, "system". */
  actor: string;
  /** Local office (division code) the actor acted for, when there is one. */
  office?: string;
  correlationId: string;
  causationId?: string;
  /** When the request that produced the event was handled (ISO 8601). */
  occurredAt: string;
  schemaVersion: number;
  /** The Idempotency-Key of the request that produced the event, if it had one. */
  idempotencyKey?: string;
  /** Hash of that request's route and body, to tell a retry from a reused key. */
  requestHash?: string;
  /** The hash of the event before this one in its stream (see hash-chain.ts). */
  previousHash?: string;
  /** SHA-256 over this event's canonical content and `previousHash`. */
  hash?: string;
  /** Set on read when an upcaster changed the event: the version it was stored with. */
  storedSchemaVersion?: number;
}

export interface NewEvent {
  /** UUID; a retried append with the same ids is a no-op. */
  id: string;
  type: string;
  data: EventData;
  metadata: EventMetadata;
}

/**
 * Global position in `$all`. Opaque to callers: compare with
 * `comparePositions`, never by parsing.
 */
export type Position = string & { readonly __position: unique symbol };

export interface RecordedEvent extends NewEvent {
  stream: string;
  /** 0-based, contiguous within the stream. */
  revision: number;
  position: Position;
  /** When the store wrote the event (ISO 8601). */
  recordedAt: string;
}

/** `no_stream`: the stream must not exist; `any`: no check; a number: the stream's current last revision. */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
  /**
   * The event at `expectedRevision`, when the caller has just read it: the
   * hash chain then needs no read of its own. Adapters ignore it.
   */
  previous?: RecordedEvent;
}

export interface AppendResult {
  /** Revision of the last event in the stream after the append. */
  nextRevision: number;
  /** Position of the last event written (or found, for an idempotent retry). */
  position: Position;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive. Defaults to the first event (forwards) or the last (backwards). */
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omitted: from the start. */
  after?: Position;
  maxCount?: number;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: delivery starts strictly after it. Omitted: from the start. */
  after?: Position;
  /** Called for each event in `$all` order, one at a time; the next waits for the promise. */
  onEvent: (event: RecordedEvent) => void | Promise<void>;
  /** Called when delivery has reached the end of the log (again after each resubscribe). */
  onCaughtUp?: () => void;
  /** Called when the subscription failed in a way it cannot recover from itself. */
  onError?: (error: Error) => void;
}

export interface Subscription {
  /** Stops delivery; resolves when no more `onEvent` calls will be made. */
  close(): Promise<void>;
}

export interface EventStore {
  append(stream: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /** Events of one stream; an unknown stream reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Live subscription to `$all` that resubscribes by itself from its last delivered position. */
  subscribeToAll(options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}

/** The one typed error for a failed expected-revision check. */
export class ConcurrencyError extends Error {
  override readonly name = 'ConcurrencyError';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's last revision, or -1 when it does not exist. */
    readonly actual: number,
  ) {
    super(`stream ${stream}: expected revision ${String(expected)}, actual ${actual}`);
  }
}

/** An event id reused for a different event. */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already used by another event`);
  }
}

/** The store is unreachable or failed; the caller may retry later. */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';
}
