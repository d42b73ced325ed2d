import { createHash, randomUUID } from 'node:crypto';
import type { Decider, DomainEvent } from '../../commands/decider.ts';
import { DomainError } from '../../commands/errors.ts';
import { currentSchemaVersion } from '../../commands/upcasters.ts';
import { apiError, ApiError } from '../errors.ts';
import { ConcurrencyError, type EventStore, type NewEvent, type Position, type RecordedEvent } from '../event-store/port.ts';
import { createKeyedLock } from './stream-lock.ts';

export interface CommandMetadata {
  actor: string;
  office?: string;
  correlationId: string;
  causationId?: string;
  /** When the request is handled; deciders derive "today" from it. */
  now: string;
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
  expectedRevision?: number;
  idempotency?: Idempotency;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  authorize?: Authorize<any, any>;
}

export interface CommandResult {
  revision: number;
  position: Position;
  /** False when the answer replays an earlier request with the same Idempotency-Key. */
  appended: boolean;
}

/** Deterministic ids let a store recognise a retried append by its event ids. */
function idempotentEventId(key: string, stream: string, index: number): string {
  const hex = createHash('sha256').update(`${key}\n${stream}\n${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The events of an earlier request with this key, if it already reached the stream. */
function findEarlierRequest(events: RecordedEvent[], idempotency: Idempotency): RecordedEvent[] {
  const earlier = events.filter((event) => event.metadata.idempotencyKey === idempotency.key);
  if (earlier.some((event) => event.metadata.requestHash !== idempotency.requestHash)) {
    throw apiError('idempotency-key-reused', 'This Idempotency-Key was already used with another body or route.');
  }
  return earlier;
}

function toApiError(error: DomainError): ApiError {
  if (error.kind === 'invalid') {
    return new ApiError(error.code, 400, 'The request is not valid', error.message, [
      { path: (error.path ?? []).join('.'), message: error.message },
    ]);
  }
  if (error.kind === 'not-found') return apiError('not-found', error.message);
  return new ApiError(error.code, 409, 'Not allowed in the current state', error.message);
}

export type CommandHandler = <C, S, E extends DomainEvent<string, object>>(
  decider: Decider<C, S, E>,
  stream: string,
  command: C,
  metadata: CommandMetadata,
  options?: HandleOptions,
) => Promise<CommandResult>;

/**
 * The one command handler every aggregate uses: read the stream, fold
 * `evolve`, `decide`, append with the revision that was read. Commands on
 * one stream take turns in this process; a conflict with another process is
 * retried from a fresh read, a bounded number of times, unless the client
 * sent If-Match, which makes any mismatch a 412.
 */
export function createCommandHandler(store: EventStore, settings: { conflictRetries: number }): CommandHandler {
  const withLock = createKeyedLock();
  return (decider, stream, command, metadata, options = {}) =>
    withLock(stream, async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await attemptCommand(store, decider, stream, command, metadata, options);
        } catch (error) {
          if (!(error instanceof ConcurrencyError)) throw error;
          if (options.expectedRevision !== undefined) {
            throw apiError('precondition-failed', 'The resource changed while the request was handled.');
          }
          if (attempt >= settings.conflictRetries) {
            throw apiError('concurrency-conflict', `Gave up after ${attempt + 1} attempts; the resource kept changing.`);
          }
        }
      }
    });
}

async function attemptCommand<C, S, E extends DomainEvent<string, object>>(
  store: EventStore,
  decider: Decider<C, S, E>,
  stream: string,
  command: C,
  metadata: CommandMetadata,
  options: HandleOptions,
): Promise<CommandResult> {
  const history = await store.readStream(stream);
  const last = history.at(-1);
  const revision = last ? last.revision : -1;

  if (options.idempotency) {
    // A retry whose first attempt reached the store answers as it did then.
    const earlier = findEarlierRequest(history, options.idempotency).at(-1);
    if (earlier) return { revision: earlier.revision, position: earlier.position, appended: false };
  }
  if (options.expectedRevision !== undefined && options.expectedRevision !== revision) {
    throw apiError('precondition-failed', `The resource is at revision ${revision}, not ${options.expectedRevision}.`, {
      headers: { etag: `"${revision}"` },
    });
  }

  const state = history.reduce((s, event) => decider.evolve(s, event as unknown as E), decider.initialState);
  const office = options.authorize?.(command, state)?.office;
  if (office !== undefined) metadata = { ...metadata, office };
  let events: E[];
  try {
    events = decider.decide(command, state, { now: metadata.now, newId: randomUUID });
  } catch (error) {
    throw error instanceof DomainError ? toApiError(error) : error;
  }

  const result = await store.append(stream, events.map((event, index) => toNewEvent(event, index, stream, metadata, options)), {
    expectedRevision: revision === -1 ? 'no_stream' : revision,
    ...(last ? { previous: last } : {}),
  });
  return { revision: result.nextRevision, position: result.position, appended: true };
}

function toNewEvent(
  event: DomainEvent,
  index: number,
  stream: string,
  metadata: CommandMetadata,
  options: HandleOptions,
): NewEvent {
  const { idempotency } = options;
  return {
    id: idempotency ? idempotentEventId(idempotency.key, stream, index) : randomUUID(),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: {
      actor: metadata.actor,
      ...(metadata.office ? { office: metadata.office } : {}),
      correlationId: metadata.correlationId,
      ...(metadata.causationId ? { causationId: metadata.causationId } : {}),
      occurredAt: metadata.now,
      schemaVersion: currentSchemaVersion(event.type),
      ...(idempotency ? { idempotencyKey: idempotency.key, requestHash: idempotency.requestHash } : {}),
    },
  };
}
