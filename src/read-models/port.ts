/**
 * The read-model store port: where projections' documents and checkpoints
 * live. Memory (embedded default, one process) and Redis (shared by every API
 * instance) implement it and pass the contract suite in
 * test/read-models/contract.ts.
 *
 * A projection's data lives in a *version* (`3` for the first build of
 * projection version 3, `3.1`, `3.2`… for later rebuilds of it). Readers
 * always read the *active* version; a rebuild writes a fresh version and
 * `activate` switches to it atomically, so a reader never sees a half-built
 * model.
 */
import type { Doc } from '../../projections/projection.ts';
import type { Position } from '../event-store/port.ts';

export interface DocumentChanges {
  /** collection → id → document (null deletes it). */
  [collection: string]: Record<string, Doc | null>;
}

export interface ReadModelStore {
  /** Which version readers see, if any. */
  activeVersion(projection: string): Promise<string | undefined>;
  activate(projection: string, version: string): Promise<void>;
  /** Removes a version's data (an abandoned rebuild, or the version replaced by one). */
  dropVersion(projection: string, version: string): Promise<void>;

  /** The position of the last event reflected in this version's data. */
  checkpoint(projection: string, version: string): Promise<Position | undefined>;
  /**
   * Writes the changes and the new checkpoint atomically: all or nothing.
   *
   * With `expected`, the write happens only if the version's checkpoint is
   * still that (`null`: the version has none yet); otherwise nothing is
   * written and a `CheckpointMismatchError` tells the actual one. That is how
   * a projector notices that the store lost its data (Redis restarted without
   * persistence) or that another projector wrote the version meanwhile.
   */
  commit(
    projection: string,
    version: string,
    changes: DocumentChanges,
    checkpoint: Position,
    expected?: Position | null,
  ): Promise<void>;
  /** Every document of every collection of a version, for a projector warming up. */
  load(projection: string, version: string, collections: readonly string[]): Promise<Record<string, Record<string, Doc>>>;

  /** Reads from the active version; `undefined` / `[]` while none is active. */
  get(projection: string, collection: string, id: string): Promise<Doc | undefined>;
  /** Every document of a collection of the active version, in no particular order. */
  all(projection: string, collection: string): Promise<Doc[]>;

  /** True when the store answers (for /ready). Never throws. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The read side cannot be reached; reads answer 503 and the projector retries. */
export class ReadModelUnavailableError extends Error {
  override readonly name = 'ReadModelUnavailableError';
}

/** No version of some read model can be served yet: it is being built (first start, a lost store, a new projection version). */
export class ReadModelRebuildingError extends Error {
  override readonly name = 'ReadModelRebuildingError';
}

/** A conditional commit found another checkpoint than the one it expected; nothing was written. */
export class CheckpointMismatchError extends Error {
  override readonly name = 'CheckpointMismatchError';
  constructor(
    readonly projection: string,
    readonly version: string,
    readonly expected: Position | null,
    /** The version's checkpoint in the store; undefined when it has none. */
    readonly actual: Position | undefined,
  ) {
    super(
      `read model ${projection}@${version}: expected checkpoint ${expected ?? 'none'}, found ${actual ?? 'none'}`,
    );
  }
}

/** Checks a conditional commit's expectation against the checkpoint found. */
export function checkpointMatches(expected: Position | null | undefined, actual: Position | undefined): boolean {
  if (expected === undefined) return true;
  return expected === null ? actual === undefined : actual === expected;
}
