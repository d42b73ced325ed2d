/**
 * A store of a million events, generated through the command handler, and
 * what it costs the service: the adapter's readAll rate, start to ready
 * while the projections catch up from position 0 (as a ratio to readAll),
 * the overview under load, a restart on the same data, and the same with
 * Redis read models (from nothing, then with the models already in Redis).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LARGE_DEFAULTS } from '../large/dataset.ts';
import { ensureLargeStore } from '../large/generate.ts';
import { measureReadAll } from '../large/read-all.ts';
import { deleteKeys, redisAvailable } from '../large/redis-keys.ts';
import { describeStop } from '../lib/child-process.ts';
import { compareRead, logPathIn } from '../lib/compare.ts';
import type { SuiteContext } from '../lib/context.ts';
import { column, LOAD_COLUMNS, type SuiteReport, startReport, type Table } from '../lib/report.ts';
import { NotReadyError, type RunningService, startService } from '../lib/service-process.ts';
import { perSecond, ratio } from '../lib/stats.ts';

const READY_TIMEOUT_MS = 600_000;
/** Where the service keeps its memory read models between runs, in its DATA_DIR. */
const SNAPSHOT_FILE = 'read-models.snapshot.ndjson';

const STEP_COLUMNS = [
  column('case', 'step', 'text'),
  column('seconds', 'seconds', 's'),
  column('events', 'events', 'int'),
  column('eventsPerSec', 'events/s', 'int'),
  column('ratio', 'ratio to readAll', 'ratio'),
  column('peakRssMb', 'peak RSS MB', 'mb'),
  column('rssMb', 'RSS MB', 'mb'),
];

/** Starts the service and records spawn-to-ready; a start that is not ready in time is a row, not a failure. */
async function timedStart(name: string, env: Record<string, string>, setup: { dir: string; adminKey: string; logPath: string; events: number; readAllRate: number }, table: Table): Promise<RunningService | undefined> {
  console.log(`  ${name}: starting`);
  try {
    const service = await startService({ dataDir: setup.dir, adminKey: setup.adminKey, logPath: setup.logPath, env, readyTimeoutMs: READY_TIMEOUT_MS });
    const memory = await service.memory();
    const rate = perSecond(setup.events, service.startToReadyMs);
    table.rows.push({ case: name, seconds: service.startToReadyMs / 1000, events: setup.events, eventsPerSec: rate, ratio: ratio(rate, setup.readAllRate), ...memory });
    console.log(`  ${name}: ready in ${(service.startToReadyMs / 1000).toFixed(1)} s, peak RSS ${memory.peakRssMb?.toFixed(0)} MB`);
    return service;
  } catch (error) {
    if (!(error instanceof NotReadyError)) throw error;
    table.rows.push({ case: `${name}: ${error.message.split('\n')[0]}`, seconds: error.seconds, events: setup.events, eventsPerSec: null, ratio: null, ...error.memory });
    console.log(`  ${name}: ${error.message}`);
    return undefined;
  }
}

async function timedStop(name: string, service: RunningService | undefined, table: Table): Promise<void> {
  if (service === undefined) return;
  const memory = await service.memory();
  const stopped = await service.stop();
  table.rows.push({ case: `${name}: SIGTERM to exit${describeStop(stopped)}`, seconds: stopped.ms / 1000, events: null, eventsPerSec: null, ratio: null, ...memory });
}

export async function largeSuite(context: SuiteContext): Promise<SuiteReport> {
  const report = startReport('large');
  const dir = context.keepDir ?? join(context.workDir, 'large');
  mkdirSync(dir, { recursive: true });
  const steps = report.table('large: generation, catch-up and restarts', STEP_COLUMNS);
  const loads = report.table('large: GET /dashboards/overview against bare fastify serving the same body', LOAD_COLUMNS);

  const store = await ensureLargeStore(dir, LARGE_DEFAULTS, (line) => console.log(`  ${line}`));
  steps.rows.push({ case: `generate through the command handler${store.reused ? ' (earlier run, reused)' : ''}`, seconds: store.seconds, events: store.events, eventsPerSec: store.eventsPerSecond, ratio: null, peakRssMb: null, rssMb: null });
  const readAll = await measureReadAll(dir);
  steps.rows.push({ case: 'SQLite adapter readAll, pages of 500', seconds: readAll.ms / 1000, events: readAll.events, eventsPerSec: readAll.eventsPerSecond, ratio: 1, peakRssMb: null, rssMb: null });
  console.log(`  readAll: ${readAll.events} events at ${readAll.eventsPerSecond.toFixed(0)} events/s`);
  report.note(`${LARGE_DEFAULTS.partnerships.toLocaleString('en-US')} partnerships and ${LARGE_DEFAULTS.projects} projects; the log holds ${readAll.events.toLocaleString('en-US')} events`);
  report.note('per-key rate limit off for the measurement (RATE_LIMIT_PER_MINUTE=0); LOG_LEVEL=info, SQLITE_DURABILITY=full');
  report.note('"events/s" of a start is the events in the log divided by the time from spawn to ready; a start from nothing builds every read model from position 0, a restart resumes from the snapshot (memory) or the models in Redis');

  const setup = { dir, adminKey: store.adminKey, events: readAll.events, readAllRate: readAll.eventsPerSecond };
  const memoryEnv = { READ_MODEL_STORE: 'memory' };
  // A kept directory may hold the snapshot of an earlier run: "from nothing" means without it.
  rmSync(join(dir, SNAPSHOT_FILE), { force: true });
  let service = await timedStart('memory read models, start from nothing', memoryEnv, { ...setup, logPath: logPathIn(context.workDir, 'large-memory-1') }, steps);
  if (service !== undefined) {
    const outcome = await compareRead(service, { name: 'GET /dashboards/overview', path: '/dashboards/overview' }, context.load, context.workDir, loads);
    const unavailable = outcome.service?.statusCodes['503'] ?? 0;
    report.note(`GET /dashboards/overview alone, before the load: ${outcome.probeMs.toFixed(0)} ms`);
    report.note(unavailable > 0 ? `${unavailable} overview answers under load were 503` : 'no overview answer under load was a 503');
    if (outcome.service !== undefined && outcome.service.errors > 0) {
      report.note(`${outcome.service.errors} overview requests under load got no answer within autocannon's 10 s timeout`);
    }
  }
  await timedStop('memory read models', service, steps);
  service = await timedStart('memory read models, restart on the same data', memoryEnv, { ...setup, logPath: logPathIn(context.workDir, 'large-memory-2') }, steps);
  await timedStop('memory read models, restart', service, steps);

  if (!(await redisAvailable(context.redisUrl))) {
    report.note(`Redis read models not measured: no Redis answers at ${context.redisUrl}`);
    return report.finish();
  }
  const prefix = `bench-${randomUUID().slice(0, 8)}`;
  const redisEnv = { READ_MODEL_STORE: 'redis', REDIS_URL: context.redisUrl, REDIS_KEY_PREFIX: prefix };
  try {
    service = await timedStart('Redis read models, start from nothing', redisEnv, { ...setup, logPath: logPathIn(context.workDir, 'large-redis-1') }, steps);
    await timedStop('Redis read models', service, steps);
    service = await timedStart('Redis read models, restart with the models in Redis', redisEnv, { ...setup, logPath: logPathIn(context.workDir, 'large-redis-2') }, steps);
    if (service !== undefined) {
      const outcome = await compareRead(service, { name: 'GET /dashboards/overview, Redis read models', path: '/dashboards/overview' }, context.load, context.workDir, loads);
      const unavailable = outcome.service?.statusCodes['503'] ?? 0;
      report.note(unavailable > 0 ? `${unavailable} overview answers under load on Redis read models were 503` : 'no overview answer under load on Redis read models was a 503');
    }
    await timedStop('Redis read models, restart', service, steps);
  } finally {
    report.note(`Redis keys under ${prefix}: deleted ${await deleteKeys(context.redisUrl, prefix)} at the end (SCAN + UNLINK)`);
  }
  return report.finish();
}
