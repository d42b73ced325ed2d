import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { createKeyStore } from '../../src/auth/key-store.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import { KEYS_STREAM } from '../../commands/api-keys/index.ts';
import { bearer, buildAuthApp, keyStoreOn, memoryStore } from './support.ts';

t.test('an issued key verifies; its secret is not in the log', async (t) => {
  const store = memoryStore(t);
  const keys = keyStoreOn(store);
  const { key, record } = await keys.issue({ name: 'qingdao-oa', role: 'editor', offices: ['370200'] }, 'root-admin');
  t.match(key, /^fcl_/);
  t.match(record, { name: 'qingdao-oa', role: 'editor', offices: ['370200'], prefix: key.slice(0, 12), issuedBy: 'root-admin' });

  t.match(await keys.verify(key), { name: 'qingdao-oa', role: 'editor', offices: ['370200'] });
  t.equal(await keys.verify(key.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))), undefined, 'a key one character off');
  t.equal(await keys.verify('short'), undefined);

  const events = await store.readStream(KEYS_STREAM);
  t.equal(events.length, 1);
  const [issued] = events;
  t.equal(issued?.type, 'ApiKeyIssued');
  t.equal(issued?.metadata.actor, 'root-admin', 'who issued it is in the metadata');
  t.match(issued?.data, { name: 'qingdao-oa', role: 'editor', offices: ['370200'], salt: String, hash: String, algorithm: /^scrypt:/ });
  t.notOk(JSON.stringify(issued).includes(key.slice(12)), 'the secret part of the key is nowhere in the event');

  const listed = await keys.list();
  t.equal(listed.length, 1);
  t.notOk('hash' in (listed[0] ?? {}) || 'salt' in (listed[0] ?? {}), 'the list carries no hash or salt');
  t.equal(await keys.count(), 1);
});

t.test('names are unique among live keys; revoked keys stop working', async (t) => {
  const store = memoryStore(t);
  const keys = keyStoreOn(store);
  const first = await keys.issue({ name: 'dashboard', role: 'viewer' }, 'root-admin');
  await t.rejects(keys.issue({ name: 'dashboard', role: 'auditor' }, 'root-admin'), { name: 'DomainError', code: 'key-exists' });
  await t.rejects(keys.issue({ name: 'jinan', role: 'editor' }, 'root-admin'), { code: 'invalid-key-spec' });
  await t.rejects(keys.revoke('nobody', 'root-admin'), { code: 'not-found' });

  t.ok(await keys.verify(first.key), 'verified, and now cached');
  await keys.revoke('dashboard', 'root-admin', { reason: 'rotated' });
  t.equal(await keys.verify(first.key), undefined, 'revocation clears the cached verification');
  await t.rejects(keys.revoke('dashboard', 'root-admin'), { code: 'not-found' }, 'revoked once only');

  const second = await keys.issue({ name: 'dashboard', role: 'viewer' }, 'root-admin');
  t.ok(await keys.verify(second.key), 'the name can be reissued');
  t.equal(await keys.verify(first.key), undefined, 'without reviving the old key');

  const events = await store.readStream(KEYS_STREAM);
  t.same(
    events.map((e) => [e.type, e.data.name, e.data.reason]),
    [
      ['ApiKeyIssued', 'dashboard', undefined],
      ['ApiKeyRevoked', 'dashboard', 'rotated'],
      ['ApiKeyIssued', 'dashboard', undefined],
    ],
  );
});

t.test('two key stores on one event store: a new key works at once, a revocation within the refresh interval', async (t) => {
  const store = memoryStore(t);
  let clock = 1_000_000;
  const now = () => clock;
  const a = createKeyStore(store, { now });
  const b = createKeyStore(store, { now });
  t.equal(await b.count(), 0, 'b has read the empty stream');

  const { key } = await a.issue({ name: 'jinan-oa', role: 'editor', offices: ['370100'] }, 'root-admin');
  t.match(await b.verify(key), { name: 'jinan-oa' }, 'a key b does not know makes it catch up at once: usable from its first request');
  t.match(await a.verify(key), { name: 'jinan-oa' }, 'a has it cached now');

  await b.revoke('jinan-oa', 'root-admin');
  t.equal(await b.verify(key), undefined);
  t.match(await a.verify(key), { name: 'jinan-oa' }, 'a still trusts it within the interval');
  clock += 1000;
  t.equal(await a.verify(key), undefined, 'and drops it, cache included, once it catches up');
  t.same(await a.list(), []);
});

t.test('writes from two key stores at the same revision are retried, not lost', async (t) => {
  const store = memoryStore(t);
  const b = keyStoreOn(store);
  let interfered = 0;
  // b writes between a's read and a's append, so a's first append meets a stale revision.
  const a = keyStoreOn({
    ...store,
    readStream: store.readStream.bind(store),
    append: async (...args: Parameters<typeof store.append>) => {
      if (interfered++ === 0) await b.issue({ name: 'from-b', role: 'viewer' }, 'root-admin');
      return store.append(...args);
    },
  });
  const fromA = await a.issue({ name: 'from-a', role: 'auditor' }, 'root-admin');
  t.equal(interfered, 2, 'a appended twice: the conflict, then the retry');
  t.same((await a.list()).map((r) => r.name), ['from-a', 'from-b']);
  t.match(await b.verify(fromA.key), { name: 'from-a' });
  t.same((await store.readStream(KEYS_STREAM)).map((e) => e.revision), [0, 1]);

  const racing = await Promise.allSettled([
    a.issue({ name: 'same', role: 'viewer' }, 'root-admin'),
    b.issue({ name: 'same', role: 'viewer' }, 'root-admin'),
  ]);
  t.same(racing.map((r) => r.status).sort(), ['fulfilled', 'rejected'], 'one name, one winner');
  t.match(racing.find((r) => r.status === 'rejected'), { reason: { code: 'key-exists' } });
});

t.test('a first admin key is provisioned only while no admin key was ever issued', async (t) => {
  const store = memoryStore(t);
  const keys = keyStoreOn(store);
  const chosen = 'an-operator-chosen-secret-of-40-characters';
  const first = await keys.provision({ name: 'admin', role: 'admin' }, 'system:bootstrap', 'first', { key: chosen });
  t.equal(first?.key, chosen);
  t.notOk(first?.record.prefix, 'a chosen secret gets no lookup prefix');
  t.match(await keys.verify(chosen), { name: 'admin', role: 'admin' });
  t.equal(await keys.provision({ name: 'admin2', role: 'admin' }, 'system:bootstrap', 'first'), undefined);
  t.equal(await keys.count(), 1);

  await keys.revoke('admin', 'root-admin', { force: true });
  t.same(await keys.adminKeys(), { active: 0, everIssued: true });
  t.equal(await keys.provision({ name: 'admin', role: 'admin' }, 'system:bootstrap', 'first'), undefined, 'not after a revocation either');
  t.equal(await keys.count(), 0);
});

t.test('a revoked secret is never accepted again, not even when offered anew', async (t) => {
  const keys = keyStoreOn(memoryStore(t));
  const chosen = 'an-operator-chosen-secret-of-40-characters';
  await keys.provision({ name: 'admin', role: 'admin' }, 'system:bootstrap', 'first', { key: chosen });
  const { key: generated } = await keys.issue({ name: 'dashboard', role: 'viewer' }, 'admin');
  t.notOk(await keys.wasRevoked(chosen));
  await keys.revoke('admin', 'admin', { force: true });
  await keys.revoke('dashboard', 'admin');
  t.ok(await keys.wasRevoked(chosen));
  t.ok(await keys.wasRevoked(generated));
  t.notOk(await keys.wasRevoked('another-operator-secret-of-40-characters'));

  await t.rejects(keys.provision({ name: 'admin', role: 'admin' }, 'system:bootstrap', 'reissue', { key: chosen }), { name: 'RevokedKeyError' });
  await t.rejects(keys.issue({ name: 'again', role: 'admin' }, 'system:bootstrap', { key: generated }), { name: 'RevokedKeyError' });
  t.equal(await keys.verify(chosen), undefined);
  const fresh = 'another-operator-secret-of-40-characters';
  t.ok(await keys.provision({ name: 'admin', role: 'admin' }, 'system:bootstrap', 'reissue', { key: fresh }), 'a new secret may be reissued');
  t.match(await keys.verify(fresh), { name: 'admin', role: 'admin' });
  t.equal(await keys.provision({ name: 'admin', role: 'admin' }, 'system:bootstrap', 'reissue'), undefined, 'no reissue while an admin key is active');
});

t.test('a successful verification is remembered, not re-hashed', async (t) => {
  const keys = keyStoreOn(memoryStore(t));
  const { key } = await keys.issue({ name: 'fast', role: 'viewer' }, 'root-admin');
  const time = async () => {
    const start = process.hrtime.bigint();
    t.ok(await keys.verify(key));
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const hashed = await time();
  const cached = await time();
  t.ok(cached * 5 < hashed, `cached ${cached.toFixed(2)} ms vs hashed ${hashed.toFixed(2)} ms`);
});

t.test('while the store is unreachable: known keys for a while, then fail closed', async (t) => {
  const store = memoryStore(t);
  let clock = 1_000_000;
  const warnings: object[] = [];
  const keys = createKeyStore(store, { now: () => clock, staleToleranceMs: 30_000, logger: { warn: (o) => warnings.push(o) } });
  const { key } = await keys.issue({ name: 'dashboard', role: 'viewer' }, 'root-admin');
  const readStream = store.readStream.bind(store);
  store.readStream = async () => {
    throw new Error('store down');
  };
  clock += 5_000;
  t.ok(await keys.verify(key), 'within the tolerance');
  t.equal(warnings.length, 1);
  clock += 30_000;
  await t.rejects(keys.verify(key), /store down/, 'beyond it');
  store.readStream = readStream;
  t.ok(await keys.verify(key), 'and back once the store answers');
});

t.test('made-up keys with unknown prefixes share a few catch-ups and are refused', async (t) => {
  const store = memoryStore(t);
  const keys = createKeyStore(store);
  await keys.count();
  let reads = 0;
  const readStream = store.readStream.bind(store);
  store.readStream = (...args) => {
    reads++;
    return readStream(...args);
  };
  const madeUp = Array.from({ length: 50 }, (_, i) => `fcl_${String(i).padStart(8, '0')}${'x'.repeat(32)}`);
  const answers = await Promise.all(madeUp.map((key) => keys.verify(key)));
  t.ok(answers.every((answer) => answer === undefined), 'every one refused');
  t.ok(reads <= 2, `50 concurrent unknown keys cost ${reads} stream reads`);
});

t.test('a key issued through another store on the same file works on the very next request', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-keys-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'events.db');
  const serving = createSqliteEventStore({ path });
  t.teardown(() => serving.close());
  // The service's own refresh interval: without the catch-up, the new keys would wait up to a second.
  const app = await buildAuthApp(t, createKeyStore(serving));
  // The command-line tool: its own connection and key store, as `npm run keys -- add` has.
  const cli = createSqliteEventStore({ path });
  t.teardown(() => cli.close());
  const tool = createKeyStore(cli);
  const chosen = 'an-operator-chosen-secret-of-40-characters';
  await tool.provision({ name: 'admin', role: 'admin' }, 'system:bootstrap', 'first', { key: chosen });
  t.equal((await app.inject({ method: 'GET', url: '/things', headers: bearer(chosen) })).statusCode, 200, 'a provisioned key');

  for (const name of ['office-script-1', 'office-script-2']) {
    const { key } = await tool.issue({ name, role: 'viewer' }, 'root-admin');
    const answer = await app.inject({ method: 'GET', url: '/things', headers: bearer(key) });
    t.equal(answer.statusCode, 200, `${name}, generated: accepted on its first request`);
  }
  const other = 'another-operator-secret-of-40-characters';
  await tool.issue({ name: 'chosen-viewer', role: 'viewer' }, 'root-admin', { key: other });
  t.equal((await app.inject({ method: 'GET', url: '/things', headers: bearer(other) })).statusCode, 200, 'a chosen secret, found among keys without a prefix');
  t.equal((await app.inject({ method: 'GET', url: '/things', headers: bearer(`fcl_${'y'.repeat(43)}`) })).statusCode, 401, 'an unknown key is still refused');
});
