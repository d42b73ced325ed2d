import type { ProjectedEvent } from '../projection.ts';

/**
 * Per-entity documents remember the revision of the last event of their
 * stream they reflect. Events of one stream arrive in revision order, so an
 * event at or below that revision has been applied already: a redelivery
 * (after a crash between apply and checkpoint, or a resubscription) is
 * skipped and the document stays exactly as it was.
 */
export function isNew(doc: { revision: number } | undefined, event: ProjectedEvent): boolean {
  return doc === undefined || event.revision > doc.revision;
}

/** What every per-entity document records about the event it last reflected. */
export function stamp(event: ProjectedEvent): { revision: number; updatedAt: string } {
  return { revision: event.revision, updatedAt: event.recordedAt };
}

/** Makes a shallow-typed object a JSON document without losing its type for callers. */
export type Plain<T> = { [K in keyof T]: T[K] };
