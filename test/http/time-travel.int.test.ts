import t from 'tap';
import { buildTestApp, jinanFriendly } from './harness.ts';

/**
 * The dashboards' two time axes over HTTP: `asOf` (the facts' own dates) and
 * `knownAt` (what the ledger had recorded by then), on a small history with
 * a fact entered late.
 */
t.test('asOf reads the facts dated by a day; knownAt reads what was recorded by an instant', async (t) => {
  const { post, get } = await buildTestApp(t);
  const { id } = (await post('/partnerships', { ...jinanFriendly, date: '2019-05-10' })).json();
  const p = `/partnerships/${id}`;
  t.equal((await post(`${p}/letter-of-intent`, { date: '2019-09-01' })).statusCode, 200);
  t.equal((await post(`${p}/agreement`, { date: '2020-01-10', place: 'Jinan', signatories: [{ side: 'local', name: 'A' }] })).statusCode, 200);
  const activity = (date: string, title: string) => post(`${p}/activities`, { date, type: 'culture', direction: 'outgoing', title, participants: 5, outcomes: [{ description: 'An outcome' }] });
  const first = await activity('2021-03-01', 'Spring festival');
  t.equal(first.statusCode, 200);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const beforeLateEntry = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 20));
  // Entered in 2021, happened in 2020: a late entry.
  const late = await activity('2020-06-01', 'Summer exchange, entered late');
  const position = late.json().position;

  const overview = async (query: string) => (await get(`/dashboards/overview?minPosition=${position}&${query}`)).json();
  t.match(await overview('asOf=2019-12-31'), { today: '2019-12-31', relationships: 0, candidates: 1, activities: 0 }, 'before the signing: a candidate');
  t.match(await overview('asOf=2020-12-31'), { today: '2020-12-31', relationships: 1, candidates: 0, activities: 1, outcomes: 1 }, 'the late fact counts on its own date');
  t.match(await overview(`asOf=2020-12-31&knownAt=${encodeURIComponent(beforeLateEntry)}`), { relationships: 1, activities: 0 }, 'but not as known before it was entered');
  t.match(await overview(`knownAt=${encodeURIComponent(beforeLateEntry)}`), { activities: 1 }, 'known then: the one activity recorded by then');
  t.match(await overview(''), { relationships: 1, activities: 2, outcomes: 2 }, 'today: both');

  const series = (await get('/dashboards/overview/series?from=2019-01-01&to=2021-12-31&step=year')).json();
  t.same(
    series.points.map((point: { day: string; relationships: number; signed: number; activities: number }) => [point.day, point.relationships, point.signed, point.activities]),
    [
      ['2019-12-31', 0, 0, 0],
      ['2020-12-31', 1, 1, 1],
      ['2021-12-31', 1, 0, 2],
    ],
    'the series reads the same dated counts at each year end',
  );
  const quarters = (await get('/dashboards/pipeline/series?from=2019-04-01&to=2019-12-31&step=quarter')).json();
  t.same(
    quarters.points.map((point: { day: string; byStage: Record<string, number> }) => [point.day, point.byStage.candidate, point.byStage.intent_signed]),
    [
      ['2019-06-30', 1, 0],
      ['2019-09-30', 0, 1],
      ['2019-12-31', 0, 1],
    ],
  );

  const register = async (query: string) => (await get(`/partnerships?${query}`)).json();
  t.match(await register('asOf=2019-06-30'), { today: '2019-06-30', total: 1, items: [{ id, status: 'candidate', signedOn: null, activityCount: 0 }] });
  t.match(await register('asOf=2020-12-31&status=active,dormant'), { total: 1, items: [{ id, status: 'active', activityCount: 1, lastActivityOn: '2020-06-01' }] });
  t.match(await register('asOf=2019-06-30&status=active,dormant'), { total: 0 });

  const pipeline = (await get('/dashboards/pipeline?asOf=2019-10-31')).json();
  t.match(pipeline, { today: '2019-10-31', total: 1, items: [{ id, stage: 'intent_signed', statusSince: '2019-09-01', daysInStage: 60 }] }, 'days in stage counted to the day asked');

  const timeline = (await get('/dashboards/timeline?asOf=2020-12-31')).json();
  t.match(timeline, { today: '2020-12-31', total: 1, items: [{ title: 'Summer exchange, entered late', date: '2020-06-01', partnershipId: id, partner: { nameEn: 'Sacramento' } }] });
  const known = (await get(`/dashboards/timeline?knownAt=${encodeURIComponent(beforeLateEntry)}`)).json();
  t.same(known.items.map((item: { title: string }) => item.title), ['Spring festival']);

  const dormancy = (await get('/dashboards/dormancy?asOf=2023-06-30&months=24')).json();
  t.match(dormancy, { today: '2023-06-30', count: 1, items: [{ id, quietSince: '2021-03-01' }] }, 'quiet two years after its last activity, judged on that day');
});

t.test('a day or instant that is not one is a 400', async (t) => {
  const { get } = await buildTestApp(t);
  for (const query of ['asOf=2021-02-30', 'asOf=yesterday', 'knownAt=2021-13-01', 'asOf=2021-12-07T10:00:00Z']) {
    const response = await get(`/dashboards/overview?${query}`);
    t.equal(response.statusCode, 400, query);
    t.equal(response.json().code, 'invalid-request');
  }
  t.equal((await get('/dashboards/overview/series?step=week')).statusCode, 400);
});
