import type { Doc, Projection, ProjectedEvent } from '../../projections/projection.ts';
import type { DocChange, ViewOptions } from '../../projections/view.ts';
import type { EventStore, Position, RecordedEvent } from '../event-store/port.ts';
import type { CheckpointMismatchError, ReadModelStore } from '../read-models/port.ts';
import { describe } from './backoff.ts';
import { createCommitter } from './committer.ts';
import { isAfter as after, startingAt, type Progress } from './progress.ts';
import { resilientSubscription } from './subscription.ts';
import type { RunnerLogger } from './types.ts';
import { createWorkingCopy } from './working-copy.ts';

export interface VersionWorkerOptions {
  projection: Projection;
  version: string;
  eventStore: EventStore;
  readModels: ReadModelStore;
  batchSize: number;
  idleMs: number;
  probeMs: number;
  logger?: RunnerLogger | undefined;
  /** Settings the projection's view is built with. */
  viewOptions: ViewOptions;
  /** Where the version stands in the store, with the view built from its documents; nothing for a fresh build. */
  from?: { checkpoint: Position | undefined; docs: Record<string, Record<string, Doc>>; view: unknown };
  mayCommit(): boolean;
  onLostWriteRight(): void;
  onConflict(error: CheckpointMismatchError): void;
  /** Makes this version active again if readers lost their pointer (it is called on the serving version only). */
  ensureActive(): Promise<void>;
  onChange(): void;
}

export interface VersionWorker {
  readonly version: string;
  progress(): Readonly<Progress>;
  /** The projection's view of every event applied so far (undefined when it declares none). */
  view(): unknown;
  /** Subscription caught up, everything seen applied and committed. */
  caughtUp(): boolean;
  /** Everything up to where the subscription last reported catching up is committed; holds under a steady write load too. */
  committedCatchUp(): boolean;
  /** Events applied but not committed; null while more of the log is known to be unread. */
  lag(): number | null;
  start(): void;
  /** Stops delivery; with `flush`, commits what was applied once more. */
  stop(options: { flush: boolean }): Promise<void>;
  /** Stops applying and writing at once: the write right is gone. */
  halt(): Promise<void>;
}

/** Probe periods without a delivery, while the log has more, before a subscription counts as stalled. */
const STALL_PROBES = 5;

/** What a projection is given: a copy, so that it cannot change the event other projections see, unless the event is frozen. */
const projected = (event: RecordedEvent): ProjectedEvent =>
  // A frozen event (the SQLite adapter shares decoded pages that way) cannot be changed by anyone: no copy needed.
  Object.isFrozen(event) && Object.isFrozen(event.data) && Object.isFrozen(event.metadata)
    ? // The store's metadata type only lacks the index signature ProjectedEvent declares.
      (event as unknown as ProjectedEvent)
    : { ...event, data: { ...event.data }, metadata: { ...event.metadata } };

/** Documents applied to a view per turn of the event loop while a loaded version's view is built. */
const VIEW_BUILD_SLICE = 2000;

/**
 * Builds a projection's view from a version's documents, yielding the event
 * loop between slices: a large model does not hold requests (or the
 * projector lock's renewal) while it loads.
 */
export async function viewOfDocuments(projection: Projection, docs: Record<string, Record<string, Doc>>, options: ViewOptions): Promise<unknown> {
  const definition = projection.view;
  if (!definition) return undefined;
  const view = definition.create(options);
  let slice: DocChange[] = [];
  for (const [collection, byId] of Object.entries(docs)) {
    for (const id in byId) {
      slice.push({ collection, id, before: undefined, after: byId[id] });
      if (slice.length < VIEW_BUILD_SLICE) continue;
      definition.apply(view, slice);
      slice = [];
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (slice.length > 0) definition.apply(view, slice);
  definition.settle?.(view);
  return view;
}

/**
 * Projects `$all` into one version of one projection: applies events to a
 * working copy and commits changes with the checkpoint every `batchSize`
 * events, when the subscription catches up, and at most `idleMs` after an
 * event otherwise. While a commit fails, events are held back once a batch
 * is pending, so memory stays bounded and the subscription waits.
 */
export function createVersionWorker(o: VersionWorkerOptions): VersionWorker {
  const context = { projection: o.projection.name, version: o.version };
  const copy = createWorkingCopy(o.projection.collections, o.from?.docs);
  const definition = o.projection.view;
  const view = o.from ? o.from.view : definition?.create(o.viewOptions);
  const p = startingAt(o.from?.checkpoint);
  const abort = new AbortController();
  const committer = createCommitter({
    ...o,
    projection: o.projection.name,
    copy,
    progress: p,
    signal: abort.signal,
    afterRewrite: o.ensureActive,
    onCommitted: o.onChange,
  });
  let idleTimer: NodeJS.Timeout | undefined;
  let probeTimer: NodeJS.Timeout | undefined;
  let probing: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  let caughtUpAt: Position | undefined;

  const accepting = () => !p.stopped && !p.halted && !p.failed;
  const see = (position: Position) => {
    if (after(position, p.knownEnd)) p.knownEnd = position;
  };

  function armIdle() {
    if (idleTimer || !accepting()) return;
    idleTimer = setTimeout(() => {
      idleTimer = undefined;
      void committer.flush().then(() => {
        if (p.applied !== p.committed) armIdle();
      });
    }, o.idleMs);
  }

  function fail(error: unknown, event: RecordedEvent) {
    p.failed = true;
    p.lastError = `${event.type} at ${event.position} (${event.stream}@${event.revision}): ${describe(error)}`;
    o.logger?.error({ ...context, err: p.lastError }, 'projection failed to apply an event; it stays at the event before');
    // Not awaited: closing waits for this very delivery to return.
    void subscription.close();
    void committer.flush();
    o.onChange();
  }

  /** Applies one event; answers a promise only when it commits (the subscription then waits), so most events cost no microtask. */
  function onEvent(event: RecordedEvent): Promise<void> | undefined {
    if (!accepting()) return;
    see(event.position);
    // Delivered again (a resubscribe, an at-least-once store): already in the working copy.
    if (!after(event.position, p.applied)) return;
    if (o.projection.handles.has(event.type)) {
      try {
        const changes = copy.transact((docs) => o.projection.apply(projected(event), docs));
        if (definition && changes.length > 0) definition.apply(view, changes);
      } catch (error) {
        fail(error, event);
        return;
      }
    }
    p.applied = event.position;
    p.uncommitted++;
    if (p.uncommitted >= o.batchSize) return committer.flush();
    armIdle();
    return;
  }

  const subscription = resilientSubscription({
    ...o,
    context,
    signal: abort.signal,
    after: () => p.applied,
    onEvent,
    onCaughtUp() {
      p.subscriptionCaughtUp = true;
      if (after(p.applied, caughtUpAt)) caughtUpAt = p.applied;
      void committer.flush();
      o.onChange();
    },
    onTrouble(message) {
      p.subscriptionCaughtUp = false;
      p.lastError = message;
      o.onChange();
    },
  });

  /** Learns whether the log holds more than the subscription delivered, and whether the store still holds this version. */
  async function probe() {
    try {
      const [next] = await o.eventStore.readAll({ ...(p.applied ? { after: p.applied } : {}), maxCount: 1 });
      if (next) see(next.position);
      // The log has more, yet nothing was delivered for a while: a lost wake-up or a half-open connection.
      if (next && accepting() && subscription.idleMs() > STALL_PROBES * o.probeMs) await subscription.restart('stalled');
    } catch {
      // The subscription reports event-store trouble.
    }
    if (!accepting() || committer.busy()) return;
    await committer.verify();
    await o.ensureActive().catch(() => undefined);
    o.onChange();
  }

  return {
    version: o.version,
    progress: () => p,
    view: () => view,
    caughtUp: () =>
      p.subscriptionCaughtUp && !p.degraded && p.applied === p.committed && !after(p.knownEnd, p.applied),
    committedCatchUp: () =>
      p.subscriptionCaughtUp && (caughtUpAt === undefined || (p.committed !== undefined && !after(caughtUpAt, p.committed))),
    lag: () => (after(p.knownEnd, p.applied) ? null : p.uncommitted),

    start() {
      subscription.open();
      probeTimer = setInterval(() => {
        probing ??= probe().finally(() => (probing = undefined));
      }, o.probeMs);
      probeTimer.unref();
    },

    stop,

    halt() {
      p.halted = true;
      return stop({ flush: false });
    },
  };

  function stop({ flush }: { flush: boolean }): Promise<void> {
    stopping ??= (async () => {
      p.stopped = true;
      clearTimeout(idleTimer);
      clearInterval(probeTimer);
      abort.abort();
      await subscription.close();
      await probing;
      // Waits for a commit in flight; with `stopped` set it starts no other.
      await committer.flush();
      if (flush) await committer.flushOnce();
      o.onChange();
    })();
    return stopping;
  }
}
