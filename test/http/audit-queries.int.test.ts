/**
 * Hostile query strings on the audit and past-state routes: whatever the
 * parameters, the answer is a 200, a 400 problem or a 404, never a 5xx.
 */
import fc from 'fast-check';
import t from 'tap';
import { buildTestApp, qingdaoDakar } from './harness.ts';

const NAMES = ['after', 'limit', 'streamType', 'type', 'actor', 'since', 'until', 'format', 'stream', 'progress', 'from', 'asOf', 'knownAt', 'revision', 'x'];
const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer({ min: -5, max: 5_000 }).map(String),
  fc.constantFrom('1', '0', '-1', '2021-06-30', '2021-02-30', '2021-06-30T10:00:00+08:00', '9'.repeat(30), 'partnership,project', 'json', 'csv', 'jsonl', 'true', '%00', '..%2F'),
);
const query = fc.dictionary(fc.constantFrom(...NAMES), value, { maxKeys: 4 });

t.test('random query strings on audit and past-state routes never cause a 5xx', async (t) => {
  const { app, post, keys } = await buildTestApp(t);
  const id = (await post('/partnerships', qingdaoDakar)).json().id as string;
  await post(`/partnerships/${id}/contact`, { date: '2021-03-05' });
  const paths = ['/audit/events', '/audit/verify', `/partnerships/${id}`, `/partnerships/${id}/history`];
  const statuses = new Map<number, number>();

  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...paths), query, async (path, params) => {
      const search = Object.entries(params)
        .map(([name, v]) => `${name}=${encodeURIComponent(v)}`)
        .join('&');
      const response = await app.inject({ method: 'GET', url: `${path}?${search}`, headers: { authorization: `Bearer ${keys.auditor}` } });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      if (response.statusCode >= 500) throw new Error(`${path}?${search} → ${response.statusCode} ${response.body}`);
      if (response.statusCode >= 400) {
        t.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8', `${path}?${search}`);
      }
    }),
    { numRuns: 400, seed: 20261126 },
  );
  t.comment(`answers: ${JSON.stringify(Object.fromEntries(statuses))}`);
  t.ok(statuses.has(200) && statuses.has(400), 'both accepted and refused queries were tried');
});

t.test('a position beyond what the store can hold is a 400 naming the parameter', async (t) => {
  const { get, keys, eventCount } = await buildTestApp(t, { acceptLanguage: 'en' });
  const auditor = { authorization: `Bearer ${keys.auditor}` };
  const cases: [string, string][] = [
    ['/audit/events?after=99999999999999999999', 'querystring.after'],
    ['/audit/events?after=9223372036854775808', 'querystring.after'],
    ['/audit/events?after=1-9223372036854775808', 'querystring.after'],
    ['/dashboards/overview?minPosition=99999999999999999999', 'querystring.minPosition'],
    ['/partnerships?minPosition=9223372036854775808', 'querystring.minPosition'],
  ];
  for (const [url, path] of cases) {
    const response = await get(url, auditor);
    t.equal(response.statusCode, 400, `${url}: ${response.body}`);
    t.equal(response.json().code, 'invalid-request', url);
    t.match(response.json().errors, [{ path, message: /largest position/ }], `${url} names ${path}`);
  }
  const largest = await get('/audit/events?after=9223372036854775807', auditor);
  t.equal(largest.statusCode, 200, 'the largest position is a position');
  t.same(largest.json().events, []);
  t.equal(await eventCount(), 0);
});
