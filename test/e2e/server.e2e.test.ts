import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { seedDemoStore } from '../../src/demo/seed.ts';
import { createLedger } from '../../src/event-store/ledger.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import { startEsdbWireFake } from '../support/esdb-wire-fake.ts';
import { failingAfter } from '../support/store-overrides.ts';
import { getJson, postJson, startServer, stopServer } from './server-process.ts';

const proposal = {
  local: { divisionCode: '370600' },
  partner: { nameEn: 'Angers', nameZh: '昂热', country: 'FR', level: 'city' },
  kind: 'friendly_cooperation',
  date: '2021-02-01',
};

t.test('a real server keeps every acknowledged write across a restart', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));

  const first = await startServer({ DATA_DIR: dataDir });
  t.teardown(() => stopServer(first, 'SIGKILL'));
  const proposed = await postJson(`${first.url}/partnerships`, proposal);
  t.equal(proposed.status, 201);
  const id = proposed.body.id as string;
  t.equal((await postJson(`${first.url}/partnerships/${id}/letter-of-intent`, { date: '2021-03-01' })).status, 200);

  // Writes in flight when SIGTERM arrives are finished before the process exits.
  const inFlight = Array.from({ length: 20 }, (_, n) =>
    postJson(`${first.url}/partnerships/${id}/activities`, {
      date: '2021-04-01',
      type: 'youth',
      direction: 'joint',
      title: `Youth camp ${n}`,
      participants: 10,
    }).catch(() => ({ status: 0, headers: new Headers(), body: {} })),
  );
  await Promise.race(inFlight);
  const exitCode = await stopServer(first);
  const answered = await Promise.all(inFlight);
  t.equal(exitCode, 0, `graceful shutdown exits cleanly: ${JSON.stringify(first.logs.slice(-5))}`);
  const acknowledged = answered.filter((r) => r.status === 200).length;
  t.ok(first.logs.some((entry) => entry.msg === 'stopped'), 'shutdown is logged');

  const second = await startServer({ DATA_DIR: dataDir });
  t.teardown(() => stopServer(second, 'SIGKILL'));
  const state = (await getJson(`${second.url}/partnerships/${id}`)).body as { revision: number; state: { status: string } };
  t.equal(state.state.status, 'intent_signed');
  const history = (await getJson(`${second.url}/partnerships/${id}/history`)).body as {
    events: { type: string; metadata: { actor: string } }[];
  };
  t.equal(history.events.filter((e) => e.type === 'ActivityRecorded').length, acknowledged, 'every acknowledged activity is there');
  t.equal(history.events[0]?.metadata.actor, 'admin');
  t.equal(await stopServer(second), 0);
});

t.test('a bad setting stops the start with a message naming it', async (t) => {
  await t.rejects(startServer({ SQLITE_DURABILITY: 'sometimes' }), /SQLITE_DURABILITY/);
  await t.rejects(startServer({}, ['--port', 'eighty']), /PORT/);
});

t.test('EVENT_STORE=esdb runs the same service on EventStoreDB', async (t) => {
  const fake = await startEsdbWireFake();
  t.teardown(() => fake.close());
  const server = await startServer({ EVENT_STORE: 'esdb', ESDB_CONNECTION_STRING: fake.connectionString });
  t.teardown(() => stopServer(server, 'SIGKILL'));

  const ready = await fetch(`${server.url}/ready`);
  t.match(await ready.json(), { status: 'ready', eventStore: { kind: 'esdb', reachable: true }, readSide: { reachable: true } });
  const proposed = await postJson(`${server.url}/partnerships`, proposal);
  t.equal(proposed.status, 201);
  const id = proposed.body.id as string;
  const loi = await postJson(`${server.url}/partnerships/${id}/letter-of-intent`, { date: '2021-03-01' }, { 'if-match': '"0"' });
  t.equal(loi.status, 200);
  t.equal(loi.headers.get('etag'), '"1"');
  const stale = await postJson(`${server.url}/partnerships/${id}/contact`, {}, { 'if-match': '"0"' });
  t.equal(stale.status, 412);
  const history = (await getJson(`${server.url}/partnerships/${id}/history`)).body as { events: { type: string }[] };
  t.same(history.events.map((e) => e.type), ['PartnershipProposed', 'LetterOfIntentSigned']);
  t.equal(await stopServer(server), 0, 'the EventStoreDB client is disposed on shutdown');
});

t.test('the first start creates an admin key in a file only its owner can read, and logs the path', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const server = await startServer({ DATA_DIR: dataDir, ADMIN_API_KEY: '' });
  t.teardown(() => stopServer(server, 'SIGKILL'));
  const path = join(dataDir, 'admin-api-key');
  const key = readFileSync(path, 'utf8').trim();
  t.equal(statSync(path).mode & 0o777, 0o600);
  const logged = JSON.stringify(server.logs);
  t.match(logged, path, 'the path is logged');
  t.notMatch(logged, key, 'the key is not');
  const anonymous = await fetch(`${server.url}/dashboards/overview`);
  t.equal(anonymous.status, 401);
  const created = await postJson(`${server.url}/admin/keys`, { name: 'qingdao-oa', role: 'editor', offices: ['370200'] }, {
    authorization: `Bearer ${key}`,
  });
  t.equal(created.status, 201);
  const editor = { authorization: `Bearer ${created.body.key as string}` };
  const qingdao = await postJson(`${server.url}/partnerships`, { ...proposal, local: { divisionCode: '370200' } }, editor);
  t.equal(qingdao.status, 201);
  const jinan = await postJson(`${server.url}/partnerships`, { ...proposal, local: { divisionCode: '370100' } }, editor);
  t.equal(jinan.status, 403);
  t.equal(await stopServer(server), 0);
});

t.test('--demo completes an interrupted demo seed and starts a complete one without seeding it again', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-demo-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  // The seed of an earlier start, stopped after 1,000 appends.
  const sqlite = createSqliteEventStore({ path: join(dataDir, 'events.db'), durability: 'normal' });
  const stopping = failingAfter(sqlite, 1000);
  await t.rejects(seedDemoStore(createLedger(stopping)), /the process was killed/);
  await sqlite.close();

  const resumed = await startServer({ DATA_DIR: dataDir, SQLITE_DURABILITY: 'normal' }, ['--demo']);
  t.teardown(() => stopServer(resumed, 'SIGKILL'));
  t.match(resumed.logs, [{ msg: 'resuming the interrupted demo seed', present: 1000 }, { msg: 'demo dataset completed', replayed: 1000 }]);
  const until = Date.now() + 60_000;
  while ((await getJson(`${resumed.url}/ready`)).body.status !== 'ready' && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 200));
  const overview = await getJson(`${resumed.url}/dashboards/overview?asOf=2021-12-07`);
  t.match(overview.body, { relationships: 598, countries: 88 }, 'the whole demo, not the part seeded before');
  t.equal(await stopServer(resumed), 0);

  const again = await startServer({ DATA_DIR: dataDir, SQLITE_DURABILITY: 'normal' }, ['--demo']);
  t.teardown(() => stopServer(again, 'SIGKILL'));
  t.ok(again.logs.some((entry) => entry.msg === 'demo dataset already complete'), 'a complete demo is left as it is');
  t.notOk(again.logs.some((entry) => entry.msg === 'seeding the demo dataset' || entry.msg === 'resuming the interrupted demo seed'));
  t.equal(await stopServer(again), 0);
});
