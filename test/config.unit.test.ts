import { resolve } from 'node:path';
import t from 'tap';
import { ConfigError, loadConfig } from '../src/config.ts';

t.test('defaults are the embedded deployment', async (t) => {
  const config = loadConfig({});
  t.equal(config.port, 3000);
  t.equal(config.host, '127.0.0.1');
  t.match(config.eventStore, { kind: 'sqlite', durability: 'full' });
  t.match(config.eventStore.kind === 'sqlite' && config.eventStore.path, /data\/events\.db$/);
  t.equal(config.logLevel, 'info');
  t.equal(config.requestTimeoutMs, 30_000);
  t.equal(config.aggregateCacheSize, 10_000);
});

t.test('AGGREGATE_CACHE_SIZE: a count of aggregates, 0 turns the cache off', async (t) => {
  t.equal(loadConfig({ AGGREGATE_CACHE_SIZE: '0' }).aggregateCacheSize, 0);
  t.equal(loadConfig({ AGGREGATE_CACHE_SIZE: '250' }).aggregateCacheSize, 250);
  t.throws(() => loadConfig({ AGGREGATE_CACHE_SIZE: '-1' }), { message: /AGGREGATE_CACHE_SIZE/ });
  t.throws(() => loadConfig({ AGGREGATE_CACHE_SIZE: 'lots' }), { message: /AGGREGATE_CACHE_SIZE/ });
});

t.test('EventStoreDB needs a connection string', async (t) => {
  t.throws(() => loadConfig({ EVENT_STORE: 'esdb' }), ConfigError);
  const config = loadConfig({ EVENT_STORE: 'esdb', ESDB_CONNECTION_STRING: 'esdb://127.0.0.1:2113?tls=false' });
  t.same(config.eventStore, { kind: 'esdb', connectionString: 'esdb://127.0.0.1:2113?tls=false' });
});

t.test('a bad value stops the start with a message naming the variable', async (t) => {
  for (const [name, value] of [
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['EVENT_STORE', 'postgres'],
    ['SQLITE_DURABILITY', 'sometimes'],
    ['LOG_LEVEL', 'loud'],
  ] as const) {
    t.throws(() => loadConfig({ [name]: value }), { name: 'ConfigError', message: new RegExp(name) }, `${name}=${value}`);
  }
});

t.test('empty variables count as unset', async (t) => {
  t.equal(loadConfig({ PORT: '' }).port, 3000);
});

t.test('the read side: memory by default, Redis for split roles', async (t) => {
  t.same(loadConfig({}).readModels, { kind: 'memory', snapshot: { path: resolve('data', 'read-models.snapshot.ndjson'), everySeconds: 300 } });
  t.match(loadConfig({ DATA_DIR: '/srv/ledger', READ_MODEL_SNAPSHOT_SECONDS: '0' }).readModels, {
    snapshot: { path: '/srv/ledger/read-models.snapshot.ndjson', everySeconds: 0 },
  });
  t.equal(loadConfig({}).role, 'all');
  t.throws(() => loadConfig({ ROLE: 'api' }), { message: /ROLE=api needs READ_MODEL_STORE=redis/ });
  const split = loadConfig({ ROLE: 'projector', READ_MODEL_STORE: 'redis', REDIS_URL: 'redis://10.0.0.5:6380' });
  t.same(split.readModels, { kind: 'redis', url: 'redis://10.0.0.5:6380', keyPrefix: 'ledger' });
  t.throws(() => loadConfig({ REDIS_URL: 'http://x' }), { message: /REDIS_URL/ });
});
