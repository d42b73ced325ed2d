import type { Position } from '../event-store/port.ts';
import { decodePosition } from '../event-store/position.ts';

/** A position's commit part; 0 before the first event. */
export const commitOf = (position: Position | undefined): bigint => (position === undefined ? 0n : decodePosition(position).commit);

/**
 * How far a build has got, 0..1, from positions: exact on SQLite (a position
 * is the event's number), proportional to bytes on EventStoreDB.
 */
export function buildProgress(done: Position | undefined, end: Position | undefined, caughtUp: boolean): number {
  if (caughtUp) return 1;
  const total = commitOf(end);
  if (total === 0n) return 0;
  return Math.min(1, Number((commitOf(done) * 10_000n) / total) / 10_000);
}
