import type { Doc } from '../projection.ts';
import type { StoredEvent, StreamDoc } from '../shared/stream-docs.ts';

/**
 * The register's documents. A partnership's lifecycle (every event of its
 * stream but activities: proposal, contact, approvals, signing, dormancy,
 * upgrades, endings) is short and is kept whole in one document, so a view
 * can fold it as of any day. Its activities — thousands on a busy
 * partnership — are kept apart, a few to a document, so that recording
 * one rewrites a small document, not the partnership's.
 */
export const PARTNERSHIPS = 'partnerships';
export const ACTIVITIES = 'activities';

/** One lifecycle event as the stream holds it. */
export type LifecycleEvent = StoredEvent;

/** A partnership's lifecycle: every event of its stream but activities. */
export type PartnershipDoc = StreamDoc;

/**
 * Activities of one partnership whose stream revisions fall in one range of
 * ACTIVITY_CHUNK revisions, column by column, in revision order: the
 * revision alone says which document an activity is in.
 */
export const ACTIVITY_CHUNK = 32;

export interface ActivityChunkDoc extends Doc {
  partnershipId: string;
  revisions: number[];
  /** Day numbers (days since 1970-01-01) of the day each activity happened. */
  days: number[];
  /** Index into ACTIVITY_TYPES (new types are only ever appended to it). */
  types: number[];
  outcomes: number[];
  /** The leader's rank in one spelling (see `normaliseRank`), or null. */
  ranks: (string | null)[];
  /** When the store wrote each (ms since the epoch). */
  recordedAt: number[];
}

export const activityChunkId = (partnershipId: string, revision: number): string =>
  `${partnershipId}:${Math.floor(revision / ACTIVITY_CHUNK)}`;
