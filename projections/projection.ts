/**
 * What a projection is. Projections are pure: they receive events and a
 * document view, and change documents in it. No I/O, no clock. The runner in
 * `src/projection-runner/` feeds them events from `$all` in order and stores
 * the changed documents together with the checkpoint.
 */

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

/** A JSON document. */
export type Doc = Record<string, unknown>;

/**
 * The projection's documents, grouped in named collections. Changes are
 * tracked by the runner and written atomically with the checkpoint.
 */
export interface Documents {
  get<T extends Doc = Doc>(collection: string, id: string): T | undefined;
  put(collection: string, id: string, doc: Doc): void;
  delete(collection: string, id: string): void;
  /** Every document of a collection; for the rare handler that must scan. */
  all<T extends Doc = Doc>(collection: string): T[];
}

export interface Projection {
  /** Stable name: the read-model namespace, e.g. `register`. */
  name: string;
  /** Bump when `apply` changes meaning: the runner then rebuilds into a fresh version. */
  version: number;
  collections: readonly string[];
  /** The event types it handles; others are skipped without calling `apply`. */
  handles: ReadonlySet<string>;
  /**
   * Folds one event into the documents. Must be idempotent: the same event
   * delivered twice changes nothing (guard by stream revision or event id).
   */
  apply(event: ProjectedEvent, docs: Documents): void;
}
