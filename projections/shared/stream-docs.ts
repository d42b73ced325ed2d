import type { Doc, Documents, ProjectedEvent, Projection } from '../projection.ts';
import type { ViewDefinition } from '../view.ts';

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

export interface StreamDocProjectionOptions<V> {
  name: string;
  version: number;
  /** The one collection: a document per aggregate. */
  collection: string;
  /** A Record, not a list, so a new event type of the aggregate fails to compile until it is listed. */
  handled: Record<string, true>;
  /** The event data field that names the aggregate. */
  idField: string;
  /** The event that creates the aggregate; anything before it is ignored. */
  creates: string;
  view: ViewDefinition<V>;
}

/** A projection that keeps one document per aggregate, its events in order (`appendToStreamDoc`), and a view of them. */
export function streamDocProjection<V>(o: StreamDocProjectionOptions<V>): Projection<V> {
  const idOf = (event: ProjectedEvent) => String(event.data[o.idField]);
  return {
    name: o.name,
    version: o.version,
    collections: [o.collection],
    handles: new Set(Object.keys(o.handled)),
    touches: (event) => [[o.collection, idOf(event)]],
    apply: (event, docs) => appendToStreamDoc(docs, o.collection, idOf(event), event, o.creates),
    view: o.view,
  };
}
