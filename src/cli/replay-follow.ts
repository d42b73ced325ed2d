/**
 * Follows rebuilds until each requested projection serves its new version,
 * whoever runs them (the service, or this process with --direct).
 */
import type { ProjectionView } from './replay-client.ts';
import { ReplayError } from './replay-client.ts';

export interface ReplayDisplay {
  update(views: ProjectionView[]): void;
  stop(): void;
}

export interface FollowOptions {
  /** Projection → the version its rebuild writes. */
  targets: ReadonlyMap<string, string>;
  poll(): Promise<ProjectionView[]>;
  display: ReplayDisplay;
  pollMs: number;
  /** 0: no limit. */
  timeoutMs: number;
}

export interface Rebuilt {
  name: string;
  version: string;
  eventsPerSecond: number | null;
}

/** How many polls in a row may fail before the service counts as gone. */
const UNREACHABLE_POLLS = 5;

/** Undefined while the rebuild runs; the result once live; throws when it cannot end well. */
function settled(view: ProjectionView | undefined, name: string, target: string): Rebuilt | undefined {
  if (!view) throw new ReplayError(`the service no longer reports projection ${name}`);
  const last = view.lastRebuild?.version === target ? view.lastRebuild : null;
  if (last?.outcome === 'failed') throw new ReplayError(`rebuilding ${name} (version ${target}) failed: ${last.error ?? 'no reason given'}`);
  if (view.version === target) {
    if (view.state === 'failed') throw new ReplayError(`${name} version ${target} failed: ${view.lastError ?? 'no reason given'}`);
    return view.state === 'live' ? { name, version: target, eventsPerSecond: last?.eventsPerSecond ?? null } : undefined;
  }
  if (view.building?.version === target) return undefined;
  throw new ReplayError(
    `the rebuild of ${name} (version ${target}) stopped before it went live: ${view.state} on version ${view.version ?? 'none'}` +
      (view.lastError ? `, ${view.lastError}` : '') +
      '. If the service restarted, memory read models were rebuilt from position zero at its start.',
  );
}

export async function follow(o: FollowOptions): Promise<Rebuilt[]> {
  const deadline = o.timeoutMs > 0 ? Date.now() + o.timeoutMs : Infinity;
  let failures = 0;
  try {
    for (;;) {
      let views: ProjectionView[];
      try {
        views = await o.poll();
        failures = 0;
      } catch (error) {
        if (!(error instanceof ReplayError && error.unreachable) || ++failures >= UNREACHABLE_POLLS) throw error;
        await new Promise((resolve) => setTimeout(resolve, o.pollMs));
        continue;
      }
      o.display.update(views);
      const done = [...o.targets].map(([name, target]) => settled(views.find((v) => v.name === name), name, target));
      if (done.every((result) => result !== undefined)) return done as Rebuilt[];
      if (Date.now() > deadline) {
        const waiting = [...o.targets.keys()].filter((_, i) => done[i] === undefined);
        throw new ReplayError(`timed out; still rebuilding: ${waiting.join(', ')} (the rebuilds go on in the service)`);
      }
      await new Promise((resolve) => setTimeout(resolve, o.pollMs));
    }
  } finally {
    o.display.stop();
  }
}
