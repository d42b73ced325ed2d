import type { Projection } from '../../projections/projection.ts';
import type { ViewOptions } from '../../projections/view.ts';
import type { EventStore, Position } from '../event-store/port.ts';
import type { ReadModelStore } from '../read-models/port.ts';
import { RETRY_MIN_MS, StoppedError, describe, retrying, sleep } from './backoff.ts';
import { createChanges } from './changes.ts';
import { isAfter } from './progress.ts';
import { slotStatus, type SlotSnapshot } from './slot-status.ts';
import { ProjectorNotRunningError, type ProjectionStatus, type RunnerLogger } from './types.ts';
import { builtBy, nextVersion } from './versions.ts';
import { createVersionWorker, viewOfDocuments, type VersionWorker, type VersionWorkerOptions } from './worker.ts';

export interface SlotOptions {
  projection: Projection;
  eventStore: EventStore;
  readModels: ReadModelStore;
  logger?: RunnerLogger | undefined;
  batchSize: number;
  idleMs: number;
  probeMs: number;
  viewOptions: ViewOptions;
  mayCommit(): boolean;
  onLostWriteRight(): void;
  onChange(): void;
}

export interface ProjectionSlot {
  /** Resolves after the first attempt to find or start the version to serve; later attempts run in the background. */
  start(): Promise<void>;
  /** `graceful` commits what was applied; `halt` writes nothing more (the write right is gone). */
  stop(mode: 'graceful' | 'halt'): Promise<void>;
  rebuild(): Promise<void>;
  status(): ProjectionStatus;
  /** Checkpoint committed to the version readers see, when this slot serves it. */
  served(): Position | undefined;
  /** The view of the version readers see, once one serves; it reflects every event applied, committed or not. */
  view(): { view: unknown; version: string; applied: Position | undefined } | undefined;
}

type Build = NonNullable<SlotSnapshot['build']> & { done: Promise<void> };

/**
 * One projection's lifecycle: resume the active version, or build a fresh
 * one from the start while the old one (if any) keeps serving, then switch
 * readers to it and drop the old one.
 */
export function createProjectionSlot(o: SlotOptions): ProjectionSlot {
  const name = o.projection.name;
  const store = o.readModels;
  const abort = new AbortController();
  const changes = createChanges();
  const s: SlotSnapshot & { build?: Build | undefined } = { name, stopped: false };
  let halted = false;
  let booting: Promise<void> = Promise.resolve();

  function changed() {
    changes.notify();
    o.onChange();
  }
  const retryLog = (what: string) => (error: unknown, retryInMs: number) => {
    s.bootError = describe(error);
    o.logger?.warn({ projection: name, err: s.bootError, retryInMs }, `${what} failed; retrying`);
    changed();
  };
  const refuse = () => (halted || !o.mayCommit() ? new StoppedError('the write right is gone') : undefined);
  const mayWrite = () => !halted && o.mayCommit();

  function spawn(version: string, from?: VersionWorkerOptions['from']): VersionWorker {
    const worker: VersionWorker = createVersionWorker({
      ...o,
      version,
      ...(from ? { from } : {}),
      onConflict: () => void reboot(),
      async ensureActive() {
        if (s.serving !== worker || !mayWrite()) return;
        if ((await store.activeVersion(name)) === undefined) await store.activate(name, version);
      },
      onChange: changed,
    });
    return worker;
  }

  async function bootOnce() {
    const active = await store.activeVersion(name);
    if (active !== undefined && builtBy(active, o.projection.version)) {
      const checkpoint = await store.checkpoint(name, active);
      const docs = await store.load(name, active, o.projection.collections);
      if (abort.signal.aborted) return;
      const view = await viewOfDocuments(o.projection, docs, o.viewOptions);
      if (abort.signal.aborted) return;
      s.serving = spawn(active, { checkpoint, docs, view });
      s.serving.start();
      return;
    }
    s.shown = active;
    void startBuild(nextVersion(active, o.projection.version)).catch(() => undefined);
  }

  function boot(): Promise<void> {
    booting = retrying(bootOnce, abort.signal, retryLog('loading the read model')).then(
      () => {
        s.bootError = undefined;
        changed();
      },
      () => undefined,
    );
    return booting;
  }

  /** Waits until the build has caught up and readers would not step back by switching to it. */
  async function untilReady(worker: VersionWorker) {
    while (!(worker.committedCatchUp() && !isAfter(s.serving?.progress().committed, worker.progress().committed))) {
      const progress = worker.progress();
      if (progress.failed) throw new Error(progress.lastError ?? 'the projection failed');
      if (progress.stopped || abort.signal.aborted) throw new StoppedError('stopped');
      await changes.next(250, abort.signal);
    }
  }

  async function buildAndSwitch(build: Build) {
    const { version } = build;
    // Leftovers of a build abandoned by a crash would otherwise mix in.
    await retrying(() => store.dropVersion(name, version), abort.signal, retryLog('clearing the new version'), refuse);
    const worker = (build.worker = spawn(version));
    worker.start();
    changed();
    await untilReady(worker);
    // The old version stops moving, so the new one can be seen to be at least as far before readers switch.
    const old = s.serving;
    await old?.stop({ flush: true });
    await untilReady(worker);
    await retrying(() => store.activate(name, version), abort.signal, retryLog('activating the new version'), refuse);
    const replaced = old?.version ?? s.shown;
    s.serving = worker;
    s.shown = undefined;
    s.build = undefined;
    s.buildError = s.bootError = undefined;
    o.logger?.info({ projection: name, version, replaced }, 'read-model version activated');
    if (replaced !== undefined && replaced !== version && mayWrite()) {
      await store.dropVersion(name, replaced).catch((error: unknown) => {
        o.logger?.warn({ projection: name, version: replaced, err: describe(error) }, 'could not drop the replaced version');
      });
    }
    changed();
  }

  /** Builds `version` from the start, then makes it the one readers see. */
  function startBuild(version: string): Promise<void> {
    if (s.build) return s.build.done;
    const build: Build = { version, done: Promise.resolve() };
    s.build = build;
    build.done = buildAndSwitch(build).catch(async (error: unknown) => {
      if (s.build === build) s.build = undefined;
      await build.worker?.stop({ flush: false });
      if (!(error instanceof StoppedError)) {
        s.buildError = describe(error);
        o.logger?.error({ projection: name, version, err: s.buildError }, 'building a read-model version failed');
      }
      if (mayWrite()) await store.dropVersion(name, version).catch(() => undefined);
      // The old version was already stopped for the switch: serve it again from the store.
      if (s.serving?.progress().stopped) void reboot();
      changed();
      throw error;
    });
    return build.done;
  }

  /** Another projector wrote our version: start again from what the store holds. */
  async function reboot() {
    if (s.stopped || halted) return;
    const workers = [s.serving, s.build?.worker];
    s.serving = undefined;
    await Promise.all(workers.map((worker) => worker?.stop({ flush: false })));
    await s.build?.done.catch(() => undefined);
    await sleep(RETRY_MIN_MS, abort.signal);
    if (!abort.signal.aborted) await boot();
  }

  return {
    start: boot,

    async stop(mode) {
      s.stopped = true;
      if (mode === 'halt') {
        halted = true;
        for (const worker of [s.serving, s.build?.worker]) void worker?.halt();
      }
      abort.abort();
      await booting;
      await s.build?.done.catch(() => undefined);
      await s.serving?.stop({ flush: mode === 'graceful' });
      changed();
    },

    rebuild() {
      if (s.build) return s.build.done;
      if (!s.serving) return Promise.reject(new ProjectorNotRunningError(`projection ${name} has no version to rebuild yet`));
      return startBuild(nextVersion(s.serving.version, o.projection.version));
    },

    status: () => slotStatus(s),
    served: () => s.serving?.progress().committed,
    view() {
      const serving = s.serving;
      if (!serving || serving.progress().failed) return undefined;
      o.projection.view?.settle?.(serving.view());
      return { view: serving.view(), version: serving.version, applied: serving.progress().applied };
    },
  };
}
