/**
 * What queries read: a projection's documents turned into in-memory
 * indexes and dated aggregates, kept up to date from document changes, so
 * that a query reads only what it returns. A view is derived: it can always
 * be built again from the documents (after a restart, or on another API
 * instance that reads the same Redis), and it never holds anything the
 * documents do not.
 */

/** A JSON document: only values that survive JSON unchanged (no `undefined`, no dates). */
export type Doc = Record<string, unknown>;

/** One document a commit wrote or deleted, with what it was before (undefined: it did not exist / it is gone). */
export interface DocChange {
  collection: string;
  id: string;
  before: Doc | undefined;
  after: Doc | undefined;
}

/** Settings a view is built with (the service's configuration). */
export interface ViewOptions {
  /** No activity for this long puts an active partnership on the dormancy indicator. */
  dormancyMonths: number;
}

export interface ViewDefinition<V> {
  /** An empty view. */
  create(options: ViewOptions): V;
  /**
   * The changes of one commit, in the order they were made; a document
   * appears once, with its state before the commit and after it. Building a
   * view from scratch is this call with every document as `after` and
   * nothing `before`.
   */
  apply(view: V, changes: readonly DocChange[]): void;
  /**
   * Completes what `apply` left for later: aggregates that cost less to
   * recompute once before a read than after every change (a catch-up
   * changes a partnership hundreds of times before anyone reads it). Called
   * before the view is read; cheap when nothing is pending.
   */
  settle?(view: V): void;
}
