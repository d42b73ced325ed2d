import type { Redis } from 'ioredis';
import type { Doc } from '../../projections/projection.ts';
import type { Position } from '../event-store/port.ts';
import {
  CheckpointMismatchError,
  ReadModelUnavailableError,
  type DocumentChanges,
  type ReadModelStore,
} from './port.ts';
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  closeRedisClient,
  createRedisClient,
  whenReady,
  type RedisClientOptions,
} from './redis-client.ts';
import { COMMIT, READ_ALL, READ_DOC } from './redis-scripts.ts';

export interface ReadModelStoreLogger {
  warn(details: Record<string, unknown>, message: string): void;
  info(details: Record<string, unknown>, message: string): void;
}

export interface RedisReadModelStoreOptions extends Omit<RedisClientOptions, 'connectionName'> {
  url: string;
  /** Namespace of every key, so several deployments (or test runs) can share one Redis. */
  keyPrefix?: string;
  logger?: ReadModelStoreLogger;
}

interface Scripted {
  readModelGet(activeKey: string, prefix: string, suffix: string, id: string): Promise<string | null>;
  readModelAll(activeKey: string, prefix: string, suffix: string): Promise<string[]>;
  /** ioredis flattens array arguments, so large commits are never spread onto the call stack. */
  readModelCommit(numberOfKeys: number, ...args: (string | number | (string | number)[])[]): Promise<[string, string?]>;
}

/** Documents asked for per HSCAN call while a version loads. */
const LOAD_PAGE = 1000;

/** Names become key segments; `:` would make two namespaces collide. */
const NAME = /^[A-Za-z0-9_.-]+$/;

function checkName(kind: string, value: string): string {
  if (!NAME.test(value)) throw new TypeError(`invalid ${kind} name for a read-model key: ${JSON.stringify(value)}`);
  return value;
}

/**
 * Read models in Redis, shared by every API instance. Keys:
 * - `<prefix>:rm:<projection>:active` — the version readers see;
 * - `<prefix>:rm:<projection>:<version>:checkpoint`;
 * - `<prefix>:rm:<projection>:<version>:doc:<collection>` — hash id → JSON;
 * - `<prefix>:rm:<projection>:<version>:collections` — the collections the
 *   version has written, so it can be dropped without scanning.
 */
export function createRedisReadModelStore(options: RedisReadModelStoreOptions): ReadModelStore {
  const prefix = options.keyPrefix ?? 'ledger';
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const redis = createRedisClient(options.url, { ...options, connectionName: `${prefix}-read-models` });
  redis.defineCommand('readModelGet', { numberOfKeys: 1, lua: READ_DOC });
  redis.defineCommand('readModelAll', { numberOfKeys: 1, lua: READ_ALL });
  redis.defineCommand('readModelCommit', { lua: COMMIT });
  const scripted = redis as Redis & Scripted;
  let closed = false;

  // Without a listener ioredis prints every failed reconnect; one line per outage is enough.
  let down = false;
  redis.on('error', (error: Error) => {
    if (down || closed) return;
    down = true;
    options.logger?.warn({ err: error.message }, 'read-model store: Redis unreachable; reconnecting');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    options.logger?.info({}, 'read-model store: Redis reachable again');
  });

  const base = (projection: string) => `${prefix}:rm:${checkName('projection', projection)}`;
  const activeKey = (projection: string) => `${base(projection)}:active`;
  const versionKey = (projection: string, version: string) => `${base(projection)}:${checkName('version', version)}`;
  const docSuffix = (collection: string) => `:doc:${checkName('collection', collection)}`;
  const docKey = (projection: string, version: string, collection: string) =>
    `${versionKey(projection, version)}${docSuffix(collection)}`;
  const checkpointKey = (projection: string, version: string) => `${versionKey(projection, version)}:checkpoint`;
  const indexKey = (projection: string, version: string) => `${versionKey(projection, version)}:collections`;

  /**
   * Every Redis call goes through here: ioredis errors never leave the
   * adapter. Key names are built before, so a bad name is a TypeError, not an outage.
   */
  async function run<T>(what: string, command: () => Promise<T>): Promise<T> {
    if (closed) throw new ReadModelUnavailableError('the read-model store is closed');
    try {
      await whenReady(redis, connectTimeoutMs);
      return await command();
    } catch (error) {
      throw new ReadModelUnavailableError(`read models unavailable (${what})`, { cause: error });
    }
  }

  function encodeCommit(projection: string, version: string, changes: DocumentChanges) {
    const keys = [checkpointKey(projection, version), indexKey(projection, version)];
    const args: (string | number)[] = [];
    for (const [collection, docs] of Object.entries(changes)) {
      const entries = Object.entries(docs);
      const puts = entries.filter(([, doc]) => doc !== null);
      keys.push(docKey(projection, version, collection));
      args.push(collection, puts.length, entries.length - puts.length);
      for (const [id, doc] of puts) args.push(id, JSON.stringify(doc));
      for (const [id, doc] of entries) if (doc === null) args.push(id);
    }
    return { keys, args, collections: keys.length - 2 };
  }

  return {
    async activeVersion(projection) {
      const key = activeKey(projection);
      return (await run('reading the active version', () => redis.get(key))) ?? undefined;
    },

    async activate(projection, version) {
      const key = activeKey(projection);
      checkName('version', version);
      await run('activating a version', () => redis.set(key, version));
    },

    async dropVersion(projection, version) {
      const fixed = [checkpointKey(projection, version), indexKey(projection, version)] as const;
      await run('dropping a version', async () => {
        const collections = await redis.smembers(fixed[1]);
        const docs = collections.filter((name) => NAME.test(name)).map((name) => docKey(projection, version, name));
        await redis.unlink(...fixed, ...docs);
      });
    },

    async checkpoint(projection, version) {
      const key = checkpointKey(projection, version);
      return ((await run('reading a checkpoint', () => redis.get(key))) ?? undefined) as Position | undefined;
    },

    async commit(projection, version, changes, checkpoint, expected) {
      // Encoded before anything is sent: a document that cannot be stored fails the whole commit.
      const { keys, args, collections } = encodeCommit(projection, version, changes);
      const mode = expected === undefined ? 'any' : expected === null ? 'none' : 'exact';
      const [outcome, actual] = await run('committing', () =>
        scripted.readModelCommit(keys.length, keys, mode, expected ?? '', checkpoint, collections, args),
      );
      if (outcome !== 'ok') {
        throw new CheckpointMismatchError(projection, version, expected ?? null, (actual || undefined) as Position | undefined);
      }
    },

    async load(projection, version, collections) {
      const loaded: Record<string, Record<string, Doc>> = {};
      for (const collection of collections) {
        const key = docKey(projection, version, collection);
        const docs: Record<string, Doc> = {};
        // Page by page: Redis is never held by one huge reply, and parsing yields between pages.
        let cursor = '0';
        do {
          const [next, flat] = await run('loading a version', () => redis.hscan(key, cursor, 'COUNT', LOAD_PAGE));
          for (let i = 0; i + 1 < flat.length; i += 2) docs[flat[i] as string] = JSON.parse(flat[i + 1] as string) as Doc;
          cursor = next;
        } while (cursor !== '0');
        loaded[collection] = docs;
      }
      return loaded;
    },

    async get(projection, collection, id) {
      const keys = [activeKey(projection), `${base(projection)}:`, docSuffix(collection)] as const;
      const text = await run('reading a document', () => scripted.readModelGet(...keys, id));
      return text === null ? undefined : (JSON.parse(text) as Doc);
    },

    async all(projection, collection) {
      const keys = [activeKey(projection), `${base(projection)}:`, docSuffix(collection)] as const;
      const texts = await run('reading a collection', () => scripted.readModelAll(...keys));
      return texts.map((text) => JSON.parse(text) as Doc);
    },

    async ping() {
      try {
        return (await run('ping', () => redis.ping())) === 'PONG';
      } catch {
        return false;
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      await closeRedisClient(redis);
    },
  };
}
