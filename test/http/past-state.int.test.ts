import t, { type Test } from 'tap';
import { buildTestApp, qingdaoDakar, qingdaoTrainingCentre, type TestApp } from './harness.ts';

const PROBLEM = 'application/problem+json; charset=utf-8';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const activity = (date: string, type: string, title: string, outcomes = 0) => ({
  date,
  type,
  direction: 'outgoing',
  title,
  participants: 20,
  ...(outcomes > 0 && { outcomes: Array.from({ length: outcomes }, (_, n) => ({ description: `Outcome ${n + 1}` })) }),
});

/**
 * Qingdao–Dakar over eight years, written in the order the office entered
 * it: the last write is an activity of 2018 entered in 2023.
 */
const TIMELINE: [action: string, body: object][] = [
  ['contact', { date: '2015-06-10', channel: 'visit' }],
  ['letter-of-intent', { date: '2016-01-20', documentRef: 'LOI-2016-1' }],
  ['approval-requests', { date: '2016-02-01', level: 'city' }],
  ['approval-decisions', { date: '2016-03-15', level: 'city', decision: 'granted', reference: 'QD-2016-12' }],
  ['approval-requests', { date: '2016-04-01', level: 'province' }],
  ['approval-decisions', { date: '2016-06-30', level: 'province', decision: 'granted', reference: 'SD-2016-88' }],
  ['approval-requests', { date: '2016-07-10', level: 'national' }],
  ['approval-decisions', { date: '2016-11-02', level: 'national', decision: 'granted', reference: 'WB-2016-301' }],
  ['agreement', { date: '2017-04-18', place: 'Qingdao', signatories: [{ side: 'local', name: 'Mayor of Qingdao' }] }],
  ['activities', activity('2017-09-12', 'culture', 'Qingdao week in Dakar', 1)],
  ['activities', activity('2018-05-20', 'education', 'Teacher exchange')],
  ['activities', activity('2019-10-08', 'trade_investment', 'Port investment forum', 2)],
  ['dormancy', { date: '2020-06-01', reason: 'No exchanges during the pandemic' }],
  // An activity on a dormant partnership brings it back: two events, revisions 14 and 15.
  ['activities', activity('2021-03-10', 'online_meeting', 'Online port webinar')],
  ['dormancy', { date: '2022-09-01', reason: 'Partner city council changed' }],
  ['reactivation', { date: '2023-05-15', reason: 'Activate Friendship Cities campaign' }],
  ['activities', activity('2023-09-01', 'youth', 'Youth football camp')],
  ['activities', activity('2018-11-11', 'sports', 'Friendship Cup 2018, entered late', 1)],
];

async function longHistory(t: Test, app: TestApp) {
  const proposed = await app.post('/partnerships', { ...qingdaoDakar, date: '2015-03-01' });
  t.equal(proposed.statusCode, 201, proposed.body);
  const id = proposed.json().id as string;
  for (const [action, body] of TIMELINE) {
    // A few milliseconds apart, so that every write has its own recordedAt.
    await sleep(3);
    const response = await app.post(`/partnerships/${id}/${action}`, body);
    t.equal(response.statusCode, 200, `${action}: ${response.body}`);
  }
  return id;
}

const GRANTED = [
  { level: 'city', on: '2016-03-15', reference: 'QD-2016-12' },
  { level: 'province', on: '2016-06-30', reference: 'SD-2016-88' },
  { level: 'national', on: '2016-11-02', reference: 'WB-2016-301' },
];

/** Everything but the two parties, which the reference data fills in. */
function withoutParties(state: Record<string, unknown>) {
  const { local, partner, ...rest } = state;
  return rest;
}

t.test('asOf a date: the state on that day by the facts’ own dates, late entries included', async (t) => {
  const app = await buildTestApp(t);
  const id = await longHistory(t, app);

  const endOf2019 = await app.get(`/partnerships/${id}?asOf=2019-12-31`);
  t.equal(endOf2019.statusCode, 200, endOf2019.body);
  t.same(withoutParties(endOf2019.json().state), {
    id,
    status: 'active',
    statusSince: '2017-04-18',
    kind: 'sister',
    proposedOn: '2015-03-01',
    contactOn: '2015-06-10',
    intentSignedOn: '2016-01-20',
    approvals: { required: ['city', 'province', 'national'], granted: GRANTED, pending: null },
    signedOn: '2017-04-18',
    upgradedOn: null,
    lastActivityOn: '2019-10-08',
    // 2017, 2018, 2019 and the 2018 cup entered in 2023.
    activityCount: 4,
    outcomeCount: 4,
    dormantSince: null,
    terminatedOn: null,
    withdrawnOn: null,
    recorded: {
      contactChannel: 'visit',
      letterOfIntentRef: 'LOI-2016-1',
      agreement: { on: '2017-04-18', place: 'Qingdao', signatories: [{ side: 'local', name: 'Mayor of Qingdao' }] },
    },
  });
  t.match(endOf2019.json().state, { local: { divisionCode: '370200' }, partner: { nameEn: 'Dakar', country: 'SN' } });
  t.equal(endOf2019.json().revision, 19, 'the last event included is the late entry');

  const midReview = (await app.get(`/partnerships/${id}?asOf=2016-05-01`)).json();
  t.match(midReview.state, {
    status: 'under_review',
    statusSince: '2016-04-01',
    approvals: { granted: [GRANTED[0]], pending: 'province' },
    signedOn: null,
    activityCount: 0,
  });
  t.equal(midReview.revision, 5);

  const dormant = (await app.get(`/partnerships/${id}?asOf=2021-01-01`)).json();
  t.match(dormant.state, { status: 'dormant', statusSince: '2020-06-01', dormantSince: '2020-06-01', activityCount: 4, lastActivityOn: '2019-10-08' });
  t.equal(dormant.revision, 19);

  const revived = (await app.get(`/partnerships/${id}?asOf=2021-03-10`)).json();
  t.match(revived.state, { status: 'active', statusSince: '2021-03-10', dormantSince: null, activityCount: 5, lastActivityOn: '2021-03-10' });

  const onProposal = await app.get(`/partnerships/${id}?asOf=2015-03-01`);
  t.match(onProposal.json(), { revision: 0, state: { status: 'candidate', contactOn: null } }, 'the day itself counts');

  const before = await app.get(`/partnerships/${id}?asOf=2015-02-28`);
  t.equal(before.statusCode, 404);
  t.equal(before.headers['content-type'], PROBLEM);
  t.match(before.json(), { code: 'not-found', detail: '该结好关系在该时间点尚不存在' });
});

t.test('knownAt: only what the ledger had recorded by then', async (t) => {
  const app = await buildTestApp(t);
  const id = await longHistory(t, app);
  const lateEntry = (await app.get(`/partnerships/${id}?revision=19`)).json().updatedAt as string;
  const justBefore = new Date(Date.parse(lateEntry) - 1).toISOString();
  const beforeLate = (await app.get(`/partnerships/${id}?revision=18`)).json().updatedAt as string;

  const knownThen = await app.get(`/partnerships/${id}?asOf=2019-12-31&knownAt=${encodeURIComponent(beforeLate)}`);
  t.equal(knownThen.statusCode, 200, knownThen.body);
  t.match(knownThen.json(), { revision: 12, state: { status: 'active', activityCount: 3, outcomeCount: 3 } }, 'without the late entry');
  t.match((await app.get(`/partnerships/${id}?knownAt=${encodeURIComponent(justBefore)}`)).json(), {
    revision: 18,
    state: { status: 'active', activityCount: 5 },
  }, 'a millisecond before the late entry');

  const beforeTheWrites = await app.get(`/partnerships/${id}?knownAt=2000-01-01`);
  t.equal(beforeTheWrites.statusCode, 404);
  t.match(beforeTheWrites.json(), { code: 'not-found', detail: /尚不存在/ });
  t.equal((await app.get(`/partnerships/${id}?asOf=2019-12-31&knownAt=2000-01-01`)).statusCode, 404);

  const today = (await app.get(`/partnerships/${id}?knownAt=${encodeURIComponent(new Date().toISOString())}`)).json();
  t.same(today, (await app.get(`/partnerships/${id}`)).json(), 'known by now is the current state');
});

t.test('asOf an instant: the state as the ledger knew it then', async (t) => {
  const app = await buildTestApp(t);
  const id = (await app.post('/partnerships', qingdaoDakar)).json().id as string;
  await sleep(20);
  t.equal((await app.post(`/partnerships/${id}/contact`, { date: '2021-04-02' })).statusCode, 200);
  const first = Date.parse((await app.get(`/partnerships/${id}?revision=0`)).json().updatedAt);
  const second = Date.parse((await app.get(`/partnerships/${id}?revision=1`)).json().updatedAt);
  t.ok(second > first + 1, 'the two writes are recorded apart');

  const between = new Date((first + second) / 2).toISOString();
  const then = await app.get(`/partnerships/${id}?asOf=${encodeURIComponent(between)}`);
  t.equal(then.statusCode, 200, then.body);
  t.match(then.json(), { revision: 0, state: { status: 'candidate', contactOn: null } });

  const withOffset = new Date(second + 8 * 3600_000).toISOString().replace('Z', '+08:00');
  t.match((await app.get(`/partnerships/${id}?asOf=${encodeURIComponent(withOffset)}`)).json(), {
    revision: 1,
    state: { status: 'in_contact', contactOn: '2021-04-02' },
  });

  const beforeAny = new Date(first - 1000).toISOString();
  t.equal((await app.get(`/partnerships/${id}?asOf=${encodeURIComponent(beforeAny)}`)).statusCode, 404);
});

t.test('projects and campaigns answer asOf the same way', async (t) => {
  const app = await buildTestApp(t);
  const campaign = (await app.post('/campaigns', { name: 'Activate 2021', startsOn: '2021-03-01', endsOn: '2021-12-31', date: '2021-02-15' })).json().id;
  t.equal((await app.get(`/campaigns/${campaign}?asOf=2021-02-15`)).statusCode, 200);
  t.equal((await app.get(`/campaigns/${campaign}?asOf=2021-02-14`)).statusCode, 404);
  const partnership = (await app.post('/partnerships', qingdaoDakar)).json().id;
  const project = (await app.post('/projects', qingdaoTrainingCentre(partnership))).json().id;
  t.equal((await app.post(`/projects/${project}/start`, { date: '2021-11-20' })).statusCode, 200);
  t.match((await app.get(`/projects/${project}?asOf=2021-11-10`)).json(), { revision: 0, state: { status: 'planned' } });
  t.match((await app.get(`/projects/${project}?asOf=2021-11-20`)).json(), { revision: 1, state: { status: 'started' } });
});

t.test('bad past-state parameters are 400 problems', async (t) => {
  const app = await buildTestApp(t);
  const id = (await app.post('/partnerships', qingdaoDakar)).json().id as string;
  for (const query of [
    'revision=0&asOf=2021-03-01',
    'revision=0&knownAt=2021-03-01',
    `asOf=${encodeURIComponent('2021-03-01T10:00:00Z')}&knownAt=2021-03-01`,
    'asOf=yesterday',
    'asOf=2021-02-30',
    'asOf=2021-03-01T10:00:00',
    'knownAt=soon',
    'revision=-1',
    'at=2021-03-01',
  ]) {
    const response = await app.get(`/partnerships/${id}?${query}`);
    t.equal(response.statusCode, 400, query);
    t.equal(response.headers['content-type'], PROBLEM, query);
    t.equal(response.json().code, 'invalid-request', query);
  }
});
