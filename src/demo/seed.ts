import { createCommandHandler } from '../commands/handle-command.ts';
import { KEYS_STREAM } from '../../commands/api-keys/index.ts';
import type { EventStore, Position } from '../event-store/port.ts';
import { buildDataset, datasetSteps, DEFAULT_SEED } from './dataset.ts';
import { createStepTime } from './step-time.ts';
import { runSteps } from './steps.ts';

export interface SeedOptions {
  /** Streams written side by side; the SQLite store commits their appends together. Default 24. */
  concurrency?: number;
  /** The actor recorded in every event's metadata. Default `demo-seed`. */
  actor?: string;
  /** Seed of the generator; the same seed always gives the same dataset. */
  seed?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedSummary {
  commands: number;
  /** Commands an earlier seed had already written (see `runSteps`). */
  replayed: number;
  partnerships: number;
  projects: number;
  campaignId: string;
  /** Synthetic partner names that had to fall back to a label; 0 with the shipped place lists. */
  nameFallbacks: number;
  durationMs: number;
}

/**
 * Writes the demo dataset through the command handler, so every event passes
 * the same schemas and deciders as an office tool's request. Facts run to
 * the press conference of 7 December 2021 (`DEMO_END`) and reproduce the
 * figures it published.
 */
export async function seedDemo(store: EventStore, options: SeedOptions & { conflictRetries?: number } = {}): Promise<SeedSummary> {
  const started = performance.now();
  const dataset = buildDataset(options.seed ?? DEFAULT_SEED);
  const time = createStepTime();
  const handle = createCommandHandler({ store, clock: time.clock, newId: time.newId, conflictRetries: options.conflictRetries ?? 5 });
  const { commands, replayed } = await runSteps(handle, datasetSteps(dataset), {
    concurrency: options.concurrency ?? 24,
    actor: options.actor ?? 'demo-seed',
    time,
    ...(options.onProgress !== undefined && { onProgress: options.onProgress }),
  });
  return {
    commands,
    replayed,
    partnerships: dataset.partnerships.length,
    projects: dataset.projects.length,
    campaignId: dataset.campaign.id,
    nameFallbacks: dataset.nameFallbacks,
    durationMs: Math.round(performance.now() - started),
  };
}

/** Whether the store records anything but API keys (which the first start of a server writes). */
export async function hasLedgerEvents(store: EventStore): Promise<boolean> {
  let after: Position | undefined;
  for (;;) {
    const page = await store.readAll({ ...(after ? { after } : {}), maxCount: 500 });
    if (page.some((event) => event.stream !== KEYS_STREAM)) return true;
    const last = page.at(-1);
    if (!last) return false;
    after = last.position;
  }
}

export class DemoStoreNotEmptyError extends Error {
  override readonly name = 'DemoStoreNotEmptyError';
  constructor() {
    super('the event store already has events; the demo goes into an empty store (use --force to add it anyway)');
  }
}

/**
 * Seeds a store, refusing one that already has events unless `force`: the
 * demo's figures only hold on their own. Forced over an earlier demo seed,
 * every command is recognised by its Idempotency-Key and nothing is written
 * twice, so an interrupted seed can be completed.
 */
export async function seedDemoStore(
  store: EventStore,
  options: SeedOptions & { force?: boolean; conflictRetries?: number } = {},
): Promise<SeedSummary> {
  if (options.force !== true && (await hasLedgerEvents(store))) throw new DemoStoreNotEmptyError();
  return seedDemo(store, options);
}

/** What a store holds, API keys aside, as far as the demo is concerned. */
export type DemoContents =
  | { kind: 'empty' }
  /** Only demo commands, `present` of its `commands`: complete when they are equal. */
  | { kind: 'demo'; present: number; commands: number }
  /** Anything the demo did not write. */
  | { kind: 'other' };

/**
 * Reads the whole log once. An event is the demo's when its actor is the
 * demo's and its Idempotency-Key is one of the demo's steps (every step
 * appends at least one event, all carrying its key), so a store with only
 * such events is a demo seed, and it is complete when every step is there.
 */
export async function demoContents(store: EventStore, options: Pick<SeedOptions, 'actor' | 'seed'> = {}): Promise<DemoContents> {
  const actor = options.actor ?? 'demo-seed';
  let stepKeys: Set<string> | undefined;
  const present = new Set<string>();
  let after: Position | undefined;
  for (;;) {
    const page = await store.readAll({ ...(after ? { after } : {}), maxCount: 1000 });
    for (const event of page) {
      if (event.stream === KEYS_STREAM) continue;
      stepKeys ??= new Set(datasetSteps(buildDataset(options.seed ?? DEFAULT_SEED)).map((step) => `demo:${step.key}`));
      const key = event.metadata.idempotencyKey;
      if (event.metadata.actor !== actor || typeof key !== 'string' || !stepKeys.has(key)) return { kind: 'other' };
      present.add(key);
    }
    const last = page.at(-1);
    if (!last) break;
    after = last.position;
  }
  return stepKeys === undefined ? { kind: 'empty' } : { kind: 'demo', present: present.size, commands: stepKeys.size };
}

export type DemoStartOutcome =
  | { outcome: 'seeded' | 'resumed'; summary: SeedSummary }
  | { outcome: 'complete'; commands: number }
  | { outcome: 'refused' };

/**
 * What `npm start -- --demo` does: seeds an empty store, completes an
 * interrupted demo seed (nothing written twice), leaves a complete one as it
 * is without replaying it, and refuses to mix the demo into other data.
 */
export async function seedDemoOnStart(
  store: EventStore,
  options: SeedOptions & {
    conflictRetries?: number;
    /** Called before writing: with how far an interrupted seed got, when it is one. */
    onSeeding?: (resuming: { present: number; commands: number } | undefined) => void;
  } = {},
): Promise<DemoStartOutcome> {
  const contents = await demoContents(store, options);
  if (contents.kind === 'other') return { outcome: 'refused' };
  if (contents.kind === 'demo' && contents.present === contents.commands) return { outcome: 'complete', commands: contents.commands };
  options.onSeeding?.(contents.kind === 'demo' ? { present: contents.present, commands: contents.commands } : undefined);
  const summary = await seedDemoStore(store, { ...options, force: true });
  return { outcome: contents.kind === 'demo' ? 'resumed' : 'seeded', summary };
}
