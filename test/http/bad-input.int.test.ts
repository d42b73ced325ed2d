import t from 'tap';
import { buildTestApp, qingdaoDakar, qingdaoPair } from './harness.ts';

const PROBLEM = 'application/problem+json; charset=utf-8';

t.test('invalid proposals are 400 problems with field paths and append nothing', async (t) => {
  const { post, eventCount } = await buildTestApp(t);
  const cases: [string, unknown, string][] = [
    ['missing partner', { local: qingdaoDakar.local, kind: 'sister' }, 'body.partner'],
    ['extra field', { ...qingdaoDakar, colour: 'red' }, 'body'],
    ['wrong type', { ...qingdaoDakar, kind: 7 }, 'body.kind'],
    ['unknown kind', { ...qingdaoDakar, kind: 'twin' }, 'body.kind'],
    ['impossible date', { ...qingdaoDakar, date: '2021-02-30' }, 'body.date'],
    ['not a date', { ...qingdaoDakar, date: 'yesterday' }, 'body.date'],
    ['unknown country', { ...qingdaoDakar, partner: { ...qingdaoDakar.partner, country: 'XX' } }, 'body.partner.country'],
    ['Taiwan', { ...qingdaoDakar, partner: { ...qingdaoDakar.partner, country: 'TW' } }, 'body.partner.country'],
    ['lowercase country', { ...qingdaoDakar, partner: { ...qingdaoDakar.partner, country: 'sn' } }, 'body.partner.country'],
    ['unknown division', { ...qingdaoDakar, local: { divisionCode: '110000' } }, 'body.local.divisionCode'],
    ['Laiwu', { ...qingdaoDakar, local: { divisionCode: '371200' } }, 'body.local.divisionCode'],
    ['array body', [qingdaoDakar], 'body'],
    ['client id not a uuid', { ...qingdaoDakar, id: 'abc' }, 'body.id'],
  ];
  for (const [name, body, path] of cases) {
    const response = await post('/partnerships', body);
    t.equal(response.statusCode, 400, `${name}: ${response.body}`);
    t.equal(response.headers['content-type'], PROBLEM, name);
    const problem = response.json();
    t.equal(problem.code, 'invalid-request', name);
    t.ok(
      (problem.errors as { path: string }[]).some((e) => e.path === path),
      `${name} reports ${path}: ${JSON.stringify(problem.errors)}`,
    );
  }
  t.equal(await eventCount(), 0, 'nothing was appended');

  const taiwan = await post('/partnerships', { ...qingdaoDakar, partner: { ...qingdaoDakar.partner, country: 'TW' } });
  t.match(taiwan.json().errors, [{ path: 'body.partner.country', code: 'country-part-of-china' }], 'a named check gives its code');
  const kosovo = await post('/partnerships', { ...qingdaoDakar, partner: { ...qingdaoDakar.partner, country: 'XK' } });
  t.equal(kosovo.statusCode, 400);
  t.match(kosovo.json().errors, [{ path: 'body.partner.country', code: 'country-not-a-state', message: '中国不承认科索沃为国家，不能作为外方国家' }], 'Kosovo is refused with its own message');
  t.equal(await eventCount(), 0, 'nothing was appended');
});

t.test('a date in the future is rejected by the domain with its path', async (t) => {
  const { post, eventCount } = await buildTestApp(t);
  const response = await post('/partnerships', { ...qingdaoDakar, date: '2999-01-01' });
  t.equal(response.statusCode, 400);
  t.equal(response.json().code, 'date-in-future');
  t.equal(response.json().errors[0].path, 'date');
  t.equal(await eventCount(), 0);
});

t.test('malformed JSON, wrong media type and oversized bodies', async (t) => {
  const { app, auth, eventCount } = await buildTestApp(t);
  const send = (payload: string | Buffer, contentType?: string) =>
    app.inject({ method: 'POST', url: '/partnerships', payload, headers: { ...auth, ...(contentType ? { 'content-type': contentType } : {}) } });

  const malformed = await send('{"local": ', 'application/json');
  t.equal(malformed.statusCode, 400);
  t.equal(malformed.json().code, 'malformed-json');

  const empty = await send('', 'application/json');
  t.equal(empty.statusCode, 400);

  const text = await send(JSON.stringify(qingdaoDakar), 'text/plain');
  t.equal(text.statusCode, 415);
  t.equal(text.json().code, 'unsupported-media-type');
  t.equal(text.headers['content-type'], PROBLEM);

  const form = await send('kind=sister', 'application/x-www-form-urlencoded');
  t.equal(form.statusCode, 415);

  const huge = await send(JSON.stringify({ ...qingdaoDakar, notes: 'x'.repeat(10 * 1024 * 1024) }), 'application/json');
  t.equal(huge.statusCode, 413);
  t.equal(huge.json().code, 'payload-too-large');

  t.equal(await eventCount(), 0);
});

t.test('bad ids, bad headers and unknown routes', async (t) => {
  const { post, get, eventCount } = await buildTestApp(t);
  const badId = await post('/partnerships/not-a-uuid/contact', {});
  t.equal(badId.statusCode, 400);
  t.ok(badId.json().errors.some((e: { path: string }) => e.path === 'params.id'));

  const id = (await post('/partnerships', qingdaoDakar)).json().id;
  const badIfMatch = await post(`/partnerships/${id}/contact`, {}, { 'if-match': 'zero' });
  t.equal(badIfMatch.statusCode, 400);
  t.equal(badIfMatch.json().code, 'invalid-precondition');

  const badKey = await post(`/partnerships/${id}/contact`, {}, { 'idempotency-key': 'has space' });
  t.equal(badKey.statusCode, 400);

  const badQuery = await get(`/partnerships/${id}?revision=-1`);
  t.equal(badQuery.statusCode, 400);

  const unknown = await get('/nowhere');
  t.equal(unknown.statusCode, 404);
  t.equal(unknown.json().code, 'route-not-found');

  t.equal(await eventCount(), 1, 'only the one valid proposal was appended');
});

t.test('an illegal transition is a 409 naming the rule, and appends nothing', async (t) => {
  const { post, eventCount } = await buildTestApp(t);
  const id = (await post('/partnerships', qingdaoDakar)).json().id;
  const response = await post(`/partnerships/${id}/agreement`, {
    date: '2021-10-18',
    place: 'Qingdao',
    signatories: [{ side: 'local', name: 'A' }],
  });
  t.equal(response.statusCode, 409);
  t.equal(response.json().code, 'illegal-transition');
  t.match(response.json().detail, /储备意向/, 'the detail names the stage, in Chinese by default');
  t.equal(await eventCount(), 1);
});

t.test('internal failures are 500s that leak nothing', async (t) => {
  const { get, store } = await buildTestApp(t);
  const readStream = store.readStream;
  store.readStream = async (stream, options) => {
    if (stream === 'api-keys') return readStream(stream, options);
    throw new Error('SQLITE_CORRUPT: secret path /var/lib/x');
  };
  const response = await get('/partnerships/00000000-0000-4000-8000-000000000000');
  t.equal(response.statusCode, 500);
  t.equal(response.json().code, 'internal');
  t.notMatch(response.body, /SQLITE|secret|stack/);
});

t.test('malformed URLs and over-long ids are problem+json too', async (t) => {
  const { app, auth } = await buildTestApp(t);
  for (const url of ['/partnerships/%ZZ', '/partnerships/%/contact', `/partnerships/${'a'.repeat(150)}/activities`]) {
    for (const headers of [auth, {}]) {
      const response = await app.inject({ method: url.endsWith('ZZ') ? 'GET' : 'POST', url, headers, payload: url.endsWith('ZZ') ? undefined : {} });
      t.equal(response.statusCode, 400, url);
      t.equal(response.headers['content-type'], PROBLEM);
      t.equal(response.json().code, 'invalid-request');
      t.notMatch(response.body, /FST_/, 'no framework codes');
    }
  }
});

t.test('a causation id that is not a short token is not recorded', async (t) => {
  const { post, get, keys } = await buildTestApp(t);
  const auditor = { authorization: `Bearer ${keys.auditor}` };
  const id = (await post('/partnerships', qingdaoDakar, { 'x-causation-id': `<b>${'x'.repeat(500)}` })).json().id;
  const other = (await post('/partnerships', qingdaoPair(1), { 'x-causation-id': 'oa-request-77' })).json().id;
  t.notOk((await get(`/partnerships/${id}/history`, auditor)).json().events[0].metadata.causationId);
  t.equal((await get(`/partnerships/${other}/history`, auditor)).json().events[0].metadata.causationId, 'oa-request-77');
});

t.test('text with a lone surrogate, a control character or a bidirectional override is a 400 naming the field', async (t) => {
  const { app, auth, post, eventCount, keys } = await buildTestApp(t);
  const id = (await post('/partnerships', qingdaoDakar)).json().id;
  const before = await eventCount();
  // Raw JSON: the escapes reach the parser as a client wrote them.
  const activity = (title: string) =>
    `{"type":"culture","direction":"incoming","title":"${title}","participants":3,"date":"2021-04-01"}`;
  const cases: [string, string, string, string][] = [
    ['a lone surrogate in a title', `/partnerships/${id}/activities`, activity('x\\ud800y'), 'body.title'],
    ['NUL in a title', `/partnerships/${id}/activities`, activity('x\\u0000y'), 'body.title'],
    ['a C1 control in a title', `/partnerships/${id}/activities`, activity('x\\u0085y'), 'body.title'],
    ['a right-to-left override in a title', `/partnerships/${id}/activities`, activity('x\\u202ey'), 'body.title'],
    ['an isolate in notes', '/partnerships', JSON.stringify({ ...qingdaoDakar, notes: 'a\u2066b' }), 'body.notes'],
    ['a lone surrogate in notes', '/partnerships', JSON.stringify({ ...qingdaoDakar, notes: 'a\ud800' }), 'body.notes'],
    ['escape in a partner name', '/partnerships', JSON.stringify({ ...qingdaoDakar, partner: { ...qingdaoDakar.partner, nameEn: '\u001b[2J' } }), 'body.partner.nameEn'],
    ['a lone carriage return in a reason', `/partnerships/${id}/withdrawal`, JSON.stringify({ reason: 'a\rb' }), 'body.reason'],
    ['a lone surrogate in a campaign name', '/campaigns', JSON.stringify({ name: '\udfff', startsOn: '2021-03-01', endsOn: '2021-12-31' }), 'body.name'],
  ];
  for (const [name, url, payload, path] of cases) {
    const response = await app.inject({ method: 'POST', url, payload, headers: { ...auth, 'content-type': 'application/json' } });
    t.equal(response.statusCode, 400, `${name}: ${response.body}`);
    t.equal(response.json().code, 'invalid-request', name);
    t.match(response.json().errors, [{ path, code: 'text-invalid' }], `${name} names ${path}`);
  }
  t.equal(await eventCount(), before, 'nothing was appended');

  const revoke = await app.inject({
    method: 'DELETE',
    url: `/admin/keys/test-viewer?reason=${encodeURIComponent('a\u202eb')}`,
    headers: { authorization: `Bearer ${keys.admin}` },
  });
  t.equal(revoke.statusCode, 400, 'a revocation reason follows the same rule');
  t.match(revoke.json().errors, [{ path: 'querystring.reason', code: 'text-invalid' }]);

  const lines = await post(`/partnerships/${id}/contact`, { notes: 'first call\r\n\tthen a letter\n' });
  t.equal(lines.statusCode, 200, 'tabs, line feeds and CR LF are text');
});
