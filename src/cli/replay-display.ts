/**
 * Progress of rebuilds: one cli-progress bar per projection, on stderr so
 * that stdout keeps only the summary. Without a terminal the bars are printed
 * as lines now and then instead of redrawn.
 */
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { ProjectionView } from './replay-client.ts';
import type { ReplayDisplay } from './replay-follow.ts';

const STEPS = 1000;

function payload(view: ProjectionView, target: string, width: number) {
  const live = view.version === target && view.state === 'live';
  const rate = live ? view.lastRebuild?.eventsPerSecond : view.building?.eventsPerSecond;
  return {
    name: view.name.padEnd(width),
    rate: rate === null || rate === undefined ? '-' : rate.toLocaleString('en'),
    state: live ? `live on ${target}` : view.building ? `building ${target}` : view.state,
  };
}

export function createBarDisplay(targets: ReadonlyMap<string, string>, stream: NodeJS.WritableStream = process.stderr): ReplayDisplay {
  const width = Math.max(...[...targets.keys()].map((name) => name.length));
  const bars = new MultiBar(
    {
      stream,
      format: '{name} |{bar}| {percentage}% | {rate} events/s | {state}',
      barsize: 30,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 1000,
    },
    Presets.shades_classic,
  );
  const byName = new Map<string, SingleBar>();
  for (const name of targets.keys()) byName.set(name, bars.create(STEPS, 0, { name: name.padEnd(width), rate: '-', state: 'starting' }));
  return {
    update(views) {
      for (const view of views) {
        const target = targets.get(view.name);
        const bar = byName.get(view.name);
        if (target === undefined || !bar) continue;
        const done = view.version === target && view.state === 'live';
        bar.update(Math.round((done ? 1 : view.building?.version === target ? view.building.progress : 0) * STEPS), payload(view, target, width));
      }
    },
    stop: () => bars.stop(),
  };
}
