/**
 * Reads of the read models on the demo dataset: the overview dashboard and a
 * page of the register, now and as of a past day (a route that does not
 * take `asOf` yet is reported as unsupported), and with a different day on
 * every request, so no answer can come from a cache.
 */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fromDayNumber } from '../../src/demo/dates.ts';
import { compareRead, logPathIn, type ReadCase } from '../lib/compare.ts';
import type { SuiteContext } from '../lib/context.ts';
import { LOAD_COLUMNS, PROCESS_COLUMNS, type SuiteReport, startReport } from '../lib/report.ts';
import { generateAdminKey, PROJECT_ROOT } from '../lib/service-process.ts';
import { withService } from '../lib/service-run.ts';

const OVERVIEW = '/dashboards/overview';
const REGISTER = '/partnerships?country=JP&page=2&pageSize=20';
const AS_OF = '2021-12-07';
const FIRST_DAY = Date.UTC(2015, 0, 1) / 86_400_000;
const LAST_DAY = Date.UTC(2021, 11, 31) / 86_400_000;

/** Every request asks for another day of 2015–2021, in turn. */
function distinctDays(path: string): ReadCase['vary'] {
  let day = FIRST_DAY;
  const joiner = path.includes('?') ? '&' : '?';
  return (request) => {
    request.path = `${path}${joiner}asOf=${fromDayNumber(day)}`;
    day = day >= LAST_DAY ? FIRST_DAY : day + 1;
  };
}

export const READ_CASES: ReadCase[] = [
  { name: `GET ${OVERVIEW}`, path: OVERVIEW },
  { name: `GET ${REGISTER}`, path: REGISTER },
  { name: `GET ${OVERVIEW}?asOf=${AS_OF}`, path: `${OVERVIEW}?asOf=${AS_OF}` },
  { name: `GET ${REGISTER}&asOf=${AS_OF}`, path: `${REGISTER}&asOf=${AS_OF}` },
  { name: `GET ${OVERVIEW}, distinct asOf per request`, path: `${OVERVIEW}?asOf=2015-01-01`, vary: distinctDays(OVERVIEW) },
  { name: `GET ${REGISTER}, distinct asOf per request`, path: `${REGISTER}&asOf=2015-01-01`, vary: distinctDays(REGISTER) },
];

export async function readsSuite(context: SuiteContext): Promise<SuiteReport> {
  const report = startReport('reads');
  const dataDir = join(context.workDir, 'reads-data');
  mkdirSync(dataDir, { recursive: true });
  const seeded = performance.now();
  await promisify(execFile)('npm', ['run', '--silent', 'demo'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATA_DIR: dataDir, SQLITE_DURABILITY: 'off' },
    timeout: 300_000,
  });
  report.note(`demo dataset seeded with npm run demo in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
  report.note('per-key rate limit off for the measurement (RATE_LIMIT_PER_MINUTE=0); LOG_LEVEL=info, SQLITE_DURABILITY=full, memory read models');
  report.note(`load: ${context.load.connections} connections, ${context.load.durationSec} s per case after ${context.load.warmupSec} s warm-up; bare fastify measured right before each case`);

  const processes = report.table('reads: service process', PROCESS_COLUMNS);
  const loads = report.table('reads: read models of the demo dataset against bare fastify serving the same body', LOAD_COLUMNS);
  const options = { dataDir, adminKey: generateAdminKey(), logPath: logPathIn(context.workDir, 'reads-service') };
  await withService('demo dataset, memory read models', options, processes, async (service) => {
    for (const read of READ_CASES) {
      const outcome = await compareRead(service, read, context.load, context.workDir, loads);
      if (outcome.unsupported === undefined) report.note(`${read.name} alone, before the load: ${outcome.probeMs.toFixed(0)} ms`);
    }
  });
  return report.finish();
}
