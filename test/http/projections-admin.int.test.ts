import t from 'tap';
import { PROJECTIONS, defaultStandards } from '../../projections/index.ts';
import { buildApp } from '../../src/app.ts';
import { createKeyStore } from '../../src/auth/key-store.ts';
import { seedDemoStore } from '../../src/demo/seed.ts';
import { createLedger } from '../../src/event-store/ledger.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import { createReadSide } from '../../src/read-side.ts';
import { createMemoryReadModelStore } from '../../src/read-models/memory.ts';
import type { ReadModelStore } from '../../src/read-models/port.ts';
import { buildTestApp, qingdaoDakar } from './harness.ts';

/** The read-model version a projection's first build writes: its projection version. */
const versionOf = (name: string) => PROJECTIONS.find((projection) => projection.name === name)?.version;
const registerVersion = versionOf('register');

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const names = PROJECTIONS.map((p) => p.name);

/**
 * The memory store with commits that take a while, as over a network. The
 * in-process SQLite log and memory store otherwise let a rebuild run start
 * to end without yielding to I/O, so no request could arrive during it.
 */
function slowCommits(store: ReadModelStore, ms: number): ReadModelStore {
  return { ...store, commit: async (...args) => (await new Promise((resolve) => setTimeout(resolve, ms)), store.commit(...args)) };
}

t.test('only admin keys see or rebuild projections', async (t) => {
  const { app, keys } = await buildTestApp(t);
  for (const role of ['viewer', 'auditor', 'editor'] as const) {
    const get = await app.inject({ method: 'GET', url: '/admin/projections', headers: bearer(keys[role]) });
    t.equal(get.statusCode, 403, `${role}: GET 403`);
    const post = await app.inject({ method: 'POST', url: '/admin/projections/rebuild', headers: bearer(keys[role]), payload: { all: true } });
    t.equal(post.statusCode, 403, `${role}: POST 403`);
    t.equal(post.json().code, 'forbidden');
  }
  t.equal((await app.inject({ method: 'GET', url: '/admin/projections' })).statusCode, 401, 'no key: 401');
  t.equal((await app.inject({ method: 'GET', url: '/admin/projections', headers: bearer(keys.admin) })).statusCode, 200);
});

t.test('the status of every projection', async (t) => {
  const { app, keys, post } = await buildTestApp(t);
  const write = await post('/partnerships', qingdaoDakar);
  t.equal(write.statusCode, 201, write.body);
  const { position } = write.json();
  t.equal((await app.inject({ method: 'GET', url: `/dashboards/overview?minPosition=${position}`, headers: bearer(keys.viewer) })).statusCode, 200);

  const response = await app.inject({ method: 'GET', url: '/admin/projections', headers: bearer(keys.admin) });
  t.equal(response.statusCode, 200);
  const body = response.json();
  t.equal(body.projecting, true);
  t.same(body.projections.map((p: { name: string }) => p.name), names);
  for (const p of body.projections) {
    t.match(p, { version: String(versionOf(p.name)), state: 'live', checkpoint: String, lastPosition: String, caughtUp: true, lag: 0, degraded: false, lastError: null, building: null, lastRebuild: null }, p.name);
    // The proposal's pair lists are written after it: the checkpoint is the end of the log, at or after the write.
    t.equal(p.checkpoint, p.lastPosition, `${p.name} is at the end of the log`);
    t.ok(BigInt(p.checkpoint) >= BigInt(position), `${p.name} has applied the write`);
  }
});

t.test('bad rebuild requests are refused and start nothing', async (t) => {
  const { app, keys } = await buildTestApp(t);
  const rebuild = (payload: unknown) =>
    app.inject({ method: 'POST', url: '/admin/projections/rebuild', headers: { ...bearer(keys.admin), 'accept-language': 'en' }, payload: payload as object });

  const unknown = await rebuild({ projections: ['register', 'ledger'] });
  t.equal(unknown.statusCode, 400);
  t.match(unknown.json(), { code: 'unknown-projection', detail: `No projection named ledger. Valid names: ${names.join(', ')}.` });
  for (const payload of [{}, { projections: [] }, { all: false }, { all: true, projections: ['register'] }, { projections: 'register' }]) {
    const response = await rebuild(payload);
    t.equal(response.statusCode, 400, JSON.stringify(payload));
    t.equal(response.json().code, 'invalid-request');
  }
  const status = (await app.inject({ method: 'GET', url: '/admin/projections', headers: bearer(keys.admin) })).json();
  t.ok(status.projections.every((p: { name: string; version: string; building: unknown }) => p.version === String(versionOf(p.name)) && p.building === null), 'nothing was rebuilt');
});

t.test('rebuilding one projection while requests keep being answered', async (t) => {
  const store = createLedger(createSqliteEventStore({ path: ':memory:' }));
  await seedDemoStore(store);
  const last = (await store.readAll({ maxCount: 1_000_000 })).at(-1)!;
  const { app, keys } = await buildTestApp(t, { store, minPositionWaitMs: 60_000, readModels: slowCommits(createMemoryReadModelStore(), 20) });
  const admin = bearer(keys.admin);
  const overview = () => app.inject({ method: 'GET', url: '/dashboards/overview', headers: bearer(keys.viewer) });
  t.equal((await app.inject({ method: 'GET', url: `/dashboards/overview?minPosition=${last.position}`, headers: admin })).statusCode, 200);
  const expected = (await overview()).json();

  const rebuild = () => app.inject({ method: 'POST', url: '/admin/projections/rebuild', headers: admin, payload: { projections: ['register'] } });
  // Reads sent alongside the rebuild requests; they must all be answered, with a complete model.
  const [first, second, ...reads] = await Promise.all([rebuild(), rebuild(), ...Array.from({ length: 10 }, overview)]);
  const answers = [first, second].map((response) => response.json());
  t.same([first.statusCode, second.statusCode], [202, 202]);
  t.same(answers.map((a) => a.started).flat(), ['register'], 'one rebuild started');
  t.same(answers.map((a) => a.alreadyRunning).flat(), ['register'], 'the other request found it running and did not start a second');
  const answer = answers.find((a) => a.started.length === 1);
  t.same(answer.projections.map((p: { name: string }) => p.name), ['register'], 'the answer shows the projections asked for');
  t.match(answer.projections[0], { version: `${registerVersion}`, state: 'rebuilding', building: { version: `${registerVersion}.1`, caughtUp: false, progress: Number }, lastRebuild: { version: `${registerVersion}.1`, outcome: 'running', finishedAt: null } });

  let duringRebuild = 0;
  for (;;) {
    const status = (await app.inject({ method: 'GET', url: '/admin/projections', headers: admin })).json();
    const register = status.projections.find((p: { name: string }) => p.name === 'register');
    reads.push(await overview());
    if (register.lastRebuild.outcome !== 'running') break;
    duringRebuild++;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  t.ok(duringRebuild > 3, `${duringRebuild} status polls and reads while the rebuild ran`);
  t.ok(reads.every((read) => read.statusCode === 200), `all ${reads.length} reads answered`);
  t.ok(reads.every((read) => JSON.stringify(read.json()) === JSON.stringify(expected)), 'every read saw a complete model, before and after the switch');

  const done = (await app.inject({ method: 'GET', url: '/admin/projections', headers: admin })).json();
  const register = done.projections.find((p: { name: string }) => p.name === 'register');
  t.match(register, { version: `${registerVersion}.1`, state: 'live', building: null, caughtUp: true, lastRebuild: { version: `${registerVersion}.1`, outcome: 'live', finishedAt: String, eventsPerSecond: Number } });
  t.comment(`register rebuilt at ${register.lastRebuild.eventsPerSecond} events/s`);
  t.ok(done.projections.filter((p: { name: string }) => p.name !== 'register').every((p: { name: string; version: string }) => p.version === String(versionOf(p.name))), 'the others were left alone');
  t.same((await overview()).json(), expected, 'the rebuilt version answers the same');
});

t.test('a process that does not project refuses rebuilds and says where they run', async (t) => {
  const store = createLedger(createSqliteEventStore({ path: ':memory:' }));
  const keyStore = createKeyStore(store, { refreshIntervalMs: 0 });
  const { key } = await keyStore.issue({ name: 'test-admin', role: 'admin' }, 'test-setup');
  const readSide = createReadSide({ config: { role: 'api', readModels: { kind: 'memory' } }, eventStore: store });
  const app = await buildApp({
    config: { bodyLimitBytes: 256 * 1024, conflictRetries: 5, eventStore: { kind: 'sqlite', path: ':memory:', durability: 'full' }, role: 'api', minPositionWaitMs: 1000, dormancyMonths: 24, rateLimitPerMinute: 0 },
    store,
    readSide,
    standards: defaultStandards(),
    keyStore,
  });
  t.teardown(() => app.close());

  const status = await app.inject({ method: 'GET', url: '/admin/projections', headers: bearer(key) });
  t.match(status.json(), { projecting: false }, 'it does not write the shared read models');
  t.same(
    (status.json() as { projections: { name: string }[] }).projections.map((p) => p.name),
    ['register', 'portfolio', 'campaigns', 'reports'],
    'it lists the replica it keeps of each, for its own queries',
  );
  const refused = await app.inject({ method: 'POST', url: '/admin/projections/rebuild?lang=en', headers: bearer(key), payload: { all: true } });
  t.equal(refused.statusCode, 409);
  t.match(refused.json(), { code: 'projector-elsewhere', detail: /ROLE=api.*ROLE=all/ });
  const unknown = await app.inject({ method: 'POST', url: '/admin/projections/rebuild', headers: bearer(key), payload: { projections: ['nope'] } });
  t.equal(unknown.statusCode, 400, 'names are checked first, against the projections in the code');
});
