/**
 * What a projection is. Projections are pure: they receive events and a
 * document view, and change documents in it. No I/O, no clock. The runner in
 * `src/projection-runner/` feeds them events from `$all` in order and stores
 * the changed documents together with the checkpoint.
 */
import type { Doc, ViewDefinition } from './view.ts';

export type { Doc } from './view.ts';

/** An event as projections see it (structurally the event store's RecordedEvent). */
export interface ProjectedEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: { actor: string; office?: string; occurredAt: string; [key: string]: unknown };
  stream: string;
  revision: number;
  /** Global position (opaque string). */
  position: string;
  recordedAt: string;
}

/** Which document: its collection and its id. */
export type DocKey = readonly [collection: string, id: string];

/**
 * The projection's documents, grouped in named collections. Documents are
 * immutable: `get` hands out the stored object itself, which must never be
 * changed; to change a document, `put` a new object (copy on write). `get`
 * may only ask for documents `touches` named for the event being applied:
 * a store that does not hold every document in memory fetches those first.
 */
export interface Documents {
  get<T extends Doc = Doc>(collection: string, id: string): T | undefined;
  put(collection: string, id: string, doc: Doc): void;
  delete(collection: string, id: string): void;
}

export interface Projection<V = unknown> {
  /** Stable name: the read-model namespace, e.g. `register`. */
  name: string;
  /** Bump when `apply` changes meaning: the runner then rebuilds into a fresh version. */
  version: number;
  collections: readonly string[];
  /** The event types it handles; others are skipped without calling `apply`. */
  handles: ReadonlySet<string>;
  /** The documents `apply` reads for this event (only called for handled types). */
  touches(event: ProjectedEvent): readonly DocKey[];
  /**
   * Folds one event into the documents. Must be idempotent: the same event
   * delivered twice changes nothing (guard by stream revision or event id).
   */
  apply(event: ProjectedEvent, docs: Documents): void;
  /** The in-memory indexes and aggregates its queries read, kept up to date from its documents. */
  view?: ViewDefinition<V>;
}
