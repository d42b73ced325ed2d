import t from 'tap';
import type { CampaignEvent } from '../../commands/campaign/index.ts';
import { campaignsProjection } from '../../projections/index.ts';
import { dayNumber } from '../../projections/shared/dates.ts';
import { stateAt } from '../../projections/shared/versions.ts';
import { incrementalView, viewOf } from './ledger.ts';
import { eventLog, projectionSpec } from './spec.ts';

const ID = '55555555-5555-4555-8555-555555555555';
const P1 = '11111111-1111-4111-8111-111111111111';
const P2 = '22222222-2222-4222-8222-222222222222';
const RECORDED = '2024-06-15T02:00:00.000Z';
const stream = `campaign-${ID}`;
const fact = (date: string) => ({ campaignId: ID, date });

const launched: CampaignEvent = {
  type: 'CampaignLaunched',
  data: { ...fact('2021-03-01'), name: '激活友城专项行动', startsOn: '2021-03-01', endsOn: '2021-12-31', targets: { reservePairs: 168 } },
};
const enrolled = (partnershipId: string, date: string): CampaignEvent => ({ type: 'PartnershipEnrolled', data: { ...fact(date), partnershipId } });
const revised: CampaignEvent[] = [
  launched,
  enrolled(P1, '2021-04-01'),
  enrolled(P2, '2021-04-15'),
  { type: 'CampaignTargetSet', data: { ...fact('2021-05-01'), metric: 'reservePairs', value: 170, previous: 168 } },
  { type: 'CampaignTargetSet', data: { ...fact('2021-05-01'), metric: 'reactivations', value: 30 } },
];
const closed: CampaignEvent[] = [launched, { type: 'CampaignClosed', data: { ...fact('2021-12-31'), summary: '32 reactivated' } }];
/** An event as a stream document keeps it. */
const kept = (revision: number, event: CampaignEvent) => ({ type: event.type, revision, recordedAt: RECORDED, actor: 'tester', data: event.data });

/** What every state of the campaign has in common. */
const campaign = { id: ID, name: '激活友城专项行动', launchedOn: '2021-03-01', startsOn: '2021-03-01', endsOn: '2021-12-31' };

t.test(
  'a launched campaign with enrolments and a revised target: its events in one document',
  projectionSpec(campaignsProjection)
    .given(eventLog().append(stream, revised).events)
    .then({ campaigns: { [ID]: { id: ID, revision: 4, events: revised.map((event, revision) => kept(revision, event)) } } }),
);

t.test('its view gives the campaign as it stood on each day, with the day each partnership joined', async (t) => {
  const entry = viewOf(campaignsProjection, eventLog().append(stream, revised).events).entries.get(ID);
  if (entry === undefined) throw new Error('the campaign is in the view');
  t.strictSame(
    stateAt(entry.versions, dayNumber('2024-06-15'))?.state,
    { ...campaign, status: 'open', targets: { reservePairs: 170, reactivations: 30 }, enrolled: [P1, P2], closedOn: null },
    'today: both enrolled, the targets revised',
  );
  t.strictSame(
    stateAt(entry.versions, dayNumber('2021-04-10'))?.state,
    { ...campaign, status: 'open', targets: { reservePairs: 168 }, enrolled: [P1], closedOn: null },
    '2021-04-10: one enrolled, the first target',
  );
  t.equal(stateAt(entry.versions, dayNumber('2021-02-28')), undefined, 'before the launch there is nothing');
  t.strictSame([...entry.enrolledOn], [[P1, '2021-04-01'], [P2, '2021-04-15']], 'the day each joined');
  t.equal(entry.summary, undefined, 'no summary while open');
});

t.test(
  'a closed campaign keeps its summary',
  projectionSpec(campaignsProjection)
    .given(eventLog().append(stream, closed).events)
    .then({ campaigns: { [ID]: { id: ID, revision: 1, events: closed.map((event, revision) => kept(revision, event)) } } }),
);

t.test('the closed campaign as its view reads it', async (t) => {
  const entry = viewOf(campaignsProjection, eventLog().append(stream, closed).events).entries.get(ID);
  t.equal(entry?.summary, '32 reactivated', 'the closing summary');
  t.match(entry && stateAt(entry.versions, dayNumber('2022-01-01'))?.state, { status: 'closed', closedOn: '2021-12-31', enrolled: [] }, 'closed on its last day');
  t.match(entry && stateAt(entry.versions, dayNumber('2021-12-30'))?.state, { status: 'open', closedOn: null }, 'open the day before');
});

t.test(
  'events of other aggregates and a stray enrolment before the launch create nothing',
  projectionSpec(campaignsProjection)
    .given(
      eventLog()
        .append(stream, [enrolled(P1, '2021-04-01')])
        .append('partnership-x', [{ type: 'ContactEstablished', data: { partnershipId: 'x', date: '2024-01-01' } }]).events,
    )
    .then({ campaigns: {} }),
);

t.test('a view kept commit by commit equals one built in one go', async (t) => {
  const events = eventLog().append(stream, revised).events;
  const whole = viewOf(campaignsProjection, events);
  for (const batch of [1, 2]) {
    const view = incrementalView(campaignsProjection, events, batch);
    t.strictSame(view.entries.get(ID), whole.entries.get(ID), `batches of ${batch}`);
  }
});
