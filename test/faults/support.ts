/**
 * Shared pieces of the fault, load and hostile-input suite: HTTP with
 * timeouts against real server processes, consistent copies of a live
 * SQLite data directory, dashboard comparison that tolerates a change of
 * day. (Private redis-server processes come from test/read-models/redis-support.ts.)
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Test } from 'tap';
import { adminAuth } from '../e2e/server-process.ts';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function tempDir(t: Test, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/**
 * One request with a deadline. A connection refused or reset (a killed
 * server) or a deadline passed rejects; any HTTP answer resolves.
 */
export async function http(
  url: string,
  options: { method?: string; body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<HttpAnswer> {
  const response = await fetch(url, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...adminAuth,
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { text };
  }
  return { status: response.status, headers: response.headers, body };
}

/**
 * A consistent copy of a data directory's event store, taken through
 * SQLite's online backup so that the server using it may keep running.
 */
export async function copyDataDir(from: string, to: string): Promise<void> {
  mkdirSync(to, { recursive: true });
  const source = new Database(join(from, 'events.db'), { fileMustExist: true });
  try {
    await source.backup(join(to, 'events.db'));
  } finally {
    source.close();
  }
}

/** Fields that depend on the day a dashboard is asked, not on the log. */
const DAY_DEPENDENT = new Set(['today', 'cutoff', 'daysInStage', 'daysSinceProposal', 'daysQuiet', 'daysOverdue']);

function withoutDayDependent(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDayDependent);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !DAY_DEPENDENT.has(key))
        .map(([key, inner]) => [key, withoutDayDependent(inner)]),
    );
  }
  return value;
}

/**
 * Two answers of one dashboard, made comparable: identical when asked on the
 * same day, and without the day-dependent fields when midnight (China
 * Standard Time) fell between them.
 */
export function comparable(a: Record<string, unknown>, b: Record<string, unknown>): [unknown, unknown] {
  return a.today === b.today ? [a, b] : [withoutDayDependent(a), withoutDayDependent(b)];
}

/** Every page of the register as one list. */
export async function wholeRegister(baseUrl: string, minPosition: string): Promise<unknown[]> {
  const items: unknown[] = [];
  for (let page = 1; ; page++) {
    const answer = await http(`${baseUrl}/partnerships?minPosition=${minPosition}&pageSize=200&page=${page}&sort=proposedOn`, {
      timeoutMs: 30_000,
    });
    if (answer.status !== 200) throw new Error(`register page ${page}: ${answer.status} ${JSON.stringify(answer.body)}`);
    const pageItems = answer.body.items as unknown[];
    items.push(...pageItems);
    if (items.length >= (answer.body.total as number) || pageItems.length === 0) return items;
  }
}

/** Counts of each value, sorted by key, for printing. */
export function histogram(values: Iterable<string | number>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
  return Object.fromEntries([...counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

// ---------------------------------------------------------------- Redis
