/**
 * Redis for tests: the shared server named by REDIS_URL (skipped when it is
 * unreachable, unless REDIS_REQUIRED=1 as in CI), and private redis-server
 * processes on random ports for tests that stop and restart Redis.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import type { Test } from 'tap';
import { Redis } from 'ioredis';

export const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const redisRequired = process.env.REDIS_REQUIRED === '1';

/** A bare PING over TCP: an ioredis client that fails to connect keeps a timer alive for seconds. */
export function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    const done = (reachable: boolean) => {
      socket.destroy();
      resolve(reachable);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    // A server that wants a password answers -NOAUTH: it is there all the same.
    socket.once('data', (reply) => done(/^(\+PONG|-NOAUTH)/.test(reply.toString())));
  });
}

const client = (url: string) => {
  const redis = new Redis(url, { maxRetriesPerRequest: 0, disconnectTimeout: 100 });
  redis.on('error', () => undefined);
  return redis;
};

/**
 * Runs `body` when the shared Redis answers; otherwise skips with the
 * reason, or fails when Redis is required.
 */
export async function withSharedRedis(t: Test, what: string, body: (url: string) => void | Promise<void>): Promise<void> {
  if (await redisReachable(redisUrl)) return body(redisUrl);
  if (redisRequired) t.fail(`${what}: Redis is required (REDIS_REQUIRED=1) but unreachable at ${redisUrl}`);
  else t.pass(what, { skip: `Redis is unreachable at ${redisUrl} (set REDIS_URL, or REDIS_REQUIRED=1 to fail)` });
}

/** Deletes every key under a prefix: a test run's namespace. */
export async function deleteKeys(url: string, keyPrefix: string): Promise<void> {
  const admin = client(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await admin.scan(cursor, 'MATCH', `${keyPrefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await admin.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    admin.disconnect();
  }
}

export async function keysUnder(url: string, keyPrefix: string): Promise<string[]> {
  const admin = client(url);
  try {
    return (await admin.keys(`${keyPrefix}:*`)).sort();
  } finally {
    admin.disconnect();
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface PrivateRedis {
  url: string;
  /** Stops the server (its data is gone: no persistence). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** A plain client for the test's own checks; closed with the server. */
  admin(): Redis;
  close(): Promise<void>;
}

/** A throwaway redis-server on a random port, without persistence; undefined when there is no redis-server. */
export async function startPrivateRedis(): Promise<PrivateRedis | undefined> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const admins: Redis[] = [];

  async function start() {
    const started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    const failed = once(started, 'error').then(([error]) => error as Error);
    const until = Date.now() + 10_000;
    while (!(await redisReachable(url))) {
      const error = await Promise.race([failed, new Promise<undefined>((resolve) => setTimeout(resolve, 50))]);
      if (error) throw error;
      if (Date.now() > until) throw new Error(`redis-server did not start on port ${port}`);
    }
    child = started;
  }

  async function stop() {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
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
  return {
    url,
    stop,
    start,
    admin() {
      const admin = client(url);
      admins.push(admin);
      return admin;
    },
    async close() {
      for (const admin of admins) admin.disconnect();
      await stop();
    },
  };
}

/** Runs `body` with a private redis-server; skips (or fails when Redis is required) without one. */
export async function withPrivateRedis(t: Test, what: string, body: (redis: PrivateRedis) => void | Promise<void>): Promise<void> {
  const redis = await startPrivateRedis();
  if (!redis) {
    if (redisRequired) t.fail(`${what}: redis-server is required (REDIS_REQUIRED=1) but not on PATH`);
    else t.pass(what, { skip: 'redis-server is not on PATH' });
    return;
  }
  t.teardown(() => redis.close());
  await body(redis);
}

export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
