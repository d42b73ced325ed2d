import type { Position } from './port.ts';

/**
 * One encoding of `$all` positions for every adapter, so positions can be
 * compared without knowing the store: "<commit>" or "<commit>-<prepare>" with
 * decimal bigints. SQLite uses its rowid as both parts.
 */
export function encodePosition(commit: bigint, prepare: bigint = commit): Position {
  return (commit === prepare ? `${commit}` : `${commit}-${prepare}`) as Position;
}

export function decodePosition(position: Position): { commit: bigint; prepare: bigint } {
  const [commit, prepare = commit] = position.split('-');
  return { commit: BigInt(commit as string), prepare: BigInt(prepare as string) };
}

/** What a position looks like as text: `<commit>` or `<commit>-<prepare>`. */
export const POSITION_PATTERN = /^\d{1,20}(-\d{1,20})?$/;

/** The largest commit or prepare part a store can hold: SQLite rowids, like EventStoreDB log positions, are signed 64-bit. */
export const MAX_POSITION_PART = 9_223_372_036_854_775_807n;

/** Parses a position received from outside (a query string); undefined when malformed or beyond what a store can hold. */
export function parsePosition(text: string): Position | undefined {
  if (!POSITION_PATTERN.test(text)) return undefined;
  const { commit, prepare } = decodePosition(text as Position);
  return commit <= MAX_POSITION_PART && prepare <= MAX_POSITION_PART ? (text as Position) : undefined;
}

/** A bare commit number as BigInt prints it (no prepare part, no leading zero): comparable as text by length first. */
const plain = (position: string) => !position.includes('-') && (position[0] !== '0' || position.length === 1);

export function comparePositions(a: Position, b: Position): number {
  if (a === b) return 0;
  // The common case (SQLite, and every position the runner compares per event) without parsing bigints.
  if (plain(a) && plain(b)) return a.length !== b.length ? Math.sign(a.length - b.length) : a < b ? -1 : 1;
  const x = decodePosition(a);
  const y = decodePosition(b);
  if (x.commit !== y.commit) return x.commit < y.commit ? -1 : 1;
  if (x.prepare !== y.prepare) return x.prepare < y.prepare ? -1 : 1;
  return 0;
}
