import type { Position } from '../event-store/port.ts';
import { CheckpointMismatchError, type ReadModelStore } from '../read-models/port.ts';
import { RETRY_MIN_MS, describe, nextDelay, sleep } from './backoff.ts';
import { isAfter, type Progress } from './progress.ts';
import type { RunnerLogger } from './types.ts';
import type { WorkingCopy } from './working-copy.ts';

export interface CommitterOptions {
  projection: string;
  version: string;
  readModels: ReadModelStore;
  copy: WorkingCopy;
  progress: Progress;
  logger?: RunnerLogger | undefined;
  /** Aborted when the worker stops: ends retries. */
  signal: AbortSignal;
  mayCommit(): boolean;
  onLostWriteRight(): void;
  /** Another writer moved this version's checkpoint past ours. */
  onConflict(error: CheckpointMismatchError): void;
  /** After the version was written again in full: readers may have lost their active pointer too. */
  afterRewrite(): Promise<void>;
  onCommitted(): void;
}

export interface Committer {
  /** Commits everything applied so far, retrying until stored or stopped; one commit at a time. */
  flush(): Promise<void>;
  /** One last attempt, for a graceful stop. */
  flushOnce(): Promise<void>;
  /** Compares the store's checkpoint with the last one committed, and repairs a difference. */
  verify(): Promise<void>;
  busy(): boolean;
}

/**
 * Writes a version worker's changes with its checkpoint. Every commit is
 * conditional on the checkpoint it last committed, so it notices when the
 * store lost the version (it then writes it again in full) or when another
 * projector wrote it (it then stops). A failed commit keeps its changes and
 * is retried, 100 ms doubling to 5 s; meanwhile the caller holds back events.
 */
export function createCommitter(o: CommitterOptions): Committer {
  const p = o.progress;
  let chain: Promise<void> = Promise.resolve();
  let running = 0;
  let rewrite = false;
  let reactivate = false;
  /** The checkpoint of the last attempt, stored or not: a lost reply is recognised by it. */
  let attempted: { checkpoint: Position; events: number } | undefined;

  const unsaved = () => p.applied !== undefined && p.applied !== p.committed;
  const work = () => rewrite || reactivate || unsaved();
  const context = { projection: o.projection, version: o.version };

  async function commitChanges() {
    const changes = o.copy.takeChanges();
    const checkpoint = p.applied as Position;
    const events = p.uncommitted;
    attempted = { checkpoint, events };
    try {
      await o.readModels.commit(o.projection, o.version, changes, checkpoint, p.committed ?? null);
    } catch (error) {
      o.copy.restoreChanges(changes);
      throw error;
    }
    p.committed = checkpoint;
    p.uncommitted -= events;
  }

  async function rewriteAll() {
    await o.readModels.dropVersion(o.projection, o.version);
    const changes = o.copy.takeChanges();
    const checkpoint = p.applied;
    const events = p.uncommitted;
    if (checkpoint !== undefined) {
      attempted = { checkpoint, events };
      try {
        await o.readModels.commit(o.projection, o.version, o.copy.everything(), checkpoint, null);
      } catch (error) {
        o.copy.restoreChanges(changes);
        throw error;
      }
    }
    p.committed = checkpoint;
    p.uncommitted -= events;
    rewrite = false;
    reactivate = true;
  }

  /** Returns whether to go on committing. */
  function mismatch(actual: Position | undefined, error: CheckpointMismatchError): boolean {
    if (actual !== undefined && attempted && actual === attempted.checkpoint && actual !== p.committed) {
      // The previous attempt was stored; only its reply was lost.
      p.committed = actual;
      p.uncommitted -= attempted.events;
      return true;
    }
    if (isAfter(actual, p.committed)) {
      p.lastError = error.message;
      o.logger?.error({ ...context, err: error.message }, 'another projector wrote this read-model version; stopping it');
      o.onConflict(error);
      return false;
    }
    o.logger?.warn({ ...context, expected: p.committed, found: actual }, 'read model lost data in the store; writing it again in full');
    rewrite = true;
    return true;
  }

  async function attempt(): Promise<void> {
    if (rewrite) await rewriteAll();
    else if (unsaved()) await commitChanges();
    if (reactivate) {
      await o.afterRewrite();
      reactivate = false;
    }
  }

  async function withRetry(): Promise<void> {
    let delay = RETRY_MIN_MS;
    while (!p.stopped && !p.halted && work()) {
      if (!o.mayCommit()) return o.onLostWriteRight();
      try {
        await attempt();
        if (p.degraded) o.logger?.info(context, 'read-model commits succeed again');
        p.degraded = false;
        if (!p.failed) p.lastError = undefined;
        o.onCommitted();
        return;
      } catch (error) {
        if (error instanceof CheckpointMismatchError) {
          if (mismatch(error.actual, error)) continue;
          return;
        }
        p.degraded = true;
        p.lastError = describe(error);
        o.onCommitted();
        o.logger?.warn({ ...context, err: p.lastError, retryInMs: delay }, 'read-model commit failed; keeping the changes and retrying');
        await sleep(delay, o.signal);
        delay = nextDelay(delay);
      }
    }
  }

  function serialised(run: () => Promise<void>): Promise<void> {
    running++;
    const next = chain.then(run).catch((error: unknown) => {
      o.logger?.error({ ...context, err: describe(error) }, 'read-model commit loop failed');
    });
    chain = next.finally(() => running--);
    return chain;
  }

  return {
    flush: () => serialised(withRetry),
    flushOnce: () =>
      serialised(async () => {
        if (p.halted || !work() || !o.mayCommit()) return;
        await attempt().catch((error: unknown) => {
          o.logger?.warn({ ...context, err: describe(error) }, 'last read-model commit before stopping failed');
        });
      }),
    verify: () =>
      serialised(async () => {
        if (p.stopped || p.halted || p.degraded) return;
        // Serialised with commits, so `committed` cannot move while the store is read.
        const actual = await o.readModels.checkpoint(o.projection, o.version).catch(() => p.committed);
        if (actual === p.committed) return;
        const error = new CheckpointMismatchError(o.projection, o.version, p.committed ?? null, actual);
        if (mismatch(actual, error)) await withRetry();
      }),
    busy: () => running > 0,
  };
}
