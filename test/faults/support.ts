/**
 * Shared pieces of the fault, load and hostile-input suite: HTTP with
 * timeouts against real server processes, consistent copies of a live
 * SQLite data directory, dashboard comparison that tolerates a change of
 * day, and private redis-server processes that a test may kill.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
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

export const redisRequired = process.env.REDIS_REQUIRED === '1';

/** A bare PING: an ioredis client that fails to connect keeps timers alive for seconds. */
export function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (reply) => done(/^(\+PONG|-NOAUTH)/.test(reply.toString())));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export interface KillableRedis {
  url: string;
  /** SIGKILL: the data is gone (no persistence), as after a crash of a cache node. */
  kill(): Promise<void>;
  /** Starts again on the same port, empty. */
  start(): Promise<void>;
}

/** A private redis-server on a random loopback port; undefined when redis-server is not installed. */
export async function startKillableRedis(t: Test): Promise<KillableRedis | undefined> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  async function start() {
    const started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    const failed = once(started, 'error').then(([error]) => error as Error);
    const until = Date.now() + 10_000;
    while (!(await redisAnswers(url))) {
      const error = await Promise.race([failed, sleep(50).then(() => undefined)]);
      if (error) throw error;
      if (Date.now() > until) throw new Error(`redis-server did not start on port ${port}`);
    }
    child = started;
  }

  async function kill() {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = once(running, 'exit');
    running.kill('SIGKILL');
    await exited;
  }

  try {
    await start();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  t.teardown(kill);
  return { url, kill, start };
}

/** Skips (or, with REDIS_REQUIRED=1, fails) when there is no redis-server to start. */
export async function withKillableRedis(t: Test, what: string, body: (redis: KillableRedis) => Promise<void>): Promise<void> {
  const redis = await startKillableRedis(t);
  if (redis) return body(redis);
  if (redisRequired) t.fail(`${what}: redis-server is required (REDIS_REQUIRED=1) but not on PATH`);
  else t.pass(what, { skip: 'redis-server is not on PATH' });
}
