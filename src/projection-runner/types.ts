import type { Projection } from '../../projections/projection.ts';
import type { ViewOptions } from '../../projections/view.ts';
import type { EventStore, Position } from '../event-store/port.ts';
import type { ReadModelStore } from '../read-models/port.ts';

/** A pino logger fits. */
export interface RunnerLogger {
  info(details: Record<string, unknown>, message: string): void;
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

/**
 * The right to write read models, held by one projector at a time
 * (`createRedisLock` in lock.ts).
 */
export interface ProjectorLock {
  /** Waits until the lock is held (true), or `signal` aborts or the lock is closed (false). */
  acquire(signal?: AbortSignal): Promise<boolean>;
  /** True while the lease is known to be ours; checked before every write. */
  isHeld(): boolean;
  /** Called once each time a held lock is lost (renewal refused, or the lease ran out). */
  onLost(listener: () => void): () => void;
  release(): Promise<void>;
  close(): Promise<void>;
}

export type ProjectionState =
  /** Waiting for the projector lock (another process projects). */
  | 'standby'
  /** Finding or loading the active version. */
  | 'starting'
  /** No version readers can use yet: the first one is being built. */
  | 'building'
  | 'live'
  /** Live, and a fresh version is being built next to it. */
  | 'rebuilding'
  /** `apply` threw: the projection stays at the last event before it. */
  | 'failed'
  | 'stopped';

export interface ProjectionStatus {
  name: string;
  /** The version readers see; may be an older projection version's while the first build of this one runs. */
  version: string | undefined;
  state: ProjectionState;
  /** Last event committed to the version readers see. */
  checkpoint: Position | undefined;
  /** Highest position this process has seen in the log (from the subscription and a periodic probe). */
  lastPosition: Position | undefined;
  /** Events applied but not yet committed; null while more of the log is known to be unread. */
  lag: number | null;
  caughtUp: boolean;
  /** The last commit or start-up read failed; the runner is retrying. */
  degraded: boolean;
  lastError: string | undefined;
  /** The version being built while `state` is `building` or `rebuilding`. */
  building?: { version: string; checkpoint: Position | undefined; caughtUp: boolean };
}

export interface ProjectionRunnerOptions {
  eventStore: EventStore;
  readModels: ReadModelStore;
  projections: readonly Projection[];
  logger?: RunnerLogger;
  /** Most events applied between commits. */
  batchSize?: number;
  /** Longest an applied event waits for its commit while events trickle in. */
  idleMs?: number;
  /** How often the log's end and the store's checkpoint are probed. */
  probeMs?: number;
  /** With a shared store, only the holder projects. */
  lock?: ProjectorLock;
  /** Settings the projections' views are built with. */
  viewOptions?: ViewOptions;
}

export interface ProjectionRunner {
  /** Starts projecting, or (with a lock) waiting for the lock; does not wait for catch-up. */
  start(): Promise<void>;
  /** Commits what was applied, stops, and releases the lock. */
  stop(): Promise<void>;
  status(): ProjectionStatus[];
  /**
   * True once the version readers see of every projection (or of those named)
   * has committed `position`; false after `timeoutMs`.
   */
  waitFor(position: Position, timeoutMs: number, projections?: readonly string[]): Promise<boolean>;
  /** Builds a fresh version from the start while the current one serves, then switches readers to it. */
  rebuild(name: string): Promise<void>;
  /**
   * Every projection's live view, by name, or undefined while one of them
   * has no version to serve (being built for the first time, or failed).
   */
  views(): Record<string, unknown> | undefined;
  /**
   * Names the state of the views: the serving versions and the last event
   * each applied. Equal stamps mean equal views; undefined while `views()` is.
   */
  viewsStamp(): string | undefined;
}

export class UnknownProjectionError extends Error {
  override readonly name = 'UnknownProjectionError';
  constructor(readonly projection: string) {
    super(`no projection named ${projection}`);
  }
}

/** The runner is not projecting here (stopped, or another process holds the lock). */
export class ProjectorNotRunningError extends Error {
  override readonly name = 'ProjectorNotRunningError';
}
