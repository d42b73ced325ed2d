/** How `@eventstore/db-client` values become port values; nothing of the client leaks past these. */
import type { Position as EsdbPosition, RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import {
  ConcurrencyError,
  EventStoreUnavailableError,
  type EventMetadata,
  type Position,
  type RecordedEvent,
} from './port.ts';
import { encodePosition } from './position.ts';

export function toPosition(position: EsdbPosition): Position {
  return encodePosition(position.commit, position.prepare);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/**
 * Events this service did not write: the server's own (`$` types, `$`
 * streams, links) and anything that is not a JSON object with metadata.
 * Skipped on our side rather than by a server-side filter, whose
 * checkpoints and search windows would complicate resuming.
 */
export function isForeign(event: EsdbRecordedEvent): boolean {
  return (
    event.type.startsWith('$') ||
    event.streamId.startsWith('$') ||
    !event.isJson ||
    !isPlainObject(event.data) ||
    !isPlainObject(event.metadata)
  );
}

/** `commitPosition` stands in for servers before 22.6, which send no position on stream reads. */
export function toRecorded(event: EsdbRecordedEvent, commitPosition?: bigint): RecordedEvent {
  if (!event.isJson || !isPlainObject(event.data) || !isPlainObject(event.metadata)) {
    throw new Error(`event ${event.id} in ${event.streamId} is not a JSON event with metadata`);
  }
  const position =
    event.position ?? (commitPosition === undefined ? undefined : { commit: commitPosition, prepare: commitPosition });
  if (!position) throw new Error(`event ${event.id} in ${event.streamId} came without a position`);
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    // Written from an EventMetadata by this service; the server stores it as opaque JSON.
    metadata: event.metadata as unknown as EventMetadata,
    stream: event.streamId,
    revision: Number(event.revision),
    position: toPosition(position),
    recordedAt: event.created.toISOString(),
  };
}

/** Our own errors pass through; any other failure, the client's included, becomes EventStoreUnavailableError. */
export function translate(error: unknown, operation: string): Error {
  if (error instanceof ConcurrencyError || error instanceof EventStoreUnavailableError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new EventStoreUnavailableError(`EventStoreDB ${operation} failed: ${reason}`, { cause: error });
}
