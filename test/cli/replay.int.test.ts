/**
 * `replay --all` through the CLI's own code path (runReplay → HTTP → admin
 * route) against the real app listening on a loopback port: on the demo
 * dataset every read model rebuilt from position zero equals, document by
 * document, what the live runner had built.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { PROJECTIONS } from '../../projections/index.ts';
import { runReplay, type ReplayContext } from '../../src/cli/replay-command.ts';
import { seedDemoStore } from '../../src/demo/seed.ts';
import { createLedger } from '../../src/event-store/ledger.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import { createMemoryReadModelStore } from '../../src/read-models/memory.ts';
import type { ReadModelStore } from '../../src/read-models/port.ts';
import { createRedisReadModelStore } from '../../src/read-models/redis.ts';
import { createReadSide } from '../../src/read-side.ts';
import { buildTestApp } from '../http/harness.ts';
import { deleteKeys, withSharedRedis } from '../read-models/redis-support.ts';

type Snapshot = Record<string, Record<string, unknown>[]>;

/** Every document of every collection of every projection, in a stable order. */
async function snapshot(readModels: ReadModelStore): Promise<Snapshot> {
  const result: Snapshot = {};
  for (const projection of PROJECTIONS) {
    for (const collection of projection.collections) {
      const docs = await readModels.all(projection.name, collection);
      result[`${projection.name}/${collection}`] = docs
        .map((doc) => ({ key: JSON.stringify(doc), doc }))
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .map(({ doc }) => doc);
    }
  }
  return result;
}

const versions = (readModels: ReadModelStore) => Promise.all(PROJECTIONS.map((p) => readModels.activeVersion(p.name)));

function cli(config: Partial<ReplayContext['config']>) {
  const output = { out: '', err: '' };
  const context: ReplayContext = {
    config: { host: '127.0.0.1', port: 1, dataDir: '/nonexistent', eventStore: { kind: 'sqlite', path: ':memory:', durability: 'full' }, readModels: { kind: 'memory' }, ...config },
    io: { out: (text) => (output.out += text), err: (text) => (output.err += text) },
    display: () => ({ update: () => undefined, stop: () => undefined }),
    pollMs: 50,
  };
  return { output, run: (argv: string[]) => runReplay(argv, context) };
}

async function demoService(t: Test, readModels: ReadModelStore) {
  const store = createLedger(createSqliteEventStore({ path: ':memory:' }));
  await seedDemoStore(store);
  const last = (await store.readAll({ maxCount: 1_000_000 })).at(-1)!;
  const { app, keys, get } = await buildTestApp(t, { store, readModels, minPositionWaitMs: 60_000 });
  t.equal((await get(`/dashboards/overview?minPosition=${last.position}`)).statusCode, 200, 'the live runner has caught up');
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, keys };
}

async function replayAllEqualsLive(t: Test, readModels: ReadModelStore) {
  const { url, keys } = await demoService(t, readModels);
  const before = await snapshot(readModels);
  const versionsBefore = await versions(readModels);
  t.ok(Object.values(before).some((docs) => docs.length > 500), 'the demo dataset fills the read models');

  const { output, run } = cli({ adminApiKey: keys.admin });
  const started = Date.now();
  const code = await run(['--all', '--url', url]);
  t.equal(code, 0, 'replay --all exits 0', { stderr: output.err });
  const seconds = (Date.now() - started) / 1000;
  t.match(output.out, /Rebuilt 4 projections/);
  t.comment(`replay --all: ${seconds.toFixed(2)} s\n${output.out}`);

  const versionsAfter = await versions(readModels);
  for (const [i, projection] of PROJECTIONS.entries()) {
    t.not(versionsAfter[i], versionsBefore[i], `${projection.name}: readers switched from ${versionsBefore[i]} to ${versionsAfter[i]}`);
  }
  const after = await snapshot(readModels);
  t.same(Object.keys(after), Object.keys(before));
  for (const [collection, docs] of Object.entries(before)) {
    t.equal(after[collection]?.length, docs.length, `${collection}: ${docs.length} documents`);
    t.same(after[collection], docs, `${collection}: the rebuilt documents equal the live ones field by field`);
  }
}

t.test('replay --all rebuilds memory read models to exactly what the live runner built', async (t) => {
  await replayAllEqualsLive(t, createMemoryReadModelStore());
});

t.test('replay --all rebuilds Redis read models to exactly what the live runner built', async (t) => {
  await withSharedRedis(t, 'replay on Redis read models', async (url) => {
    const keyPrefix = `test-replay-${randomUUID()}`;
    t.teardown(() => deleteKeys(url, keyPrefix));
    await replayAllEqualsLive(t, createRedisReadModelStore({ url, keyPrefix }));
  });
});

t.test('replay --all --direct rebuilds Redis read models in the CLI process, under the projector lock', async (t) => {
  await withSharedRedis(t, 'replay --direct on Redis read models', async (url) => {
    const keyPrefix = `test-replay-direct-${randomUUID()}`;
    t.teardown(() => deleteKeys(url, keyPrefix));
    const dir = mkdtempSync(join(tmpdir(), 'replay-direct-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'events.db');
    const config = { eventStore: { kind: 'sqlite', path, durability: 'normal' }, readModels: { kind: 'redis', url, keyPrefix } } as const;

    // The projector of a split deployment builds the models, then stops (replay --direct wants its lock).
    const store = createLedger(createSqliteEventStore({ path, durability: 'normal' }));
    await seedDemoStore(store);
    const last = (await store.readAll({ maxCount: 1_000_000 })).at(-1)!;
    const projector = createReadSide({ config: { role: 'projector', readModels: config.readModels }, eventStore: store });
    await projector.start();
    t.ok(await projector.waitFor(last.position, 60_000), 'the projector has caught up');
    await projector.close();
    await store.close();

    const readModels = createRedisReadModelStore({ url, keyPrefix });
    t.teardown(() => readModels.close());
    const before = await snapshot(readModels);
    const versionsBefore = await versions(readModels);

    const { output, run } = cli(config);
    t.equal(await run(['--all', '--direct']), 0, 'replay --all --direct exits 0', { stderr: output.err });
    t.match(output.out, /Rebuilt 4 projections/);
    const versionsAfter = await versions(readModels);
    for (const [i, projection] of PROJECTIONS.entries()) t.not(versionsAfter[i], versionsBefore[i], `${projection.name} switched version`);
    const after = await snapshot(readModels);
    for (const [collection, docs] of Object.entries(before)) {
      t.same(after[collection], docs, `${collection}: ${docs.length} documents equal field by field`);
    }
  });
});

t.test('the CLI names what went wrong, with exit codes', async (t) => {
  const { url, keys } = await demoService(t, createMemoryReadModelStore());

  const unknown = cli({ adminApiKey: keys.admin });
  t.equal(await unknown.run(['register', 'ledger', '--url', url]), 2, 'an unknown projection is bad usage');
  t.match(unknown.output.err, /No projection named ledger\. Valid names: register, portfolio, campaigns, reports/);

  const viewer = cli({ adminApiKey: keys.viewer });
  t.equal(await viewer.run(['--all', '--url', url]), 1);
  t.match(viewer.output.err, /not an admin key/);

  const nowhere = cli({ adminApiKey: keys.admin, port: 9 });
  t.equal(await nowhere.run(['--all']), 1, 'no service answering');
  t.match(nowhere.output.err, /cannot reach the service at http:\/\/127\.0\.0\.1:9/);
  t.match(nowhere.output.err, /In-memory read models .* live inside the service process/);

  const direct = cli({ adminApiKey: keys.admin });
  t.equal(await direct.run(['--all', '--direct']), 1, '--direct refuses memory read models');
  t.match(direct.output.err, /--direct needs READ_MODEL_STORE=redis/);

  const noKey = cli({});
  t.equal(await noKey.run(['--all', '--url', url]), 2);
  t.match(noKey.output.err, /no admin key: set ADMIN_API_KEY/);

  const usage = cli({});
  t.equal(await usage.run(['register', '--all']), 2);
  t.equal(await usage.run([]), 2);
  t.equal(await usage.run(['--help']), 0);
  t.match(usage.output.out, /Usage: npm run replay -- <projection>\.\.\. \| --all/);
});
