import type { Decider, DomainEvent } from '../../commands/decider.ts';
import { currentSchemaVersion } from '../../commands/upcasters.ts';
import { createKeyedLock } from '../event-store/keyed-lock.ts';
import { ConcurrencyError, type EventStore, type NewEvent, type Position } from '../event-store/port.ts';
import { derivedUuid } from '../ids.ts';
import { createAggregateCache, earlierRequest, type AggregateCache } from './aggregate-cache.ts';
import { ConflictRetriesExhaustedError, PreconditionFailedError } from './errors.ts';

/** Who asks, for which office, as part of which request chain. */
export interface CommandMetadata {
  actor: string;
  office?: string;
  correlationId: string;
  causationId?: string;
}

export interface Idempotency {
  key: string;
  /** Hash of what the request asked for (route and body). */
  requestHash: string;
}

/**
 * Checks, once the current state is known, that the caller may act on this
 * aggregate; throws to refuse. Returns the office the caller acts for, which
 * goes into the events' metadata.
 */
export type Authorize<C, S> = (command: C, state: S) => { office?: string } | void;

export interface HandleOptions {
  /** From If-Match: the write happens only if the stream is at this revision. */
  expectedRevision?: number | undefined;
  idempotency?: Idempotency | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  authorize?: Authorize<any, any>;
}

export interface CommandResult {
  /** The stream's revision after the command (-1: the stream still does not exist). */
  revision: number;
  /** Position of the last event written, or of the stream's last event when nothing was written. */
  position: Position | undefined;
  /** False when nothing was written: a replay of an earlier request, or a command that changed nothing. */
  appended: boolean;
  /** True when the answer replays an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

export type CommandHandler = <C, S, E extends DomainEvent<string, object>>(
  decider: Decider<C, S, E>,
  stream: string,
  command: C,
  metadata: CommandMetadata,
  options?: HandleOptions,
) => Promise<CommandResult>;

export interface CommandHandlerOptions {
  store: EventStore;
  /** The current instant (ISO 8601); deciders derive "today" from it. */
  clock: () => string;
  /** Fresh UUIDs: what deciders mint (activity ids…) and the ids of events without an Idempotency-Key. */
  newId: () => string;
  /** How often a write without If-Match is retried after losing a race with another process. */
  conflictRetries: number;
  /** How many recently used aggregates are kept folded in memory (0: none, every command reads its whole stream). */
  cacheSize?: number;
}

/** The system's own clock, for the service and its command-line tools. */
export const systemClock = (): string => new Date().toISOString();

/**
 * The one command handler every aggregate uses: read the stream, fold
 * `evolve`, `decide`, append with the revision that was read. A recently
 * used stream is not read again: its folded state is kept and only the
 * events after it are read, so the expected revision of the append is still
 * the stream's real end and another process's write is never missed.
 * Commands on one stream take turns in this process; a conflict with
 * another process is retried from the revision held, a bounded number of
 * times, unless the client sent If-Match, which makes any mismatch a
 * precondition failure.
 */
export function createCommandHandler(options: CommandHandlerOptions): CommandHandler {
  const withLock = createKeyedLock();
  const cache = createAggregateCache(options.cacheSize ?? 0);
  return (decider, stream, command, metadata, handleOptions = {}) =>
    withLock(stream, async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await attemptCommand(options, cache, decider, stream, command, metadata, handleOptions);
        } catch (error) {
          if (!(error instanceof ConcurrencyError)) throw error;
          if (handleOptions.expectedRevision !== undefined) throw new PreconditionFailedError(handleOptions.expectedRevision);
          if (attempt >= options.conflictRetries) throw new ConflictRetriesExhaustedError(attempt + 1);
        }
      }
    });
}

async function attemptCommand<C, S, E extends DomainEvent<string, object>>(
  options: CommandHandlerOptions,
  cache: AggregateCache,
  decider: Decider<C, S, E>,
  stream: string,
  command: C,
  metadata: CommandMetadata,
  handleOptions: HandleOptions,
): Promise<CommandResult> {
  const aggregate = await cache.load(options.store, decider, stream);
  const { state, revision, last } = aggregate;
  // Authorization comes first: a caller who may not write here learns nothing, not even from a replay.
  const office = handleOptions.authorize?.(command, state)?.office;
  if (handleOptions.idempotency) {
    // A retry whose first attempt reached the store answers as it did then.
    const earlier = earlierRequest(aggregate, handleOptions.idempotency, metadata.actor);
    if (earlier) return { revision: earlier.revision, position: earlier.position, appended: false, replayed: true };
  }
  const expected = handleOptions.expectedRevision;
  if (expected !== undefined && expected !== revision) throw new PreconditionFailedError(expected, revision);

  const now = options.clock();
  const events = decider.decide(command, state, { now, newId: options.newId });
  if (events.length === 0) return { revision, position: last?.position, appended: false, replayed: false };

  const envelope = { ...metadata, ...(office !== undefined ? { office } : {}) };
  const result = await options.store.append(
    stream,
    events.map((event, index) => toNewEvent(event, index, stream, envelope, now, options.newId, handleOptions.idempotency)),
    { expectedRevision: revision === -1 ? 'no_stream' : revision, ...(last ? { previous: last } : {}) },
  );
  return { revision: result.nextRevision, position: result.position, appended: true, replayed: false };
}

function toNewEvent(
  event: DomainEvent,
  index: number,
  stream: string,
  metadata: CommandMetadata,
  now: string,
  newId: () => string,
  idempotency: Idempotency | undefined,
): NewEvent {
  return {
    // Ids derived from the actor and key let a store recognise a retried append by its event ids.
    id: idempotency ? derivedUuid('event', metadata.actor, idempotency.key, stream, String(index)) : newId(),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: {
      actor: metadata.actor,
      ...(metadata.office ? { office: metadata.office } : {}),
      correlationId: metadata.correlationId,
      ...(metadata.causationId ? { causationId: metadata.causationId } : {}),
      occurredAt: now,
      schemaVersion: currentSchemaVersion(event.type),
      ...(idempotency ? { idempotencyKey: idempotency.key, requestHash: idempotency.requestHash } : {}),
    },
  };
}
