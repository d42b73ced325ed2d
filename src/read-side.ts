import type { Logger } from 'pino';
import { PROJECTIONS } from '../projections/index.ts';
import type { Projection } from '../projections/projection.ts';
import type { Config } from './config.ts';
import type { EventStore, Position } from './event-store/port.ts';
import { createRedisLock } from './projection-runner/lock.ts';
import { createProjectionRunner } from './projection-runner/runner.ts';
import type { ProjectionRunner, ProjectionStatus } from './projection-runner/types.ts';
import { waitForCheckpoint } from './projection-runner/wait-for-checkpoint.ts';
import { createMemoryReadModelStore } from './read-models/memory.ts';
import type { ReadModelStore } from './read-models/port.ts';
import { createRedisReadModelStore } from './read-models/redis.ts';

/** What the query routes need from the read side, whichever process projects. */
export interface ReadSide {
  readModels: ReadModelStore;
  /** True once every projection's served version reflects `position`; false after `timeoutMs`. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean>;
  /** The projections this process runs (empty when another process projects). */
  status(): ProjectionStatus[];
  /** Rebuilds a projection from the start; only where this process projects. */
  rebuild?(name: string): Promise<void>;
}

export interface RunningReadSide extends ReadSide {
  /** Starts projecting (where this process projects); does not wait for catch-up. */
  start(): Promise<void>;
  /** Stops the projections (committing what they applied) and closes the read-model store. */
  close(): Promise<void>;
}

export interface ReadSideOptions {
  config: Pick<Config, 'role' | 'readModels'>;
  eventStore: EventStore;
  logger?: Logger;
  projections?: readonly Projection[];
  /** Hand in a store (tests); otherwise one is opened from the configuration. */
  readModels?: ReadModelStore;
}

/**
 * The read side of one process: the read-model store and, unless this is an
 * API-only process, the projection runner. With Redis a lock makes sure only
 * one of several projectors writes.
 */
export function createReadSide(options: ReadSideOptions): RunningReadSide {
  const { config, logger } = options;
  const projections = options.projections ?? PROJECTIONS;
  const names = projections.map((projection) => projection.name);
  const settings = config.readModels;
  const readModels =
    options.readModels ??
    (settings.kind === 'redis'
      ? createRedisReadModelStore({ url: settings.url, keyPrefix: settings.keyPrefix, ...(logger ? { logger } : {}) })
      : createMemoryReadModelStore());

  let runner: ProjectionRunner | undefined;
  let lock: ReturnType<typeof createRedisLock> | undefined;
  if (config.role !== 'api') {
    lock =
      settings.kind === 'redis'
        ? createRedisLock({ redis: settings.url, key: `${settings.keyPrefix}:projector-lock`, ...(logger ? { logger } : {}) })
        : undefined;
    runner = createProjectionRunner({
      eventStore: options.eventStore,
      readModels,
      projections,
      ...(logger ? { logger } : {}),
      ...(lock ? { lock } : {}),
    });
  }

  return {
    readModels,
    waitFor: (position, timeoutMs) =>
      runner ? runner.waitFor(position, timeoutMs) : waitForCheckpoint(readModels, names, position, timeoutMs),
    status: () => runner?.status() ?? [],
    ...(runner ? { rebuild: (name: string) => (runner as ProjectionRunner).rebuild(name) } : {}),
    async start() {
      await runner?.start();
    },
    async close() {
      await runner?.stop();
      await lock?.close();
      await readModels.close();
    },
  };
}
