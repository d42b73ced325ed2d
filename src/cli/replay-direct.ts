/**
 * `replay --direct`: rebuilds in this process, for deployments whose read
 * models live in Redis and whose projector serves no API. It is a projector
 * like any other: it writes only while it holds the projector lock, builds
 * each new version next to the one readers see and switches them atomically,
 * so API processes keep answering throughout. While another projector holds
 * the lock it refuses rather than wait.
 */
import type { Config } from '../config.ts';
import { openEventStore } from '../event-store/open.ts';
import type { Position } from '../event-store/port.ts';
import { buildProgress, commitOf } from '../projection-runner/build-progress.ts';
import type { ProjectionStatus } from '../projection-runner/types.ts';
import { createReadSide } from '../read-side.ts';
import { ReplayError, type ProjectionView } from './replay-client.ts';
import { follow, type FollowOptions, type Rebuilt } from './replay-follow.ts';

export const MEMORY_EXPLANATION =
  'In-memory read models (READ_MODEL_STORE=memory) live inside the service process, which builds them from position zero ' +
  'at every start: there is nothing to rebuild while it is stopped, and starting it rebuilds them.';

export interface DirectOptions {
  config: Pick<Config, 'eventStore' | 'readModels'> & Partial<Pick<Config, 'dormancyMonths'>>;
  /** Projection names, or every projection. */
  wanted: readonly string[] | 'all';
  display(targets: ReadonlyMap<string, string>): FollowOptions['display'];
  onStart(targets: ReadonlyMap<string, string>): void;
  pollMs: number;
  timeoutMs: number;
  /** How long to wait for the lock: a crashed holder's lease runs out in 10 s. */
  lockWaitMs?: number;
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

export async function rebuildDirectly(o: DirectOptions): Promise<Rebuilt[]> {
  if (o.config.readModels.kind !== 'redis') throw new ReplayError(`--direct needs READ_MODEL_STORE=redis. ${MEMORY_EXPLANATION}`);
  const countsEvents = o.config.eventStore.kind === 'sqlite';
  const store = await openEventStore(o.config.eventStore);
  const readSide = createReadSide({ config: { role: 'projector', readModels: o.config.readModels, ...(o.config.dormancyMonths !== undefined && { dormancyMonths: o.config.dormancyMonths }) }, eventStore: store });
  try {
    await readSide.start();
    const serving = () => readSide.status().every((p) => ['live', 'failed', 'building', 'rebuilding'].includes(p.state));
    if (!(await until(serving, o.lockWaitMs ?? 15_000))) {
      const states = readSide.status().map((p) => `${p.name} ${p.state}`).join(', ');
      throw new ReplayError(
        readSide.status().some((p) => p.state === 'standby')
          ? 'another projector holds the projector lock (a running ROLE=all or ROLE=projector process): ask it over HTTP with --url, or stop it first.'
          : `the projections did not start (${states}).`,
      );
    }
    const known = readSide.status().map((p) => p.name);
    const names = o.wanted === 'all' ? known : o.wanted;
    const unknown = names.filter((name) => !known.includes(name));
    if (unknown.length > 0) throw new ReplayError(`No projection named ${unknown.join(', ')}. Valid names: ${known.join(', ')}.`, 2);

    const startedAt = Date.now();
    const rate = (position: Position | undefined) => {
      const seconds = (Date.now() - startedAt) / 1000;
      return countsEvents && seconds >= 0.01 ? Math.round(Number(commitOf(position)) / seconds) : null;
    };
    const outcomes = new Map<string, { error: string | null; finished: boolean; eventsPerSecond: number | null }>();
    const targets = new Map<string, string>();
    for (const name of names) {
      const rebuild = (readSide.rebuild as NonNullable<typeof readSide.rebuild>)(name);
      const outcome = { error: null as string | null, finished: false, eventsPerSecond: null as number | null };
      outcomes.set(name, outcome);
      rebuild.then(
        () => {
          outcome.finished = true;
          outcome.eventsPerSecond = rate(readSide.status().find((p) => p.name === name)?.checkpoint);
        },
        (error: unknown) => ((outcome.finished = true), (outcome.error = error instanceof Error ? error.message : String(error))),
      );
      targets.set(name, readSide.status().find((p) => p.name === name)?.building?.version ?? 'unknown');
    }
    o.onStart(targets);

    const view = (p: ProjectionStatus): ProjectionView => {
      const outcome = outcomes.get(p.name);
      const target = targets.get(p.name) ?? '';
      return {
        name: p.name,
        version: p.version ?? null,
        state: p.state,
        lastError: p.lastError ?? null,
        building: p.building
          ? {
              version: p.building.version,
              progress: buildProgress(p.building.checkpoint, p.lastPosition, p.building.caughtUp),
              eventsPerSecond: rate(p.building.checkpoint),
            }
          : null,
        lastRebuild: outcome
          ? {
              version: target,
              outcome: outcome.error !== null ? 'failed' : outcome.finished ? 'live' : 'running',
              eventsPerSecond: outcome.eventsPerSecond,
              error: outcome.error,
            }
          : null,
      };
    };
    return await follow({
      targets,
      poll: async () => readSide.status().map(view),
      display: o.display(targets),
      pollMs: o.pollMs,
      timeoutMs: o.timeoutMs,
    });
  } finally {
    // Stopping commits what was applied and releases the lock, so the projector can take over.
    await readSide.close();
    await store.close();
  }
}
