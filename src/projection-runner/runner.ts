import { DEFAULT_DORMANCY_MONTHS } from '../../projections/queries/dormancy.ts';
import { comparePositions } from '../event-store/position.ts';
import { describe } from './backoff.ts';
import { createChanges } from './changes.ts';
import { createProjectionSlot, type ProjectionSlot } from './slot.ts';
import {
  ProjectorNotRunningError,
  UnknownProjectionError,
  type ProjectionRunner,
  type ProjectionRunnerOptions,
  type ProjectionStatus,
} from './types.ts';
import { CHECKPOINT_POLL_MS, checkpointsReached } from './wait-for-checkpoint.ts';

const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_IDLE_MS = 20;
const DEFAULT_PROBE_MS = 1000;
const DEFAULT_VIEW_OPTIONS = { dormancyMonths: DEFAULT_DORMANCY_MONTHS };

/**
 * Keeps every projection's read model up to date from `$all`. With a lock,
 * it projects only while it holds the lock, stops writing the moment the
 * lock is lost, and waits to take it again. It only reads the event store.
 */
export function createProjectionRunner(options: ProjectionRunnerOptions): ProjectionRunner {
  const { lock, logger, readModels } = options;
  const names = options.projections.map((projection) => projection.name);
  if (new Set(names).size !== names.length) throw new Error(`projection names must be unique: ${names.join(', ')}`);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');

  const changes = createChanges();
  const stopping = new AbortController();
  let phase: 'idle' | 'standby' | 'projecting' | 'stopped' = 'idle';
  let slots: Map<string, ProjectionSlot> | undefined;
  let halting: Promise<unknown> = Promise.resolve();
  let lockLoop: Promise<void> = Promise.resolve();
  let wakeOnLoss: (() => void) | undefined;
  let stopped: Promise<void> | undefined;

  const mayCommit = () => !lock || lock.isHeld();

  function openSlots(): Promise<unknown> {
    const opened = new Map(
      options.projections.map((projection) => [
        projection.name,
        createProjectionSlot({
          projection,
          eventStore: options.eventStore,
          readModels,
          logger,
          batchSize,
          idleMs: options.idleMs ?? DEFAULT_IDLE_MS,
          probeMs: options.probeMs ?? DEFAULT_PROBE_MS,
          viewOptions: options.viewOptions ?? DEFAULT_VIEW_OPTIONS,
          mayCommit,
          onLostWriteRight: lostWriteRight,
          onChange: changes.notify,
        }),
      ]),
    );
    slots = opened;
    phase = 'projecting';
    return Promise.all([...opened.values()].map((slot) => slot.start()));
  }

  /** Stops every slot from applying and writing, synchronously, then lets them wind down. */
  function lostWriteRight() {
    if (phase !== 'projecting' || !slots) return;
    logger?.error({}, 'projector lock lost: stopped writing read models');
    const current = slots;
    slots = undefined;
    phase = 'standby';
    halting = Promise.all([...current.values()].map((slot) => slot.stop('halt')));
    wakeOnLoss?.();
    changes.notify();
  }

  async function projectWhileLocked(held: NonNullable<typeof lock>) {
    const unsubscribe = held.onLost(lostWriteRight);
    try {
      while (!stopping.signal.aborted) {
        phase = 'standby';
        changes.notify();
        if (!(await held.acquire(stopping.signal)) || stopping.signal.aborted) return;
        logger?.info({}, 'projector lock acquired: projecting');
        // Resolved when the lock is lost or the runner stops.
        const lost = new Promise<void>((resolve) => (wakeOnLoss = resolve));
        await openSlots();
        await lost;
        wakeOnLoss = undefined;
        await halting;
      }
    } finally {
      unsubscribe();
    }
  }

  /** Every projection's served view, in the order of `names`; undefined unless all of them serve one. */
  function servedViews() {
    const current = phase === 'projecting' ? slots : undefined;
    if (!current) return undefined;
    const served = [];
    for (const name of names) {
      const view = current.get(name)?.view();
      if (!view) return undefined;
      served.push({ name, ...view });
    }
    return served;
  }

  function slotFor(name: string): ProjectionSlot | undefined {
    if (!names.includes(name)) throw new UnknownProjectionError(name);
    return slots?.get(name);
  }

  return {
    async start() {
      if (phase !== 'idle') throw new Error('the projection runner was already started');
      if (!lock) {
        await openSlots();
        return;
      }
      phase = 'standby';
      lockLoop = projectWhileLocked(lock).catch((error: unknown) => {
        logger?.error({ err: describe(error) }, 'projector lock loop failed');
      });
    },

    stop() {
      stopped ??= (async () => {
        stopping.abort();
        wakeOnLoss?.();
        const current = slots;
        slots = undefined;
        await Promise.all([...(current?.values() ?? [])].map((slot) => slot.stop('graceful')));
        await halting;
        await lockLoop;
        await lock?.release();
        phase = 'stopped';
        changes.notify();
      })();
      return stopped;
    },

    status(): ProjectionStatus[] {
      return names.map(
        (name) =>
          slots?.get(name)?.status() ?? {
            name,
            version: undefined,
            state: phase === 'stopped' || phase === 'idle' ? 'stopped' : 'standby',
            checkpoint: undefined,
            lastPosition: undefined,
            lag: null,
            caughtUp: false,
            degraded: false,
            lastError: undefined,
          },
      );
    },

    async waitFor(position, timeoutMs, projections = names) {
      for (const name of projections) slotFor(name);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const current = phase === 'projecting' ? slots : undefined;
        const reached = current
          ? projections.every((name) => {
              const checkpoint = current.get(name)?.served();
              return checkpoint !== undefined && comparePositions(checkpoint, position) >= 0;
            })
          : // Another process projects (or none does yet): what the store says is what readers get.
            await checkpointsReached(readModels, projections, position).catch(() => false);
        if (reached) return true;
        const remaining = deadline - Date.now();
        if (remaining <= 0) return false;
        await changes.next(Math.min(remaining, CHECKPOINT_POLL_MS));
      }
    },

    views() {
      const served = servedViews();
      return served && Object.fromEntries(served.map(({ name, view }) => [name, view]));
    },

    viewsStamp() {
      return servedViews()
        ?.map(({ version, applied }) => `${version}@${applied ?? ''};`)
        .join('');
    },

    async rebuild(name) {
      const slot = slotFor(name);
      if (!slot) throw new ProjectorNotRunningError('this process is not projecting (stopped, or another holds the lock)');
      return slot.rebuild();
    },
  };
}
