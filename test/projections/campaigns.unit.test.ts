import t from 'tap';
import type { CampaignEvent } from '../../commands/campaign/index.ts';
import { campaignsProjection } from '../../projections/campaigns/index.ts';
import { eventLog, projectionSpec } from './spec.ts';

const ID = '55555555-5555-4555-8555-555555555555';
const P1 = '11111111-1111-4111-8111-111111111111';
const P2 = '22222222-2222-4222-8222-222222222222';
const fact = (date: string) => ({ campaignId: ID, date });

const launched: CampaignEvent = {
  type: 'CampaignLaunched',
  data: { ...fact('2021-03-01'), name: '激活友城专项行动', startsOn: '2021-03-01', endsOn: '2021-12-31', targets: { reservePairs: 168 } },
};
const enrolled = (partnershipId: string, date: string): CampaignEvent => ({
  type: 'PartnershipEnrolled',
  data: { ...fact(date), partnershipId },
});

const doc = {
  id: ID,
  name: '激活友城专项行动',
  launchedOn: '2021-03-01',
  startsOn: '2021-03-01',
  endsOn: '2021-12-31',
  updatedAt: '2024-06-15T02:00:00.000Z',
};

t.test(
  'a launched campaign with enrolments and a revised target',
  projectionSpec(campaignsProjection)
    .given(
      eventLog().append(`campaign-${ID}`, [
        launched,
        enrolled(P1, '2021-04-01'),
        enrolled(P2, '2021-04-15'),
        { type: 'CampaignTargetSet', data: { ...fact('2021-05-01'), metric: 'reservePairs', value: 170, previous: 168 } },
        { type: 'CampaignTargetSet', data: { ...fact('2021-05-01'), metric: 'reactivations', value: 30 } },
      ]).events,
    )
    .then({
      campaigns: {
        [ID]: {
          ...doc,
          status: 'open',
          targets: { reservePairs: 170, reactivations: 30 },
          enrolled: [
            { partnershipId: P1, enrolledOn: '2021-04-01' },
            { partnershipId: P2, enrolledOn: '2021-04-15' },
          ],
          closedOn: null,
          revision: 4,
        },
      },
    }),
);

t.test(
  'a closed campaign keeps its summary',
  projectionSpec(campaignsProjection)
    .given(
      eventLog().append(`campaign-${ID}`, [
        launched,
        { type: 'CampaignClosed', data: { ...fact('2021-12-31'), summary: '32 reactivated' } },
      ]).events,
    )
    .then({
      campaigns: {
        [ID]: {
          ...doc,
          status: 'closed',
          targets: { reservePairs: 168 },
          enrolled: [],
          closedOn: '2021-12-31',
          summary: '32 reactivated',
          revision: 1,
        },
      },
    }),
);

t.test(
  'a stray enrolment before the launch creates nothing',
  projectionSpec(campaignsProjection).given(eventLog().append(`campaign-${ID}`, [enrolled(P1, '2021-04-01')]).events).then({ campaigns: {} }),
);
