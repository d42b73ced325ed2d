import t, { type Test } from 'tap';
import { KEYS_STREAM } from '../../commands/api-keys/index.ts';
import { bearer, buildAuthApp, keyStoreOn, memoryStore } from './support.ts';

async function setup(t: Test) {
  const store = memoryStore(t);
  const keyStore = keyStoreOn(store);
  const app = await buildAuthApp(t, keyStore);
  const admin = (await keyStore.issue({ name: 'root', role: 'admin' }, 'test')).key;
  const post = (payload: object, key = admin) => app.inject({ method: 'POST', url: '/admin/keys', payload, headers: bearer(key) });
  return { app, store, keyStore, admin, post };
}

t.test('an admin issues a key, shown once, that then works', async (t) => {
  const { app, store, post } = await setup(t);
  const response = await post({ name: 'qingdao-oa', role: 'editor', offices: ['370200', '370100'] });
  t.equal(response.statusCode, 201);
  t.equal(response.headers['cache-control'], 'no-store');
  const body = response.json();
  t.match(body, { name: 'qingdao-oa', role: 'editor', offices: ['370100', '370200'], key: /^fcl_/ });
  t.same(Object.keys(body).sort(), ['key', 'name', 'offices', 'role']);

  t.equal((await app.inject({ url: '/things', headers: bearer(body.key) })).statusCode, 200);
  const [issued] = await store.readStream(KEYS_STREAM, { fromRevision: 1 });
  t.equal(issued?.metadata.actor, 'root', 'the issuing admin is the actor');

  const list = await app.inject({ url: '/admin/keys', headers: bearer((await post({ name: 'ops', role: 'admin' })).json().key) });
  t.equal(list.statusCode, 200);
  t.same(list.json().keys.map((k: { name: string }) => k.name), ['ops', 'qingdao-oa', 'root']);
  t.notOk(/"(hash|salt|key)"/.test(list.body), 'no secrets, hashes or salts in the list');
});

t.test('what an admin cannot issue', async (t) => {
  const { post } = await setup(t);
  const exists = await post({ name: 'root', role: 'viewer' });
  t.equal(exists.statusCode, 409);
  t.match(exists.json(), { code: 'key-exists', type: 'urn:problem:key-exists' });

  const cases: Array<[object, string, string | undefined]> = [
    [{ name: 'jinan-oa', role: 'editor' }, 'body.offices', 'editor-needs-office'],
    [{ name: 'jinan-oa', role: 'editor', offices: [] }, 'body.offices', 'editor-needs-office'],
    [{ name: 'huangdao', role: 'editor', offices: ['370211'] }, 'body.offices.0', 'office-invalid'],
    [{ name: 'laiwu', role: 'editor', offices: ['371200'] }, 'body.offices.0', 'office-invalid'],
    [{ name: 'viewer-1', role: 'viewer', offices: ['370200'] }, 'body.offices', 'offices-only-for-editors'],
    [{ name: 'jinan-oa', role: 'editor', offices: ['37020'] }, 'body.offices.0', undefined],
    [{ name: 'Jinan', role: 'viewer' }, 'body.name', undefined],
    [{ name: 'jinan-oa', role: 'owner' }, 'body.role', undefined],
    [{ name: 'jinan-oa', role: 'viewer', key: 'my-own' }, 'body', undefined],
  ];
  for (const [payload, path, code] of cases) {
    const response = await post(payload);
    t.equal(response.statusCode, 400, JSON.stringify(payload));
    t.match(response.json(), { code: 'invalid-request', errors: [{ path, ...(code ? { code } : {}) }] });
  }
});

t.test('revoking', async (t) => {
  const { app, post, admin } = await setup(t);
  const { key } = (await post({ name: 'dashboard', role: 'viewer' })).json();
  const del = (name: string, query = '') => app.inject({ method: 'DELETE', url: `/admin/keys/${name}${query}`, headers: bearer(admin) });

  const revoked = await del('dashboard', '?reason=rotated');
  t.equal(revoked.statusCode, 204);
  t.equal(revoked.body, '');
  t.equal((await app.inject({ url: '/things', headers: bearer(key) })).statusCode, 401, 'the key no longer works');

  const again = await del('dashboard');
  t.equal(again.statusCode, 404);
  t.equal(again.json().code, 'not-found');
  t.equal((await del('NOT_A_NAME')).statusCode, 400);
});

t.test('the last active admin key is revoked only with force=true', async (t) => {
  const { app, store, admin } = await setup(t);
  const del = (query = '') => app.inject({ method: 'DELETE', url: `/admin/keys/root${query}`, headers: bearer(admin) });
  const before = (await store.readStream(KEYS_STREAM)).length;

  const refused = await del('?reason=rotated');
  t.equal(refused.statusCode, 409);
  t.match(refused.json(), { code: 'last-admin-key', type: 'urn:problem:last-admin-key', detail: /force=true/ });
  t.equal((await del('?force=false')).statusCode, 409);
  t.equal((await del('?force=yes')).statusCode, 400, 'force is true or false');
  t.equal((await store.readStream(KEYS_STREAM)).length, before, 'nothing was appended');
  t.equal((await app.inject({ url: '/things', headers: bearer(admin) })).statusCode, 200, 'the key still works');

  const forced = await del('?force=true&reason=locked%20down');
  t.equal(forced.statusCode, 204);
  t.equal((await app.inject({ url: '/things', headers: bearer(admin) })).statusCode, 401);
});

t.test('only admins manage keys', async (t) => {
  const { app, post } = await setup(t);
  for (const role of ['editor', 'viewer', 'auditor'] as const) {
    const { key } = (await post({ name: `${role}-1`, role, ...(role === 'editor' ? { offices: ['370200'] } : {}) })).json();
    t.equal((await post({ name: 'sneaky', role: 'admin' }, key)).statusCode, 403, `${role} cannot issue`);
    t.equal((await app.inject({ url: '/admin/keys', headers: bearer(key) })).statusCode, 403, `${role} cannot list`);
    t.equal((await app.inject({ method: 'DELETE', url: '/admin/keys/root', headers: bearer(key) })).statusCode, 403, `${role} cannot revoke`);
  }
  t.equal((await app.inject({ url: '/admin/keys' })).statusCode, 401);
});
