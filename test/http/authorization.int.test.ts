import t from 'tap';
import { buildTestApp, jinanFriendly, qingdaoDakar } from './harness.ts';

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

t.test('an editor writes only for its own offices, and its office goes into the metadata', async (t) => {
  const { post, get, keys } = await buildTestApp(t);
  const qingdao = (await post('/partnerships', qingdaoDakar, bearer(keys.qingdaoEditor))).json().id;
  t.ok(qingdao, 'a Qingdao editor proposes a Qingdao partnership');
  const jinan = (await post('/partnerships', jinanFriendly, bearer(keys.admin))).json().id;

  const own = await post(`/partnerships/${qingdao}/contact`, { date: '2021-04-01' }, bearer(keys.qingdaoEditor));
  t.equal(own.statusCode, 200);
  const other = await post(`/partnerships/${jinan}/contact`, { date: '2021-04-01' }, bearer(keys.qingdaoEditor));
  t.equal(other.statusCode, 403);
  t.equal(other.json().code, 'forbidden');
  const proposeElsewhere = await post('/partnerships', jinanFriendly, bearer(keys.qingdaoEditor));
  t.equal(proposeElsewhere.statusCode, 403);
  const county = await post(
    '/partnerships',
    { ...qingdaoDakar, local: { divisionCode: '370211', nameEn: 'Huangdao District' } },
    bearer(keys.qingdaoEditor),
  );
  t.equal(county.statusCode, 201, 'a county under Qingdao belongs to the Qingdao office');
  t.equal(
    (await post('/campaigns', { name: 'X', startsOn: '2021-01-01', endsOn: '2021-12-31', date: '2021-01-01' }, bearer(keys.qingdaoEditor)))
      .statusCode,
    403,
    'campaigns are the province office’s',
  );

  const history = (await get(`/partnerships/${qingdao}/history`, bearer(keys.admin))).json().events;
  t.match(history, [{ metadata: { actor: 'qingdao-editor', office: '370200' } }, { metadata: { actor: 'qingdao-editor', office: '370200' } }]);
  const jinanHistory = (await get(`/partnerships/${jinan}/history`, bearer(keys.admin))).json().events;
  t.equal(jinanHistory.length, 1, 'the refused write appended nothing');
  t.equal(jinanHistory[0].metadata.actor, 'test-admin');
});

t.test('every role against the kinds of routes', async (t) => {
  const { app, post, keys } = await buildTestApp(t);
  const id = (await post('/partnerships', qingdaoDakar, bearer(keys.admin))).json().id;
  const routes = {
    write: { method: 'POST' as const, url: `/partnerships/${id}/contact`, payload: { date: '2021-04-01' } },
    read: { method: 'GET' as const, url: '/dashboards/overview' },
    state: { method: 'GET' as const, url: `/partnerships/${id}` },
    history: { method: 'GET' as const, url: `/partnerships/${id}/history` },
    admin: { method: 'GET' as const, url: '/admin/keys' },
  };
  const expected: Record<string, Record<keyof typeof routes, number>> = {
    admin: { write: 200, read: 200, state: 200, history: 200, admin: 200 },
    qingdaoEditor: { write: 200, read: 200, state: 200, history: 403, admin: 403 },
    viewer: { write: 403, read: 200, state: 200, history: 403, admin: 403 },
    auditor: { write: 403, read: 200, state: 200, history: 200, admin: 403 },
  };
  for (const [role, byRoute] of Object.entries(expected)) {
    for (const [name, status] of Object.entries(byRoute)) {
      const route = routes[name as keyof typeof routes];
      const headers = bearer(keys[role as keyof typeof keys]);
      // Each write needs a state that allows it: withdraw-free contact is recorded once, then it is a 409.
      const response = await app.inject({ ...route, headers });
      const got = name === 'write' && response.statusCode === 409 ? 200 : response.statusCode;
      t.equal(got, status, `${role} ${name}`);
    }
  }
  for (const route of Object.values(routes)) {
    const anonymous = await app.inject(route);
    t.equal(anonymous.statusCode, 401, `no key: ${route.method} ${route.url}`);
    t.match(anonymous.headers['www-authenticate'], /^Bearer/);
    const forged = await app.inject({ ...route, headers: bearer('fcl_not-a-real-key-0000000000000000000000') });
    t.equal(forged.statusCode, 401);
  }
  for (const open of ['/health', '/ready', '/openapi.json', '/docs/']) {
    t.equal((await app.inject({ method: 'GET', url: open })).statusCode, 200, `${open} needs no key`);
  }
});

t.test('keys are managed by admins over HTTP, and a revoked key stops working', async (t) => {
  const { app, keys } = await buildTestApp(t);
  const created = await app.inject({
    method: 'POST',
    url: '/admin/keys',
    headers: bearer(keys.admin),
    payload: { name: 'weihai-oa', role: 'editor', offices: ['371000'] },
  });
  t.equal(created.statusCode, 201, created.body);
  const key = created.json().key as string;
  t.equal((await app.inject({ method: 'GET', url: '/dashboards/overview', headers: bearer(key) })).statusCode, 200);
  t.notMatch((await app.inject({ method: 'GET', url: '/admin/keys', headers: bearer(keys.admin) })).body, key, 'keys are never listed');
  t.equal((await app.inject({ method: 'DELETE', url: '/admin/keys/weihai-oa', headers: bearer(keys.admin) })).statusCode, 204);
  t.equal((await app.inject({ method: 'GET', url: '/dashboards/overview', headers: bearer(key) })).statusCode, 401);
});

t.test('the rate limit answers 429 problem+json', async (t) => {
  const { get } = await buildTestApp(t, { rateLimitPerMinute: 5 });
  const statuses: number[] = [];
  for (let n = 0; n < 7; n++) statuses.push((await get('/dashboards/overview')).statusCode);
  t.same(statuses, [200, 200, 200, 200, 200, 429, 429]);
  const limited = await get('/dashboards/overview');
  t.equal(limited.json().code, 'rate-limited');
  t.ok(Number(limited.headers['retry-after']) > 0);
  t.equal(limited.headers['x-content-type-options'], 'nosniff', 'security headers are set');
});
