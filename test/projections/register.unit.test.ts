import t from 'tap';
import type { PartnershipEvent } from '../../commands/partnership/index.ts';
import { registerProjection, rowAt } from '../../projections/index.ts';
import { dayNumber } from '../../projections/shared/dates.ts';
import { approvedSister, dakar, ID, proposed, qingdao, signed } from '../commands/partnership/fixtures.ts';
import { incrementalView, TODAY, viewOf } from './ledger.ts';
import { eventLog, project, projectionSpec } from './spec.ts';

const CAMPAIGN = '55555555-5555-4555-8555-555555555555';
const RECORDED = '2024-06-15T02:00:00.000Z';
const stream = `partnership-${ID}`;
const fact = (date: string) => ({ partnershipId: ID, date });

const activity = (activityId: string, date: string, outcomes: string[] = []): PartnershipEvent => ({
  type: 'ActivityRecorded',
  data: {
    ...fact(date),
    activityId,
    type: 'culture',
    direction: 'outgoing',
    title: 'Confucius culture exhibition',
    participants: 40,
    audience: 1000,
    leaderRank: 'vice-governor',
    outcomes: outcomes.map((description) => ({ description })),
  },
});
const dormant = (date: string): PartnershipEvent => ({ type: 'PartnershipMarkedDormant', data: { ...fact(date), reason: 'quiet' } });
const reactivatedByActivity: PartnershipEvent = { type: 'PartnershipReactivated', data: { ...fact('2023-02-01'), reason: 'activity recorded', activityId: 'a-2' } };
const reactivatedForCampaign: PartnershipEvent = { type: 'PartnershipReactivated', data: { ...fact('2023-09-01'), campaignId: CAMPAIGN } };

const lifecycle: PartnershipEvent[] = [
  ...approvedSister,
  signed(),
  activity('a-1', '2022-03-01', ['Museum loan', 'Joint catalogue']),
  dormant('2022-06-01'),
  activity('a-2', '2023-02-01'),
  reactivatedByActivity,
  dormant('2023-06-01'),
  reactivatedForCampaign,
];
const events = eventLog().append(stream, lifecycle).events;

/** An event as a stream document keeps it. */
const kept = (revision: number, event: PartnershipEvent) => ({ type: event.type, revision, recordedAt: RECORDED, actor: 'tester', data: event.data });
const stage = (status: string, since: string) => ({ status, since });

t.test(
  'a partnership from proposal through dormancy and two reactivations: its lifecycle in one document, its activities in a chunk',
  projectionSpec(registerProjection)
    .given(events)
    .then({
      partnerships: {
        [ID]: {
          id: ID,
          revision: 15,
          events: [
            ...approvedSister.map((event, revision) => kept(revision, event)),
            kept(9, signed()),
            kept(11, dormant('2022-06-01')),
            kept(13, reactivatedByActivity),
            kept(14, dormant('2023-06-01')),
            kept(15, reactivatedForCampaign),
          ],
        },
      },
      activities: {
        // Revisions 0–31 of the stream fall in chunk 0. Culture is ACTIVITY_TYPES[1].
        [`${ID}:0`]: {
          partnershipId: ID,
          revisions: [10, 12],
          days: [dayNumber('2022-03-01'), dayNumber('2023-02-01')],
          types: [1, 1],
          outcomes: [2, 0],
          ranks: ['vice-governor', 'vice-governor'],
          recordedAt: [Date.parse(RECORDED), Date.parse(RECORDED)],
        },
      },
    }),
);

const rowToday = {
  id: ID,
  status: 'active',
  statusSince: '2023-09-01',
  kind: 'sister',
  local: qingdao,
  partner: dakar,
  proposedOn: '2021-03-01',
  contactOn: '2021-04-01',
  intentSignedOn: '2021-05-01',
  approvals: {
    required: ['city', 'province', 'national'],
    granted: [
      { level: 'city', on: '2021-06-01' },
      { level: 'province', on: '2021-07-01', reference: 'LZB-2021-7' },
      { level: 'national', on: '2021-09-01', reference: 'WB-2021-7' },
    ],
    pending: null,
  },
  signedOn: '2021-10-18',
  signedYear: 2021,
  upgradedOn: null,
  lastActivityOn: '2023-02-01',
  activityCount: 2,
  outcomeCount: 2,
  dormantSince: null,
  terminatedOn: null,
  withdrawnOn: null,
  recorded: {
    agreement: { on: '2021-10-18', place: 'Qingdao', signatories: [{ side: 'local', name: 'Zhao Haozhi' }] },
    // The latest dormancy stays on record after the reactivation.
    dormancy: { since: '2023-06-01', reason: 'quiet' },
  },
  stages: [
    stage('candidate', '2021-03-01'),
    stage('in_contact', '2021-04-01'),
    stage('intent_signed', '2021-05-01'),
    stage('under_review', '2021-05-10'),
    stage('intent_signed', '2021-06-01'),
    stage('under_review', '2021-06-10'),
    stage('intent_signed', '2021-07-01'),
    stage('under_review', '2021-07-10'),
    stage('approved', '2021-09-01'),
    stage('active', '2021-10-18'),
    stage('dormant', '2022-06-01'),
    stage('active', '2023-02-01'),
    stage('dormant', '2023-06-01'),
    stage('active', '2023-09-01'),
  ],
  reactivations: [
    { date: '2023-02-01', activityId: 'a-2' },
    { date: '2023-09-01', campaignId: CAMPAIGN },
  ],
  revision: 15,
  updatedAt: RECORDED,
};

t.test('its view gives the row as it stands today and as it stood on any earlier day', async (t) => {
  const entry = viewOf(registerProjection, events).entries.get(ID);
  if (entry === undefined) throw new Error('the partnership is in the view');
  t.strictSame(rowAt(entry, dayNumber(TODAY)), rowToday, 'today: the write side\'s state, with stages, reactivations and the revision');
  t.strictSame(
    rowAt(entry, dayNumber('2022-12-31')),
    {
      ...rowToday,
      status: 'dormant',
      statusSince: '2022-06-01',
      lastActivityOn: '2022-03-01',
      activityCount: 1,
      outcomeCount: 2,
      dormantSince: '2022-06-01',
      recorded: { ...rowToday.recorded, dormancy: { since: '2022-06-01', reason: 'quiet' } },
      stages: rowToday.stages.slice(0, 11),
      reactivations: [],
      revision: 11,
    },
    '2022-12-31: dormant, one activity, the last event then was the one that marked it dormant',
  );
  t.match(rowAt(entry, dayNumber('2021-08-01')), { status: 'under_review', approvals: { granted: [{ level: 'city' }, { level: 'province' }], pending: 'national' }, signedYear: null }, '2021-08-01: waiting for national approval');
  t.equal(rowAt(entry, dayNumber('2021-02-28')), undefined, 'before the proposal there is no row');
});

t.test('a busy partnership\'s activities spread over chunks of 32 revisions', async (t) => {
  const many = Array.from({ length: 40 }, (_, i) => activity(`a-${i}`, '2024-01-01', i % 2 === 0 ? ['one'] : []));
  const log = eventLog().append(stream, [proposed(), ...many]).events;
  const docs = project(registerProjection, log).snapshot();
  t.strictSame(Object.keys(docs.activities ?? {}).sort(), [`${ID}:0`, `${ID}:1`], 'two chunks');
  t.strictSame(docs.activities?.[`${ID}:0`]?.revisions, Array.from({ length: 31 }, (_, i) => i + 1), 'revisions 1–31 in the first');
  t.strictSame(docs.activities?.[`${ID}:1`]?.revisions, Array.from({ length: 9 }, (_, i) => i + 32), 'revisions 32–40 in the second');
  t.strictSame(docs.partnerships?.[ID], { id: ID, revision: 0, events: [kept(0, proposed())] }, 'the lifecycle document is not rewritten by activities');
  const busy = viewOf(registerProjection, log).entries.get(ID);
  t.match(busy && rowAt(busy, dayNumber(TODAY)), { activityCount: 40, outcomeCount: 20, revision: 40 }, 'the view reads every chunk');
});

t.test('a view kept commit by commit holds the same rows', async (t) => {
  const whole = viewOf(registerProjection, events).entries.get(ID);
  if (whole === undefined) throw new Error('the partnership is in the view');
  for (const batch of [1, 2, 5]) {
    const kept = incrementalView(registerProjection, events, batch).entries.get(ID);
    for (const day of ['2021-08-01', '2022-12-31', TODAY]) {
      t.strictSame(kept && rowAt(kept, dayNumber(day)), rowAt(whole, dayNumber(day)), `batches of ${batch}, as of ${day}`);
    }
  }
});
