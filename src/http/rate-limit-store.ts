/**
 * The counters behind the rate limits: fixed windows in Redis, shared by
 * every API instance, or in this process. When Redis is configured but does
 * not answer, the counters fall back to this process — the limit still holds
 * per instance, never silently off — and `/ready` says so until Redis
 * answers again.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';

/** `shared`: in Redis; `process`: in this process by configuration; `fallback`: in this process while Redis is down. */
export type RateLimitMode = 'off' | 'shared' | 'process' | 'fallback';

export interface RateLimitCounters {
  /** The store class the rate-limit plugin instantiates. */
  Store: FastifyRateLimitStoreCtor;
  mode(): RateLimitMode;
}

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

// One increment and, on the first of a window, its expiry; answers the count and the time left.
const INCREMENT = `
local current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {current, ttl}`;

type CountingRedis = Redis & { rateLimitIncrement(key: string, windowMs: number): Promise<[number, number]> };

/** Fixed windows in this process; the oldest windows are dropped past `maxKeys`. */
function processWindows(maxKeys: number) {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    increment(key: string, windowMs: number, at = Date.now()) {
      let window = windows.get(key);
      if (window === undefined || window.resetAt <= at) {
        windows.delete(key);
        if (windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
        window = { count: 0, resetAt: at + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return { current: window.count, ttl: window.resetAt - at };
    },
    read(key: string, at = Date.now()) {
      const window = windows.get(key);
      return window === undefined || window.resetAt <= at ? { current: 0, ttl: 0 } : { current: window.count, ttl: window.resetAt - at };
    },
  };
}

export interface CounterOptions {
  redis?: Redis;
  /** REDIS_KEY_PREFIX: the counters are `<prefix>:rate-limit:<caller>`. */
  keyPrefix?: string;
  /** Told once each time the counters move between Redis and this process. */
  onModeChange?: (mode: RateLimitMode) => void;
  maxKeys?: number;
}

export function createRateLimitCounters(options: CounterOptions): RateLimitCounters {
  const { redis, onModeChange } = options;
  const local = processWindows(options.maxKeys ?? 50_000);
  const namespace = `${options.keyPrefix ?? 'ledger'}:rate-limit:`;
  let mode: RateLimitMode = redis ? 'shared' : 'process';
  const become = (next: RateLimitMode) => {
    if (next === mode) return;
    mode = next;
    onModeChange?.(next);
  };
  if (redis && !('rateLimitIncrement' in redis)) redis.defineCommand('rateLimitIncrement', { numberOfKeys: 1, lua: INCREMENT });

  function increment(key: string, windowMs: number, callback: Callback) {
    // Not connected: count here at once rather than queue behind the reconnection.
    if (redis === undefined || redis.status !== 'ready') {
      if (redis) become('fallback');
      callback(null, local.increment(key, windowMs));
      return;
    }
    (redis as CountingRedis).rateLimitIncrement(namespace + key, windowMs).then(
      ([current, ttl]) => {
        become('shared');
        callback(null, { current, ttl });
      },
      () => {
        become('fallback');
        callback(null, local.increment(key, windowMs));
      },
    );
  }

  function read(key: string, callback: Callback) {
    if (redis === undefined || redis.status !== 'ready') {
      callback(null, local.read(key));
      return;
    }
    redis.multi().get(namespace + key).pttl(namespace + key).exec().then(
      (replies) => {
        const [count, ttl] = (replies ?? []).map(([, value]) => Number(value ?? 0));
        callback(null, { current: count ?? 0, ttl: Math.max(0, ttl ?? 0) });
      },
      () => callback(null, local.read(key)),
    );
  }

  class Store implements FastifyRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number) {
      increment(key, timeWindow, callback);
    }
    read(key: string, callback: Callback) {
      read(key, callback);
    }
    child() {
      return this;
    }
  }

  return { Store, mode: () => (redis !== undefined && redis.status !== 'ready' ? 'fallback' : mode) };
}
