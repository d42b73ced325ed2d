import { join } from 'node:path';
import { apiClient } from './api-client.ts';
import { startBare } from './bare-process.ts';
import { describeFailures, type LoadResult, type LoadSettings, type LoadTarget, runLoad } from './load.ts';
import type { Table } from './report.ts';
import type { RunningService } from './service-process.ts';
import { ratio } from './stats.ts';

export interface ReadCase {
  name: string;
  path: string;
  /** Per request: a different query (e.g. another asOf day), so no answer can be served from a cache. */
  vary?: LoadTarget['vary'];
}

export interface ReadOutcome {
  service?: LoadResult;
  bare?: LoadResult;
  /** Set when the route does not answer 2xx yet: the case is reported, not measured. */
  unsupported?: number;
  /** How long the first request took, alone on an idle service. */
  probeMs: number;
}

/** One row of a load table. */
export function loadRow(name: string, result: LoadResult, ceiling: LoadResult | undefined, rssMb: number | null) {
  return {
    case: name,
    reqPerSec: result.reqPerSec,
    p50Ms: result.p50Ms,
    p99Ms: result.p99Ms,
    errors: describeFailures(result),
    ratio: ceiling === undefined ? null : ratio(result.reqPerSec, ceiling.reqPerSec),
    rssMb,
  };
}

/**
 * A GET route of the service against bare fastify serving the route's own
 * answer, measured one right after the other. A route that does not answer
 * 2xx is reported as unsupported with its status, so the suite runs the
 * same before and after the route exists.
 */
export async function compareRead(service: RunningService, read: ReadCase, load: LoadSettings, workDir: string, table: Table): Promise<ReadOutcome> {
  const probeStarted = performance.now();
  const probe = await apiClient(service.url, service.adminKey).get(read.path);
  const probeMs = performance.now() - probeStarted;
  if (probe.status < 200 || probe.status > 299) {
    table.rows.push({ case: read.name, reqPerSec: `unsupported (${probe.status})`, p50Ms: null, p99Ms: null, errors: null, ratio: null, rssMb: null });
    console.log(`  ${read.name}: unsupported (${probe.status})`);
    return { unsupported: probe.status, probeMs };
  }
  const bytes = Buffer.byteLength(probe.text);
  const bare = await startBare(workDir, `bare-${table.rows.length}`, probe.text);
  let ceiling: LoadResult;
  try {
    ceiling = await runLoad({ url: bare.url, path: '/body' }, load);
  } finally {
    await bare.stop();
  }
  const headers = { authorization: `Bearer ${service.adminKey}` };
  const measured = await runLoad({ url: service.url, path: read.path, headers, ...(read.vary ? { vary: read.vary } : {}) }, load);
  const memory = await service.memory();
  table.rows.push(loadRow(`  bare fastify, same ${bytes.toLocaleString('en-US')}-byte body`, ceiling, undefined, null));
  table.rows.push(loadRow(read.name, measured, ceiling, memory.rssMb));
  console.log(`  ${read.name}: ${measured.reqPerSec.toFixed(0)} req/s (bare ${ceiling.reqPerSec.toFixed(0)}), ${describeFailures(measured)}; alone ${probeMs.toFixed(0)} ms`);
  return { service: measured, bare: ceiling, probeMs };
}

export const logPathIn = (workDir: string, name: string) => join(workDir, `${name}.log`);
