import autocannon from 'autocannon';
import type { IncomingHttpHeaders } from 'node:http';

export interface LoadSettings {
  connections: number;
  durationSec: number;
  /** Run first and thrown away, so the JIT and caches are warm when measuring. */
  warmupSec: number;
}

export interface LoadTarget {
  url: string;
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Rewrites each request before it is sent: another path, body or header per request. */
  vary?: (request: { path: string; headers: Record<string, string>; body?: string }) => void;
}

export interface LoadResult {
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts included. */
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  seconds: number;
}

function options(target: LoadTarget, connections: number, durationSec: number): autocannon.Options {
  const headers = { ...(target.body !== undefined ? { 'content-type': 'application/json' } : {}), ...target.headers };
  const request: autocannon.Request = {
    method: target.method ?? 'GET',
    path: target.path,
    headers,
    ...(target.body !== undefined ? { body: target.body } : {}),
  };
  const vary = target.vary;
  if (vary !== undefined) {
    request.setupRequest = (raw) => {
      const next = { path: target.path, headers: { ...headers }, ...(target.body !== undefined ? { body: target.body } : {}) };
      vary(next);
      return { ...raw, path: next.path, headers: next.headers as IncomingHttpHeaders, ...(next.body !== undefined ? { body: next.body } : {}) };
    };
  }
  return { url: target.url, connections, duration: durationSec, timeout: 10, requests: [request] };
}

/** Loads one target with autocannon for a bounded time and reduces the result to what the tables show. */
export async function runLoad(target: LoadTarget, settings: LoadSettings): Promise<LoadResult> {
  if (settings.warmupSec > 0) await autocannon(options(target, settings.connections, settings.warmupSec));
  const result = await autocannon(options(target, settings.connections, settings.durationSec));
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0]),
  );
  const requests = result.requests.total;
  return {
    requests,
    reqPerSec: requests / result.duration,
    // With no answer at all the histogram reads 0; that is "no figure", not "instant".
    p50Ms: requests > 0 ? result.latency.p50 : Number.NaN,
    p99Ms: requests > 0 ? result.latency.p99 : Number.NaN,
    errors: result.errors,
    non2xx: result.non2xx,
    statusCodes,
    seconds: result.duration,
  };
}

/** "0/0", or e.g. "0/17 (503×17)": connection errors / non-2xx answers, with the codes seen. */
export function describeFailures(result: Pick<LoadResult, 'errors' | 'non2xx' | 'statusCodes'>): string {
  const odd = Object.entries(result.statusCodes)
    .filter(([code, count]) => !code.startsWith('2') && count > 0)
    .map(([code, count]) => `${code}×${count}`);
  return `${result.errors}/${result.non2xx}${odd.length > 0 ? ` (${odd.join(' ')})` : ''}`;
}
