import type { Doc, Documents, ProjectedEvent } from '../projection.ts';

/** One event of a stream as a document keeps it. */
export interface StoredEvent {
  type: string;
  revision: number;
  /** When the store wrote it (ISO 8601). */
  recordedAt: string;
  /** Who caused it (the metadata's actor). */
  actor: string;
  data: Record<string, unknown>;
}

/**
 * A short stream kept whole in one document: its events in order, so a view
 * can fold it with the aggregate's own `evolve` as of any day.
 */
export interface StreamDoc extends Doc {
  id: string;
  /** Revision of the last event kept: a redelivered one is skipped. */
  revision: number;
  events: StoredEvent[];
}

/**
 * Appends an event to its stream's document. Only the event that creates the
 * aggregate (`creates`) starts a document; a stray event before it has
 * nothing to attach to.
 */
export function appendToStreamDoc(docs: Documents, collection: string, id: string, event: ProjectedEvent, creates: string): void {
  const doc = docs.get<StreamDoc>(collection, id);
  if (doc !== undefined && doc.revision >= event.revision) return;
  if (doc === undefined && event.type !== creates) return;
  const stored: StoredEvent = { type: event.type, revision: event.revision, recordedAt: event.recordedAt, actor: event.metadata.actor, data: event.data };
  docs.put(collection, id, { id, revision: event.revision, events: [...(doc?.events ?? []), stored] } satisfies StreamDoc);
}

/** The day a stored event happened: its `date`. */
export const dateOfEvent = (event: StoredEvent): string => String(event.data.date);
