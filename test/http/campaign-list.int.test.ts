import t from 'tap';
import { buildTestApp } from './harness.ts';

t.test('the campaigns are listed as of a day, with a phase that says whether they are under way', async (t) => {
  const { post, get, readSide } = await buildTestApp(t, { clock: () => '2024-06-15T02:00:00.000Z' });
  const launched = await post('/campaigns', {
    name: 'Activate Friendship Cities',
    startsOn: '2021-03-01',
    endsOn: '2021-12-31',
    targets: { reservePairs: 168, plannedProjects: 127 },
    date: '2021-02-15',
  });
  t.equal(launched.statusCode, 201, launched.body);
  const { id, position } = launched.json();
  const later = await post('/campaigns', { name: 'Ports and logistics', startsOn: '2023-01-01', endsOn: '2025-12-31', date: '2022-12-01' });
  const closed = await post('/campaigns', { name: 'Trial', startsOn: '2020-01-01', endsOn: '2020-06-30', date: '2019-12-01' });
  await post(`/campaigns/${closed.json().id}/closure`, { date: '2020-06-30', summary: 'Done' });
  t.ok(await readSide.waitFor(later.json().position, 5000));
  t.ok(await readSide.waitFor(position, 5000));

  const list = async (query = '') => (await get(`/campaigns${query}`)).json();
  const now = await list();
  t.equal(now.today, '2024-06-15');
  t.same(
    now.items.map((c: { name: string; phase: string; status: string }) => [c.name, c.status, c.phase]),
    [
      ['Ports and logistics', 'open', 'running'],
      ['Activate Friendship Cities', 'open', 'ended'],
      ['Trial', 'closed', 'closed'],
    ],
    'newest start first; open past its end date reads as ended',
  );
  t.match(now.items[1], { id, launchedOn: '2021-02-15', startsOn: '2021-03-01', endsOn: '2021-12-31', targets: { reservePairs: 168, plannedProjects: 127 }, enrolled: 0, closedOn: null });

  const then = await list('?asOf=2021-02-20');
  t.same(
    then.items.map((c: { name: string; phase: string }) => [c.name, c.phase]),
    [
      ['Activate Friendship Cities', 'upcoming'],
      ['Trial', 'closed'],
    ],
    'as of a day: only what was launched by then, as it stood',
  );
  t.equal((await list('?asOf=2021-07-01')).items[0].phase, 'running');
  t.equal((await get('/campaigns?status=open')).statusCode, 400, 'unknown parameters are refused');
});
