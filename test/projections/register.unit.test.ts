import t from 'tap';
import type { PartnershipEvent } from '../../commands/partnership/index.ts';
import { registerProjection } from '../../projections/register/index.ts';
import { approvedSister, dakar, ID, qingdao, signed } from '../commands/partnership/fixtures.ts';
import { eventLog, projectionSpec } from './spec.ts';

const CAMPAIGN = '55555555-5555-4555-8555-555555555555';
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

const lifecycle: PartnershipEvent[] = [
  ...approvedSister,
  signed(),
  activity('a-1', '2022-03-01', ['Museum loan', 'Joint catalogue']),
  dormant('2022-06-01'),
  activity('a-2', '2023-02-01'),
  { type: 'PartnershipReactivated', data: { ...fact('2023-02-01'), reason: 'activity recorded', activityId: 'a-2' } },
  dormant('2023-06-01'),
  { type: 'PartnershipReactivated', data: { ...fact('2023-09-01'), campaignId: CAMPAIGN } },
];

const activityDoc = (activityId: string, date: string, revision: number, outcomes: string[]) => ({
  activityId,
  partnershipId: ID,
  divisionCode: '370200',
  cityCode: '370200',
  date,
  type: 'culture',
  direction: 'outgoing',
  title: 'Confucius culture exhibition',
  participants: 40,
  audience: 1000,
  leaderRank: 'vice-governor',
  outcomeCount: outcomes.length,
  outcomes,
  revision,
});

const stage = (status: string, since: string) => ({ status, since });

t.test(
  'a partnership from proposal through dormancy and two reactivations',
  projectionSpec(registerProjection)
    .given(eventLog().append(stream, lifecycle).events)
    .then({
      partnerships: {
        [ID]: {
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
              { level: 'province', on: '2021-07-01' },
              { level: 'national', on: '2021-09-01' },
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
          updatedAt: '2024-06-15T02:00:00.000Z',
        },
      },
      activities: {
        'a-1': activityDoc('a-1', '2022-03-01', 10, ['Museum loan', 'Joint catalogue']),
        'a-2': activityDoc('a-2', '2023-02-01', 12, []),
      },
    }),
);
