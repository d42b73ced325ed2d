import t, { type Test } from 'tap';
import type { Role } from '../../commands/api-keys/index.ts';
import { allows, type Access } from '../../src/auth/policy.ts';
import { ACCESS_LEVELS, bearer, buildAuthApp, keyStoreOn, memoryStore } from './support.ts';

const ROUTE: Record<Access, { method: 'GET' | 'POST'; url: string; payload?: object }> = {
  read: { method: 'GET', url: '/things' },
  write: { method: 'POST', url: '/things', payload: { title: 'x' } },
  audit: { method: 'GET', url: '/audit/things' },
  admin: { method: 'POST', url: '/admin/things' },
};

async function setup(t: Test) {
  const keyStore = keyStoreOn(memoryStore(t));
  const app = await buildAuthApp(t, keyStore);
  const keys: Record<Role, string> = {
    admin: (await keyStore.issue({ name: 'root', role: 'admin' }, 'test')).key,
    editor: (await keyStore.issue({ name: 'qingdao-oa', role: 'editor', offices: ['370200'] }, 'test')).key,
    viewer: (await keyStore.issue({ name: 'dashboard', role: 'viewer' }, 'test')).key,
    auditor: (await keyStore.issue({ name: 'audit-office', role: 'auditor' }, 'test')).key,
  };
  return { app, keyStore, keys };
}

t.test('every role against every access level', async (t) => {
  const { app, keys } = await setup(t);
  for (const role of Object.keys(keys) as Role[]) {
    for (const access of ACCESS_LEVELS) {
      const response = await app.inject({ ...ROUTE[access], headers: { ...bearer(keys[role]), 'accept-language': 'en' } });
      const expected = allows(role, access) ? 200 : 403;
      t.equal(response.statusCode, expected, `${role} → ${access}: ${expected}`);
      if (expected === 403) {
        t.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
        t.match(response.json(), { status: 403, code: 'forbidden', detail: new RegExp(`${role}.*${access}`) });
      }
    }
  }
  for (const access of ACCESS_LEVELS) {
    const response = await app.inject(ROUTE[access]);
    t.equal(response.statusCode, 401, `no key → ${access}: 401`);
    t.match(response.json(), { status: 401, code: 'unauthenticated' });
    t.match(response.headers['www-authenticate'], /^Bearer realm="friendship-ledger"$/);
  }
});

t.test('the caller becomes the actor', async (t) => {
  const { app, keys } = await setup(t);
  t.same((await app.inject({ url: '/things', headers: bearer(keys.editor) })).json(), {
    principal: { name: 'qingdao-oa', role: 'editor', offices: ['370200'] },
    actor: { actor: 'qingdao-oa', office: '370200' },
  });
  t.same((await app.inject({ url: '/things', headers: bearer(keys.viewer) })).json().actor, { actor: 'dashboard' });
});

t.test('keys that do not authenticate', async (t) => {
  const { app, keyStore, keys } = await setup(t);
  const cases: Array<[string, string]> = [
    ['an unknown key', 'Bearer fcl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a key with a character changed', `Bearer ${keys.admin.slice(0, -1)}${keys.admin.endsWith('x') ? 'y' : 'x'}`],
    ['another scheme', `Basic ${keys.admin}`],
    ['no key after the scheme', 'Bearer '],
    ['a key too short to be one', 'Bearer abc'],
  ];
  for (const [what, authorization] of cases) {
    const response = await app.inject({ url: '/things', headers: { authorization } });
    t.equal(response.statusCode, 401, what);
    t.match(response.headers['www-authenticate'], /^Bearer .*error="invalid_token"/);
  }
  t.equal((await app.inject({ url: '/things', headers: { authorization: `bearer ${keys.viewer}` } })).statusCode, 200, 'the scheme is case-insensitive');

  await keyStore.revoke('dashboard', 'test');
  const revoked = await app.inject({ url: '/things', headers: bearer(keys.viewer) });
  t.equal(revoked.statusCode, 401, 'a revoked key');
  t.equal(revoked.json().code, 'unauthenticated');
});

t.test('public routes, unknown routes and routes that declare no access', async (t) => {
  const { app, keys } = await setup(t);
  t.equal((await app.inject({ url: '/health' })).statusCode, 200, 'health is open');
  t.equal((await app.inject({ method: 'HEAD', url: '/health' })).statusCode, 200);
  t.equal((await app.inject({ url: '/docs/static/index.html' })).statusCode, 200, '/docs* is open');
  t.equal((await app.inject({ url: '/health/../things' })).statusCode, 401, 'a path that only looks public is not');

  t.equal((await app.inject({ url: '/nowhere' })).statusCode, 401, 'without a key, unknown routes are not revealed');
  const unknown = await app.inject({ url: '/nowhere', headers: bearer(keys.viewer) });
  t.equal(unknown.statusCode, 404, 'with one, they are a 404');
  t.equal(unknown.json().code, 'route-not-found');

  t.equal((await app.inject({ url: '/undeclared', headers: bearer(keys.editor) })).statusCode, 403, 'no declaration: admin only');
  t.equal((await app.inject({ url: '/undeclared', headers: bearer(keys.admin) })).statusCode, 200);
});

t.test('authorization comes before the body is validated', async (t) => {
  const { app, keys } = await setup(t);
  const response = await app.inject({ method: 'POST', url: '/things', payload: { wrong: true }, headers: bearer(keys.viewer) });
  t.equal(response.statusCode, 403, 'a viewer learns nothing about the body schema');
  const editor = await app.inject({ method: 'POST', url: '/things', payload: { wrong: true }, headers: bearer(keys.editor) });
  t.equal(editor.statusCode, 400);
});
