/**
 * Keys and idempotent replays against real server processes, as a hostile
 * or careless operator would meet them: a replayed Idempotency-Key from
 * another office, and a revoked admin key after restarts with the same
 * ADMIN_API_KEY.
 */
import t from 'tap';
import { ADMIN_KEY, startServer, stopServer } from '../e2e/server-process.ts';
import { http, tempDir } from './support.ts';

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

t.test('an Idempotency-Key replayed by another office is refused like any write there, and tells nothing', async (t) => {
  const server = await startServer({ DATA_DIR: tempDir(t, 'replay'), READ_MODEL_STORE: 'memory' }, [], { logs: 'startup' });
  t.teardown(() => stopServer(server));
  const issue = async (name: string, offices: string[]) =>
    (await http(`${server.url}/admin/keys`, { body: { name, role: 'editor', offices } })).body.key as string;
  const jinan = bearer(await issue('jinan-oa', ['370100']));
  const qingdao = bearer(await issue('qingdao-oa', ['370200']));
  const proposed = await http(`${server.url}/partnerships`, {
    body: { local: { divisionCode: '370100' }, partner: { nameEn: 'Regensburg', country: 'DE', level: 'city' }, kind: 'friendly_cooperation', date: '2021-03-01' },
    headers: jinan,
  });
  t.equal(proposed.status, 201);
  const url = `${server.url}/partnerships/${proposed.body.id as string}/letter-of-intent`;
  const key = { 'idempotency-key': 'jn-key-1' };
  const first = await http(url, { body: { date: '2021-04-01' }, headers: { ...jinan, ...key } });
  t.equal(first.status, 200, 'Jinan signs the letter of intent');

  const sameBody = await http(url, { body: { date: '2021-04-01' }, headers: { ...qingdao, ...key } });
  t.equal(sameBody.status, 403, 'the same key and body from Qingdao: 403, not a replay');
  t.equal(sameBody.headers.get('idempotent-replayed'), null);
  const otherBody = await http(url, { body: { date: '2021-04-02' }, headers: { ...qingdao, ...key } });
  t.equal(otherBody.status, 403, 'another body: the same 403, not a 422 that would tell the key was used');
  t.same(otherBody.body.code, sameBody.body.code);

  const retry = await http(url, { body: { date: '2021-04-01' }, headers: { ...jinan, ...key } });
  t.equal(retry.status, 200);
  t.equal(retry.headers.get('idempotent-replayed'), 'true', 'Jinan’s own retry is still answered from its first response');
  const history = await http(`${server.url}/partnerships/${proposed.body.id as string}/history`);
  t.same(
    (history.body.events as { type: string }[]).map((event) => event.type),
    ['PartnershipProposed', 'LetterOfIntentSigned'],
    'one letter of intent in the log',
  );
});

t.test('a revoked admin key stays revoked across restarts with the same ADMIN_API_KEY', async (t) => {
  const dataDir = tempDir(t, 'revoked');
  const env = { DATA_DIR: dataDir, READ_MODEL_STORE: 'memory' };
  let server = await startServer(env, [], { logs: 'startup' });
  t.equal((await http(`${server.url}/admin/keys`)).status, 200, 'the provisioned admin key works');
  const last = await http(`${server.url}/admin/keys/admin`, { method: 'DELETE' });
  t.equal(last.status, 409, 'the last active admin key is not revoked without force');
  t.equal(last.body.code, 'last-admin-key');
  t.equal((await http(`${server.url}/admin/keys/admin?force=true`, { method: 'DELETE' })).status, 204, 'revoked with force');
  t.equal((await http(`${server.url}/admin/keys`)).status, 401, 'and refused at once');
  await stopServer(server);

  server = await startServer(env);
  t.equal((await http(`${server.url}/admin/keys`)).status, 401, 'after a restart with the same ADMIN_API_KEY it is still refused');
  t.ok(
    server.logs.some((entry) => /revoked key is never accepted again/.test(String(entry.msg))),
    'the start says why ADMIN_API_KEY provisioned nothing',
  );
  await stopServer(server);

  await t.rejects(startServer({ ...env, ADMIN_API_KEY_REISSUE: '1' }), /revoked/, 'a reissue with the revoked secret stops the start');

  const fresh = 'a-new-admin-secret-after-the-revocation-0123456789';
  server = await startServer({ ...env, ADMIN_API_KEY_REISSUE: '1', ADMIN_API_KEY: fresh });
  t.teardown(() => stopServer(server));
  t.equal((await http(`${server.url}/admin/keys`, { headers: bearer(fresh) })).status, 200, 'an explicit reissue with a new secret works');
  t.equal((await http(`${server.url}/admin/keys`, { headers: bearer(ADMIN_KEY) })).status, 401, 'the revoked secret does not');
});
