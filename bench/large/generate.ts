import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { type PartnershipCommand, partnershipCommandSchemas, partnershipDecider, partnershipStream } from '../../commands/partnership/index.ts';
import { type ProjectCommand, projectCommandSchemas, projectDecider, projectStream } from '../../commands/project/index.ts';
import { createRandom, type Random } from '../../src/demo/random.ts';
import { createLedger } from '../../src/event-store/ledger.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import { generateAdminKey } from '../lib/service-process.ts';
import { perSecond } from '../lib/stats.ts';
import { activityOn } from './activity-body.ts';
import { createSendCommand, type SendCommand } from './command-wiring.ts';
import { withWriterCache } from './writer-cache.ts';
import { type Dated, type LargeParams, planLargeStore, type StreamPlan } from './dataset.ts';

export const MARKER_FILE = 'bench-large.json';
const KEY_FILE = 'bench-admin-key';
const STORE_FILES = ['events.db', 'events.db-wal', 'events.db-shm', MARKER_FILE, KEY_FILE];
const WRITERS = 32;

export interface LargeStore {
  dir: string;
  params: LargeParams;
  events: number;
  streams: number;
  seconds: number;
  eventsPerSecond: number;
  /** The admin key the service was first started with in this directory. */
  adminKey: string;
  reused: boolean;
}

/** A stream's commands in date order, produced one at a time (a million bodies would not fit comfortably in memory). */
function* commandsOf(plan: StreamPlan, seed: string): Generator<Dated> {
  yield* plan.before;
  let rnd: Random | undefined;
  for (const day of plan.activityDays) {
    rnd ??= createRandom(`${seed}/activity/${plan.id}`);
    if (plan.context !== undefined) yield activityOn(rnd, plan.context, day);
  }
  yield* plan.after;
}

function sender(send: SendCommand) {
  const partnerships = partnershipCommandSchemas as unknown as Record<string, z.ZodType>;
  const projects = projectCommandSchemas as unknown as Record<string, z.ZodType>;
  // Bodies pass the route's own schema, so the store holds only what an office tool could have sent.
  return (plan: StreamPlan, { date, body }: Dated) => {
    const schemas = plan.aggregate === 'partnership' ? partnerships : projects;
    const data = schemas[body.type]?.parse({ ...body.data, date });
    if (data === undefined) throw new Error(`no schema for ${body.type}`);
    const command = { type: body.type, id: plan.id, data };
    return plan.aggregate === 'partnership'
      ? send(partnershipDecider, partnershipStream(plan.id), command as PartnershipCommand, plan.office)
      : send(projectDecider, projectStream(plan.id), command as ProjectCommand, plan.office);
  };
}

/**
 * Writes the store stream by stream, each in date order, many streams side
 * by side (the SQLite store commits their appends together). Progress goes
 * to `log` every ten seconds.
 */
async function generate(path: string, params: LargeParams, log: (line: string) => void): Promise<{ events: number; streams: number; ms: number }> {
  const plans = planLargeStore(params);
  const total = plans.reduce((sum, p) => sum + p.before.length + p.activityDays.length + p.after.length, 0);
  log(`generating ${total.toLocaleString('en-US')} events in ${plans.length.toLocaleString('en-US')} streams through the command handler`);
  const store = withWriterCache(createLedger(createSqliteEventStore({ path, durability: 'off' })));
  const send = sender(createSendCommand(store));
  const started = performance.now();
  let written = 0;
  const progress = setInterval(() => {
    const rate = perSecond(written, performance.now() - started);
    log(`  ${written.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} events (${((100 * written) / total).toFixed(0)} %), ${rate.toFixed(0)} events/s`);
  }, 10_000);
  let taken = 0;
  const writer = async () => {
    for (let plan = plans[taken++]; plan !== undefined; plan = plans[taken++]) {
      for (const command of commandsOf(plan, params.seed)) {
        await send(plan, command);
        written++;
      }
      store.forget(plan.aggregate === 'partnership' ? partnershipStream(plan.id) : projectStream(plan.id));
    }
  };
  try {
    await Promise.all(Array.from({ length: WRITERS }, writer));
  } finally {
    clearInterval(progress);
    await store.close();
  }
  return { events: written, streams: plans.length, ms: performance.now() - started };
}

/**
 * The large store in `dir`: reused when the marker says it was completed
 * with the same parameters, otherwise (re)generated. The marker is written
 * last, so an interrupted generation is never mistaken for a finished one.
 */
export async function ensureLargeStore(dir: string, params: LargeParams, log: (line: string) => void): Promise<LargeStore> {
  const markerPath = join(dir, MARKER_FILE);
  if (existsSync(markerPath) && existsSync(join(dir, 'events.db'))) {
    const marker = JSON.parse(readFileSync(markerPath, 'utf8')) as Omit<LargeStore, 'dir' | 'reused' | 'adminKey'>;
    if (JSON.stringify(marker.params) === JSON.stringify(params)) {
      log(`reusing the store generated earlier in this directory (${marker.events.toLocaleString('en-US')} events)`);
      return { ...marker, dir, adminKey: readFileSync(join(dir, KEY_FILE), 'utf8').trim(), reused: true };
    }
    log('the directory holds a store generated with other parameters: generating it again');
  }
  for (const file of STORE_FILES) rmSync(join(dir, file), { force: true });
  const { events, streams, ms } = await generate(join(dir, 'events.db'), params, log);
  const adminKey = generateAdminKey();
  writeFileSync(join(dir, KEY_FILE), `${adminKey}\n`, { mode: 0o600 });
  const result = { params, events, streams, seconds: ms / 1000, eventsPerSecond: perSecond(events, ms) };
  writeFileSync(markerPath, `${JSON.stringify({ ...result, finishedAt: new Date().toISOString() }, null, 2)}\n`);
  log(`generated ${events.toLocaleString('en-US')} events in ${(ms / 1000).toFixed(0)} s: ${result.eventsPerSecond.toFixed(0)} events/s`);
  return { ...result, dir, adminKey, reused: false };
}
