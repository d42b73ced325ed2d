import { Redis } from 'ioredis';

/** A client that fails fast: the suite asks once whether Redis is there and goes on without it if not. */
function connect(url: string): Redis {
  return new Redis(url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 1, retryStrategy: () => null });
}

export async function redisAvailable(url: string): Promise<boolean> {
  const redis = connect(url);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** Deletes every key under `prefix:` with SCAN and UNLINK (never KEYS, which blocks Redis); answers how many. */
export async function deleteKeys(url: string, prefix: string): Promise<number> {
  const redis = connect(url);
  let deleted = 0;
  try {
    await redis.connect();
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1_000 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    }
    return deleted;
  } finally {
    redis.disconnect();
  }
}
