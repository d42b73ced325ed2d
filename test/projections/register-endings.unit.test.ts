import t from 'tap';
import type { PartnershipEvent } from '../../commands/partnership/index.ts';
import { registerProjection } from '../../projections/register/index.ts';
import { dakar, ID, proposed, qingdao, signed } from '../commands/partnership/fixtures.ts';
import { eventLog, project, projectionSpec } from './spec.ts';

const stream = `partnership-${ID}`;
const fact = (date: string) => ({ partnershipId: ID, date });
const stage = (status: string, since: string) => ({ status, since });

t.test(
  'an upgrade, a termination and a withdrawn proposal',
  projectionSpec(registerProjection)
    .given(
      eventLog()
        .append(stream, [
          proposed('friendly_cooperation'),
          { type: 'LetterOfIntentSigned', data: fact('2021-04-01') },
          signed('friendly_cooperation', '2021-05-01'),
          { type: 'RelationshipUpgraded', data: { ...fact('2022-01-01'), from: 'friendly_cooperation', to: 'sister' } },
          { type: 'PartnershipTerminated', data: { ...fact('2023-01-01'), reason: 'merger' } },
        ])
        .append('partnership-other', [
          { ...proposed(), data: { ...proposed().data, partnershipId: 'other' } } as PartnershipEvent,
          { type: 'ProposalWithdrawn', data: { partnershipId: 'other', date: '2021-03-15', reason: 'declined' } },
        ]).events,
    )
    .then({
      partnerships: {
        [ID]: {
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
          stages: [
            stage('candidate', '2021-03-01'),
            stage('intent_signed', '2021-04-01'),
            stage('active', '2021-05-01'),
            stage('terminated', '2023-01-01'),
          ],
          reactivations: [],
          revision: 4,
          updatedAt: '2024-06-15T02:00:00.000Z',
        },
        other: {
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
          stages: [stage('candidate', '2021-03-01'), stage('withdrawn', '2021-03-15')],
          reactivations: [],
          revision: 1,
          updatedAt: '2024-06-15T02:00:00.000Z',
        },
      },
      activities: {},
    }),
);

t.test(
  'events of other aggregates and strays before a proposal leave the register alone',
  projectionSpec(registerProjection)
    .given(
      eventLog()
        .append('partnership-stray', [{ type: 'ContactEstablished', data: { partnershipId: 'stray', date: '2021-01-01' } }])
        .append('campaign-x', [
          { type: 'CampaignLaunched', data: { campaignId: 'x', date: '2021-01-01', name: 'c', startsOn: '2021-01-01', endsOn: '2021-12-31', targets: {} } },
        ]).events,
    )
    .then({ partnerships: {}, activities: {} }),
);

t.test('an event at or below the row\'s revision is skipped whatever its content', async (t) => {
  const { events } = eventLog().append(stream, [proposed(), { type: 'ContactEstablished', data: fact('2021-04-01') }]);
  const second = events[1];
  if (second === undefined) throw new Error('two events expected');
  const stale = { ...second, type: 'ProposalWithdrawn', data: { ...fact('2021-05-01'), reason: 'x' } };
  t.strictSame(project(registerProjection, [...events, stale]).snapshot(), project(registerProjection, events).snapshot());
});
