import type { RunnerLogger as Logger } from './projection-runner/types.ts';
import { DEFAULT_DORMANCY_MONTHS, PROJECTIONS, type ReadViews } from '../projections/index.ts';
import { viewsFromEvents } from '../projections/replay.ts';
import type { ProjectedEvent, Projection } from '../projections/projection.ts';
import type { Config } from './config.ts';
import type { EventStore, Position } from './event-store/port.ts';
import { createRedisLock } from './projection-runner/lock.ts';
import { createProjectionRunner } from './projection-runner/runner.ts';
import type { ProjectionRunner, ProjectionStatus } from './projection-runner/types.ts';
import { builtBy } from './projection-runner/versions.ts';
import { createMemoryReadModelStore, type MemoryReadModelStore } from './read-models/memory.ts';
import { ReadModelRebuildingError, type ReadModelStore } from './read-models/port.ts';
import { createRedisReadModelStore } from './read-models/redis.ts';
import { readSnapshot, writeSnapshot } from './read-models/snapshot.ts';

/** What the query routes need from the read side, whichever process projects. */
export interface ReadSide {
  readModels: ReadModelStore;
  /** True once every projection's served version reflects `position`; false after `timeoutMs`. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean>;
  /** The projections this process runs: the projector's, or an API process's own replica of them. */
  status(): ProjectionStatus[];
  /** Rebuilds a projection from the start; only where this process writes the shared read models. */
  rebuild?(name: string): Promise<void>;
  /**
   * The live views readers see now, one per projection, kept in this
   * process from the log; a `ReadModelRebuildingError` while one of them has
   * no version to serve yet (never an empty view that would read as zeros).
   */
  views(): ReadViews;
  /** Equal stamps mean equal views (an answer computed from them may be served again); undefined while views are refused. */
  viewsStamp(): string | undefined;
  /** The views as the ledger knew it at `instant` (ms since the epoch): built from the events recorded by then. */
  viewsKnownAt(instant: number): Promise<ReadViews>;
}

export interface RunningReadSide extends ReadSide {
  /** Starts projecting (where this process projects); does not wait for catch-up. */
  start(): Promise<void>;
  /** Stops the projections (committing what they applied) and closes the read-model store. */
  close(): Promise<void>;
}

export interface ReadSideOptions {
  config: Pick<Config, 'role' | 'readModels'> & Partial<Pick<Config, 'dormancyMonths'>>;
  eventStore: EventStore;
  logger?: Logger;
  projections?: readonly Projection[];
  /** Hand in a store (tests); otherwise one is opened from the configuration. */
  readModels?: ReadModelStore;
}

interface SnapshotSettings {
  path: string;
  everySeconds: number;
}

/**
 * Memory read models survive a clean restart through a snapshot file: read
 * at start (a missing, corrupt or foreign one is ignored and the models are
 * built from the log; a projection version the code no longer builds is
 * rebuilt by the runner), written on shutdown and periodically when they moved.
 */
function snapshots(store: MemoryReadModelStore, eventStore: EventStore, settings: SnapshotSettings, logger?: Logger) {
  let written = -1;
  let writing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  function save(): Promise<void> {
    writing = writing.then(async () => {
      const generation = store.generation();
      if (generation === written) return;
      const versions = store.exportActive();
      if (versions.length === 0) return;
      const started = Date.now();
      try {
        await writeSnapshot(settings.path, versions);
        written = generation;
        logger?.info({ file: settings.path, ms: Date.now() - started }, 'read-model snapshot written');
      } catch (error) {
        logger?.warn({ file: settings.path, err: (error as Error).message }, 'could not write the read-model snapshot');
      }
    });
    return writing;
  }

  return {
    async resume() {
      const snapshot = await readSnapshot(settings.path);
      if ('refused' in snapshot) {
        if (snapshot.refused !== 'missing') logger?.warn({ file: settings.path, reason: snapshot.refused }, 'read-model snapshot not used; building from the log');
        return;
      }
      // A fresh, empty log beside an old snapshot (the database was replaced) must not be answered from it.
      // A snapshot copied next to a different non-empty log is not detected: it belongs with its DATA_DIR.
      const [first] = await eventStore.readAll({ maxCount: 1 });
      if (!first) {
        logger?.warn({ file: settings.path }, 'read-model snapshot not used: the event log is empty');
        return;
      }
      store.importVersions(snapshot.versions);
      written = store.generation();
      logger?.info({ file: settings.path, writtenAt: snapshot.writtenAt }, 'read models resumed from their snapshot');
    },
    start() {
      if (settings.everySeconds <= 0) return;
      timer = setInterval(() => void save(), settings.everySeconds * 1000);
      timer.unref();
    },
    async close() {
      clearInterval(timer);
      await save();
    },
  };
}

/**
 * Copies what the shared store holds of each projection (the active version
 * this code builds, with its checkpoint) into a process-local store, so an
 * API process resumes its replica from there instead of from the start of the log.
 */
async function seedReplica(shared: ReadModelStore, local: ReadModelStore, projections: readonly Projection[], logger?: Logger) {
  for (const projection of projections) {
    try {
      const version = await shared.activeVersion(projection.name);
      if (version === undefined || !builtBy(version, projection.version)) continue;
      const checkpoint = await shared.checkpoint(projection.name, version);
      if (checkpoint === undefined) continue;
      const docs = await shared.load(projection.name, version, projection.collections);
      await local.commit(projection.name, version, docs, checkpoint, null);
      await local.activate(projection.name, version);
      logger?.info({ projection: projection.name, version, checkpoint }, 'replica resumed from the shared read models');
    } catch (error) {
      logger?.warn({ projection: projection.name, err: (error as Error).message }, 'could not copy the shared read model; building it from the log');
    }
  }
}

/**
 * The read side of one process. Every process that answers queries keeps
 * the projections' views live in memory, fed by the log:
 * - the projector (ROLE=all or projector) writes the read-model store (memory
 *   or Redis; with Redis under a lock, one projector at a time) and keeps
 *   the views of what it projects;
 * - an API-only process (ROLE=api) keeps a replica: it copies the shared
 *   read models once at start and follows the log from their checkpoint
 *   into its own memory, never writing the shared store.
 * So a query never reads the store: a Redis that lost its data cannot make a
 * dashboard read zeros, and a query costs what it returns.
 */
export function createReadSide(options: ReadSideOptions): RunningReadSide {
  const { config, logger } = options;
  const projections = options.projections ?? PROJECTIONS;
  const settings = config.readModels;
  const readModels =
    options.readModels ??
    (settings.kind === 'redis'
      ? createRedisReadModelStore({ url: settings.url, keyPrefix: settings.keyPrefix, ...(logger ? { logger } : {}) })
      : createMemoryReadModelStore());
  const viewOptions = { dormancyMonths: config.dormancyMonths ?? DEFAULT_DORMANCY_MONTHS };
  const replica = config.role === 'api';
  const projected = replica ? createMemoryReadModelStore() : readModels;
  const snapshot =
    !options.readModels && !replica && settings.kind === 'memory' && settings.snapshot
      ? snapshots(readModels as MemoryReadModelStore, options.eventStore, settings.snapshot, logger)
      : undefined;

  const lock =
    !replica && settings.kind === 'redis'
      ? createRedisLock({ redis: settings.url, key: `${settings.keyPrefix}:projector-lock`, ...(logger ? { logger } : {}) })
      : undefined;
  const runner: ProjectionRunner = createProjectionRunner({
    eventStore: options.eventStore,
    readModels: projected,
    projections,
    viewOptions,
    ...(logger ? { logger } : {}),
    ...(lock ? { lock } : {}),
  });

  let starting: Promise<void> | undefined;
  let closing = false;

  return {
    readModels,
    views() {
      const views = runner.views();
      if (!views) throw new ReadModelRebuildingError('The read models are being built from the log; dashboards answer once they are complete.');
      return views as unknown as ReadViews;
    },
    viewsStamp: () => runner.viewsStamp(),
    async viewsKnownAt(instant) {
      const events = (await options.eventStore.readAll()).filter((event) => Date.parse(event.recordedAt) <= instant);
      // A store's event is what projections see (ProjectedEvent is its structural subset).
      return viewsFromEvents(projections, events as unknown as ProjectedEvent[], viewOptions);
    },
    waitFor: (position, timeoutMs) => runner.waitFor(position, timeoutMs),
    status: () => runner.status(),
    ...(replica ? {} : { rebuild: (name: string) => runner.rebuild(name) }),
    start() {
      starting ??= (async () => {
        if (replica) await seedReplica(readModels, projected, projections, logger);
        await snapshot?.resume();
        // A shutdown that came while the models loaded: nothing more to start.
        if (closing) return;
        await runner.start();
        snapshot?.start();
      })();
      return starting;
    },
    async close() {
      closing = true;
      await starting?.catch(() => undefined);
      await runner.stop();
      await snapshot?.close();
      await lock?.close();
      if (projected !== readModels) await projected.close();
      await readModels.close();
    },
  };
}
