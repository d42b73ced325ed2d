/**
 * The write path over HTTP: RecordActivity with a unique Idempotency-Key per
 * request, spread over 1,000 or 10 partnerships, with SQLITE_DURABILITY full
 * and normal, against bare fastify parsing the same body. Then a long
 * stream (10,000 activities) against a fresh one, request after request.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { apiClient, type ApiClient } from '../lib/api-client.ts';
import { startBare } from '../lib/bare-process.ts';
import { loadRow, logPathIn } from '../lib/compare.ts';
import type { SuiteContext } from '../lib/context.ts';
import { describeFailures, type LoadResult, type LoadTarget, runLoad } from '../lib/load.ts';
import { column, LOAD_COLUMNS, PROCESS_COLUMNS, type SuiteReport, startReport, type Table } from '../lib/report.ts';
import { generateAdminKey } from '../lib/service-process.ts';
import { withService } from '../lib/service-run.ts';
import { quantile, ratio } from '../lib/stats.ts';
import { activityBody, createActivePartnerships, writeLongStream } from './commands-setup.ts';

const LONG_STREAM = 10_000;
const SEQUENTIAL = 300;

/** Each request: a random partnership of `ids`, a new Idempotency-Key, another day. */
function recordActivities(ids: readonly string[], tag: string): LoadTarget['vary'] {
  let n = 0;
  return (request) => {
    n++;
    const id = ids[Math.floor(Math.random() * ids.length)];
    request.path = request.path === '/echo' ? '/echo' : `/partnerships/${id}/activities`;
    request.headers['idempotency-key'] = `bench-${tag}-${n}`;
    request.body = JSON.stringify(activityBody(n));
  };
}

async function bareCeiling(context: SuiteContext, name: string, table: Table): Promise<LoadResult> {
  const bare = await startBare(context.workDir, name, '{}');
  try {
    const target = { url: bare.url, method: 'POST' as const, path: '/echo', body: JSON.stringify(activityBody(0)), vary: recordActivities([], name) };
    const result = await runLoad(target, context.load);
    table.rows.push(loadRow('bare fastify POST, same body', result, undefined, null));
    console.log(`  bare POST: ${result.reqPerSec.toFixed(0)} req/s`);
    return result;
  } finally {
    await bare.stop();
  }
}

/** Sequential RecordActivity on two streams in turn, so drift on the machine touches both alike. */
async function sequentialLatencies(client: ApiClient, streams: string[]): Promise<number[][]> {
  const latencies = streams.map(() => [] as number[]);
  for (let n = 0; n < SEQUENTIAL; n++) {
    for (const [i, id] of streams.entries()) {
      const started = performance.now();
      await client.write(`/partnerships/${id}/activities`, activityBody(n), { 'idempotency-key': `bench-seq-${i}-${n}` });
      latencies[i]?.push(performance.now() - started);
    }
  }
  return latencies;
}

export async function commandsSuite(context: SuiteContext): Promise<SuiteReport> {
  const report = startReport('commands');
  report.note('per-key rate limit off for the measurement (RATE_LIMIT_PER_MINUTE=0); LOG_LEVEL=info, memory read models');
  report.note(`load: ${context.load.connections} connections, ${context.load.durationSec} s per case after ${context.load.warmupSec} s warm-up; every request a new Idempotency-Key`);
  const processes = report.table('commands: service process', PROCESS_COLUMNS);
  const loads = report.table('commands: POST /partnerships/:id/activities against bare fastify POST', LOAD_COLUMNS);
  const long = report.table(`commands: ${SEQUENTIAL} sequential RecordActivity on a long stream and on a fresh one`, [
    column('case', 'case', 'text'),
    column('events', 'events in stream before', 'int'),
    column('p50Ms', 'p50 ms', 'ms'),
    column('p99Ms', 'p99 ms', 'ms'),
    column('ratioP50', 'p50 ratio to fresh', 'ratio'),
    column('ratioP99', 'p99 ratio to fresh', 'ratio'),
  ]);

  for (const durability of context.durability ? [context.durability] : (['full', 'normal'] as const)) {
    const dataDir = join(context.workDir, `commands-${durability}`);
    mkdirSync(dataDir, { recursive: true });
    let longId: string | undefined;
    if (durability === 'full') {
      const started = performance.now();
      longId = await writeLongStream(dataDir, LONG_STREAM);
      report.note(`long stream: ${LONG_STREAM.toLocaleString('en-US')} activities written through the decider and the ledger in ${((performance.now() - started) / 1000).toFixed(1)} s before the service started`);
    }
    const ceiling = await bareCeiling(context, `bare-post-${durability}`, loads);
    const options = { dataDir, adminKey: generateAdminKey(), logPath: logPathIn(context.workDir, `commands-${durability}`), env: { SQLITE_DURABILITY: durability } };
    await withService(`SQLITE_DURABILITY=${durability}`, options, processes, async (service) => {
      const client = apiClient(service.url, service.adminKey);
      for (const count of [1_000, 10]) {
        const started = performance.now();
        const ids = await createActivePartnerships(client, count);
        report.note(`durability=${durability}: ${count.toLocaleString('en-US')} active partnerships created over the API (3 writes each) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        const target = { url: service.url, method: 'POST' as const, path: '/partnerships', body: '{}', headers: { authorization: `Bearer ${service.adminKey}` }, vary: recordActivities(ids, randomUUID()) };
        const result = await runLoad(target, context.load);
        const name = `RecordActivity, ${count.toLocaleString('en-US')} partnerships, durability=${durability}`;
        loads.rows.push(loadRow(name, result, ceiling, (await service.memory()).rssMb));
        console.log(`  ${name}: ${result.reqPerSec.toFixed(0)} req/s, ${describeFailures(result)}`);
      }
      if (longId === undefined) return;
      const [fresh] = await createActivePartnerships(client, 1);
      const [onLong, onFresh] = await sequentialLatencies(client, [longId, fresh as string]);
      const p = (values: number[] | undefined, q: number) => quantile(values ?? [], q);
      const freshRow = { case: 'fresh partnership', events: 3, p50Ms: p(onFresh, 0.5), p99Ms: p(onFresh, 0.99), ratioP50: 1, ratioP99: 1 };
      long.rows.push(freshRow, {
        case: 'long stream',
        events: LONG_STREAM + 3,
        p50Ms: p(onLong, 0.5),
        p99Ms: p(onLong, 0.99),
        ratioP50: ratio(p(onLong, 0.5), freshRow.p50Ms),
        ratioP99: ratio(p(onLong, 0.99), freshRow.p99Ms),
      });
      console.log(`  long stream p50 ${p(onLong, 0.5).toFixed(1)} ms vs fresh ${freshRow.p50Ms.toFixed(1)} ms`);
    });
  }
  return report.finish();
}
