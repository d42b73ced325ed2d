import t from 'tap';
import { buildTestApp, jinanFriendly } from './harness.ts';

t.test('a dashboard answer is served again only while the views and the day are unchanged', async (t) => {
  let now = '2024-06-15T02:00:00.000Z';
  const { app, post, get, readSide } = await buildTestApp(t, { clock: () => now });
  let queries = 0;
  const views = readSide.views.bind(readSide);
  readSide.views = () => {
    queries++;
    return views();
  };
  const created = (await post('/partnerships', { ...jinanFriendly, date: '2019-05-10' })).json();
  t.ok(await readSide.waitFor(created.position, 5000));

  const first = await get('/dashboards/overview?asOf=2024-01-01');
  t.equal(first.statusCode, 200);
  t.equal(queries, 1);
  const again = await get('/dashboards/overview?asOf=2024-01-01');
  t.equal(again.body, first.body, 'the same answer');
  t.equal(again.headers['content-type'], first.headers['content-type']);
  t.equal(queries, 1, 'served without running the query again');

  t.match((await get('/partnerships?status=candidate&country=US')).json(), { total: 1 });
  t.match((await get('/partnerships?country=US&status=candidate')).json(), { total: 1 });
  t.equal(queries, 2, 'the order of the query parameters does not matter');

  const signed = await post(`/partnerships/${created.id}/letter-of-intent`, { date: '2019-09-01' });
  t.ok(await readSide.waitFor(signed.json().position, 5000));
  t.match((await get('/dashboards/overview?asOf=2024-01-01')).json(), { byStatus: { intent_signed: 1, candidate: 0 } }, 'a new event: computed anew');
  t.equal(queries, 3);

  t.match((await get('/dashboards/overview')).json(), { today: '2024-06-15' });
  now = '2024-06-15T17:00:00.000Z';
  t.match((await get('/dashboards/overview')).json(), { today: '2024-06-16' }, 'a new day in China: computed anew');
  t.equal(queries, 5);

  await get(`/dashboards/overview?minPosition=${signed.json().position}`);
  t.equal(queries, 6, 'minPosition: read after waiting, not from the cache');
  const viewer = await app.inject({ method: 'GET', url: '/dashboards/overview' });
  t.equal(viewer.statusCode, 401, 'a cached answer still needs a key');
});
