import type { Position } from '../event-store/port.ts';
import { comparePositions } from '../event-store/position.ts';

/** What a version worker knows about its progress; shared with its committer. */
export interface Progress {
  /** Last event folded into the working copy. */
  applied: Position | undefined;
  /** Last checkpoint the store confirmed. */
  committed: Position | undefined;
  /** Highest position known to exist in the log. */
  knownEnd: Position | undefined;
  /** Events applied since `committed`. */
  uncommitted: number;
  subscriptionCaughtUp: boolean;
  degraded: boolean;
  lastError: string | undefined;
  /** `apply` threw: nothing more is applied. */
  failed: boolean;
  /** The write right was lost: nothing more is applied or written. */
  halted: boolean;
  stopped: boolean;
}

/** A version loaded at `checkpoint`, or a fresh one. */
export function startingAt(checkpoint: Position | undefined): Progress {
  return {
    applied: checkpoint,
    committed: checkpoint,
    knownEnd: checkpoint,
    uncommitted: 0,
    subscriptionCaughtUp: false,
    degraded: false,
    lastError: undefined,
    failed: false,
    halted: false,
    stopped: false,
  };
}

/** True when `a` is a position later than `b` (any position is later than none). */
export function isAfter(a: Position | undefined, b: Position | undefined): boolean {
  return a !== undefined && (b === undefined || comparePositions(a, b) > 0);
}
