import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { closeRedisClient, createRedisClient, whenReady } from '../read-models/redis-client.ts';
import { describe, sleep } from './backoff.ts';
import type { ProjectorLock, RunnerLogger } from './types.ts';

export interface RedisLockOptions {
  /** A URL (the lock opens and closes its own connection) or a client the caller owns. */
  redis: string | Redis;
  key: string;
  /** How long the lock outlives its holder's last renewal. */
  ttlMs?: number;
  renewEveryMs?: number;
  /** How often a waiting process tries to take the lock. */
  pollMs?: number;
  onLost?: () => void;
  logger?: RunnerLogger;
}

/** Extends the lease only if it is still ours. */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
/** Deletes the lock only if it is still ours. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

interface LockScripts {
  renewProjectorLock(key: string, token: string, ttlMs: number): Promise<number>;
  releaseProjectorLock(key: string, token: string): Promise<number>;
}

/**
 * A lease in Redis that lets one projector write read models: `SET key token
 * NX PX ttl`, renewed by compare-and-pexpire, released by compare-and-del.
 * The holder counts the lease from when it *sent* the renewal and treats it
 * as gone a margin before Redis would, so it stops writing before another
 * process can take over. Commits are also conditional on the checkpoint, so
 * a write already in flight when the lease ends cannot overwrite a newer one.
 */
export function createRedisLock(options: RedisLockOptions): ProjectorLock {
  const ttlMs = options.ttlMs ?? 10_000;
  const renewEveryMs = options.renewEveryMs ?? 3000;
  const pollMs = options.pollMs ?? renewEveryMs;
  if (renewEveryMs * 2 > ttlMs) throw new RangeError('renewEveryMs must be at most half of ttlMs');
  const margin = Math.min(1000, Math.floor(ttlMs / 10));
  const owned = typeof options.redis === 'string';
  const redis = typeof options.redis === 'string'
    ? createRedisClient(options.redis, { connectionName: 'projector-lock', commandTimeoutMs: Math.max(250, renewEveryMs) })
    : options.redis;
  if (owned) redis.on('error', () => undefined);
  redis.defineCommand('renewProjectorLock', { numberOfKeys: 1, lua: RENEW });
  redis.defineCommand('releaseProjectorLock', { numberOfKeys: 1, lua: RELEASE });
  const scripts = redis as Redis & LockScripts;
  const listeners = new Set<() => void>();
  if (options.onLost) listeners.add(options.onLost);

  let token: string | undefined;
  let validUntil = 0;
  let renewTimer: NodeJS.Timeout | undefined;
  let closed = false;

  function lost(reason: string) {
    if (token === undefined) return;
    token = undefined;
    clearInterval(renewTimer);
    options.logger?.warn({ key: options.key, reason }, 'projector lock lost');
    for (const listener of [...listeners]) listener();
  }

  async function renew() {
    const mine = token;
    if (mine === undefined) return;
    const sentAt = Date.now();
    try {
      await whenReady(redis, renewEveryMs);
      const renewed = await scripts.renewProjectorLock(options.key, mine, ttlMs);
      if (token !== mine) return;
      if (renewed === 1) validUntil = sentAt + ttlMs - margin;
      else lost('the lock expired or another process holds it');
    } catch (error) {
      if (token === mine && Date.now() >= validUntil) lost(`could not renew in time: ${describe(error)}`);
    }
  }

  async function tryAcquire(): Promise<boolean> {
    const candidate = randomUUID();
    const sentAt = Date.now();
    await whenReady(redis, renewEveryMs);
    if ((await redis.set(options.key, candidate, 'PX', ttlMs, 'NX')) !== 'OK') return false;
    token = candidate;
    validUntil = sentAt + ttlMs - margin;
    renewTimer = setInterval(() => void renew(), renewEveryMs);
    renewTimer.unref();
    return true;
  }

  function isHeld(): boolean {
    if (token === undefined) return false;
    if (Date.now() < validUntil) return true;
    lost('the lease ran out before a renewal succeeded');
    return false;
  }

  return {
    async acquire(signal) {
      while (!closed && !signal?.aborted) {
        if (isHeld()) return true;
        try {
          if (await tryAcquire()) return true;
        } catch {
          // Redis is away; keep trying.
        }
        await sleep(pollMs, signal);
      }
      return false;
    },
    isHeld,
    onLost(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    release,
    async close() {
      closed = true;
      await release();
      if (owned) await closeRedisClient(redis);
    },
  };

  async function release() {
    const mine = token;
    token = undefined;
    clearInterval(renewTimer);
    if (mine === undefined) return;
    await scripts.releaseProjectorLock(options.key, mine).catch(() => undefined);
  }
}
