import t from 'tap';
import type { PartnershipEvent } from '../../commands/partnership/index.ts';
import { overview, registerProjection, registerQuery, rowAt } from '../../projections/index.ts';
import { dayNumber } from '../../projections/shared/dates.ts';
import { dakar, ID, proposed, qingdao, signed } from '../commands/partnership/fixtures.ts';
import { TODAY, viewOf } from './ledger.ts';
import { eventLog, project, projectionSpec } from './spec.ts';

const RECORDED = '2024-06-15T02:00:00.000Z';
const stream = `partnership-${ID}`;
const fact = (date: string) => ({ partnershipId: ID, date });
const stage = (status: string, since: string) => ({ status, since });
/** An event as a stream document keeps it. */
const kept = (revision: number, event: PartnershipEvent) => ({ type: event.type, revision, recordedAt: RECORDED, actor: 'tester', data: event.data });

const upgradedThenTerminated: PartnershipEvent[] = [
  proposed('friendly_cooperation'),
  { type: 'LetterOfIntentSigned', data: fact('2021-04-01') },
  signed('friendly_cooperation', '2021-05-01'),
  { type: 'RelationshipUpgraded', data: { ...fact('2022-01-01'), from: 'friendly_cooperation', to: 'sister' } },
  { type: 'PartnershipTerminated', data: { ...fact('2023-01-01'), reason: 'merger' } },
];
const withdrawn: PartnershipEvent[] = [
  { ...proposed(), data: { ...proposed().data, partnershipId: 'other' } } as PartnershipEvent,
  { type: 'ProposalWithdrawn', data: { partnershipId: 'other', date: '2021-03-15', reason: 'declined' } },
];
const events = eventLog().append(stream, upgradedThenTerminated).append('partnership-other', withdrawn).events;

t.test(
  'an upgrade, a termination and a withdrawn proposal',
  projectionSpec(registerProjection)
    .given(events)
    .then({
      partnerships: {
        [ID]: { id: ID, revision: 4, events: upgradedThenTerminated.map((event, revision) => kept(revision, event)) },
        other: { id: 'other', revision: 1, events: withdrawn.map((event, revision) => kept(revision, event)) },
      },
      activities: {},
    }),
);

t.test('their rows today and before the endings', async (t) => {
  const view = viewOf(registerProjection, events);
  const ended = view.entries.get(ID);
  const other = view.entries.get('other');
  if (ended === undefined || other === undefined) throw new Error('both partnerships are in the view');
  t.strictSame(
    rowAt(ended, dayNumber(TODAY)),
    {
      id: ID,
      status: 'terminated',
      statusSince: '2023-01-01',
      kind: 'sister',
      local: qingdao,
      partner: dakar,
      proposedOn: '2021-03-01',
      contactOn: null,
      intentSignedOn: '2021-04-01',
      approvals: { required: [], granted: [], pending: null },
      signedOn: '2021-05-01',
      signedYear: 2021,
      upgradedOn: '2022-01-01',
      lastActivityOn: null,
      activityCount: 0,
      outcomeCount: 0,
      dormantSince: null,
      terminatedOn: '2023-01-01',
      withdrawnOn: null,
      recorded: {
        agreement: { on: '2021-05-01', place: 'Qingdao', signatories: [{ side: 'local', name: 'Zhao Haozhi' }] },
        termination: { on: '2023-01-01', reason: 'merger' },
      },
      stages: [stage('candidate', '2021-03-01'), stage('intent_signed', '2021-04-01'), stage('active', '2021-05-01'), stage('terminated', '2023-01-01')],
      reactivations: [],
      revision: 4,
      updatedAt: RECORDED,
    },
    'upgraded, then terminated',
  );
  t.match(rowAt(ended, dayNumber('2021-12-31')), { status: 'active', kind: 'friendly_cooperation', upgradedOn: null, terminatedOn: null, revision: 2 }, '2021-12-31: active, not yet upgraded');
  t.match(rowAt(ended, dayNumber('2022-06-30')), { status: 'active', kind: 'sister', upgradedOn: '2022-01-01', revision: 3 }, '2022-06-30: upgraded to sister');
  t.strictSame(
    rowAt(other, dayNumber(TODAY)),
    {
      id: 'other',
      status: 'withdrawn',
      statusSince: '2021-03-15',
      kind: 'sister',
      local: qingdao,
      partner: dakar,
      proposedOn: '2021-03-01',
      contactOn: null,
      intentSignedOn: null,
      approvals: { required: ['city', 'province', 'national'], granted: [], pending: null },
      signedOn: null,
      signedYear: null,
      upgradedOn: null,
      lastActivityOn: null,
      activityCount: 0,
      outcomeCount: 0,
      dormantSince: null,
      terminatedOn: null,
      withdrawnOn: '2021-03-15',
      recorded: { withdrawal: { on: '2021-03-15', reason: 'declined' } },
      stages: [stage('candidate', '2021-03-01'), stage('withdrawn', '2021-03-15')],
      reactivations: [],
      revision: 1,
      updatedAt: RECORDED,
    },
    'withdrawn two weeks after its proposal',
  );
  t.match(rowAt(other, dayNumber('2021-03-14')), { status: 'candidate', withdrawnOn: null }, 'the day before, a candidate');
});

t.test(
  'events of other aggregates and strays before a proposal leave the register alone',
  projectionSpec(registerProjection)
    .given(
      eventLog()
        .append('partnership-stray', [{ type: 'ContactEstablished', data: { partnershipId: 'stray', date: '2021-01-01' } }])
        .append('campaign-x', [
          { type: 'CampaignLaunched', data: { campaignId: 'x', date: '2021-01-01', name: 'c', startsOn: '2021-01-01', endsOn: '2021-12-31', targets: {} } },
        ])
        .append('project-y', [{ type: 'ProjectStarted', data: { projectId: 'y', date: '2021-01-01' } }]).events,
    )
    .then({ partnerships: {}, activities: {} }),
);

t.test('a stray activity before a proposal counts nowhere, as the write side\'s fold ignores it', async (t) => {
  // The activity documents keep what the stream holds; the view, like `evolve`, counts nothing before the proposal.
  const { events } = eventLog().append(stream, [
    { type: 'ActivityRecorded', data: { ...fact('2021-01-01'), activityId: 'a-0', type: 'culture', direction: 'outgoing', title: 'x', participants: 1, outcomes: [{ description: 'o' }] } },
    proposed(),
  ]);
  const view = viewOf(registerProjection, events);
  t.match(overview({ register: view }, { day: '2024-06-15' }), { activities: 0, outcomes: 0 });
  t.match(registerQuery(view, { day: '2024-06-15' }).items, [{ activityCount: 0, lastActivityOn: null }]);
});

t.test('an event at or below the document\'s revision is skipped whatever its content', async (t) => {
  const { events: two } = eventLog().append(stream, [proposed(), { type: 'ContactEstablished', data: fact('2021-04-01') }]);
  const second = two[1];
  if (second === undefined) throw new Error('two events expected');
  const stale = { ...second, type: 'ProposalWithdrawn', data: { ...fact('2021-05-01'), reason: 'x' } };
  t.strictSame(project(registerProjection, [...two, stale]).snapshot(), project(registerProjection, two).snapshot(), 'a lifecycle event');

  const { events: withActivity } = eventLog().append(stream, [
    proposed(),
    { type: 'ActivityRecorded', data: { ...fact('2021-04-01'), activityId: 'a-1', type: 'culture', direction: 'outgoing', title: 'x', participants: 1, outcomes: [] } },
  ]);
  const recorded = withActivity[1];
  if (recorded === undefined) throw new Error('two events expected');
  const staleActivity = { ...recorded, data: { ...recorded.data, date: '2021-05-01', type: 'sports' } };
  t.strictSame(project(registerProjection, [...withActivity, staleActivity]).snapshot(), project(registerProjection, withActivity).snapshot(), 'an activity');
});
