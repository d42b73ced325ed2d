import { Redis } from 'ioredis';

export interface RedisClientOptions {
  /** Shown in `CLIENT LIST`, to tell the service's connections apart. */
  connectionName?: string;
  /** How long a connection attempt may take before it counts as failed. */
  connectTimeoutMs?: number;
  /** How long one command may wait for its reply. */
  commandTimeoutMs?: number;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 2000;
export const DEFAULT_COMMAND_TIMEOUT_MS = 5000;
const RECONNECT_MAX_MS = 2000;

/**
 * An ioredis client tuned for a service that must keep answering while Redis
 * is away: commands fail at once instead of queueing (no offline queue, no
 * resending after a reconnect, so a write is never replayed behind the
 * caller's back), and the client keeps reconnecting by itself.
 */
export function createRedisClient(url: string, options: RedisClientOptions = {}): Redis {
  const redis = new Redis(url, {
    ...(options.connectionName ? { connectionName: options.connectionName } : {}),
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    connectTimeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    commandTimeout: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, RECONNECT_MAX_MS),
    // Closing a connection to a Redis that is gone waits this long for the socket; it holds up process exit.
    disconnectTimeout: 200,
  });
  return redis;
}

/**
 * Waits for the connection to be usable when it is being established (just
 * created, or reconnecting right now); fails at once when Redis is known to
 * be down (waiting for the next reconnect attempt) or the client was closed.
 */
export async function whenReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  if (redis.status !== 'connecting' && redis.status !== 'connect') {
    throw new Error(`the Redis connection is ${redis.status}`);
  }
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('timed out connecting to Redis')), timeoutMs);
    const onReady = () => done();
    const onClose = () => done(new Error('the Redis connection closed'));
    function done(error?: Error) {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('close', onClose);
      redis.off('end', onClose);
      if (error) reject(error);
      else resolve();
    }
    redis.on('ready', onReady);
    redis.on('close', onClose);
    redis.on('end', onClose);
  });
}

/** Ends a client without waiting on a server that may be gone; leaves no timer or socket behind. */
export async function closeRedisClient(redis: Redis): Promise<void> {
  if (redis.status === 'ready') await redis.quit().catch(() => undefined);
  if (redis.status !== 'end') redis.disconnect();
}
