import t from 'tap';
import type { CampaignDoc } from '../../../projections/campaigns/index.ts';
import { campaignProgress } from '../../../projections/queries/campaign-progress.ts';
import { activity, project, row, TODAY } from '../fixtures.ts';

const CAMPAIGN = '55555555-5555-4555-8555-555555555555';

const campaign: CampaignDoc = {
  id: CAMPAIGN,
  name: '激活友城专项行动',
  status: 'open',
  launchedOn: '2023-12-20',
  startsOn: '2024-01-01',
  endsOn: '2024-12-31',
  targets: { reservePairs: 5, plannedProjects: 2, reactivations: 4, activities: 10, newAgreements: 2 },
  enrolled: [
    { partnershipId: 'c1', enrolledOn: '2024-01-10' },
    { partnershipId: 'c2', enrolledOn: '2024-01-15' },
    { partnershipId: 'ghost', enrolledOn: '2024-01-20' },
  ],
  closedOn: null,
  revision: 3,
  updatedAt: '2024-06-15T02:00:00.000Z',
};

const partnerships = [
  row({ id: 'c1', status: 'active', country: 'JP', signedOn: '2010-01-01', reactivations: [{ date: '2023-12-01' }, { date: '2024-03-01', campaignId: CAMPAIGN }] }),
  row({ id: 'c2', status: 'dormant', country: 'KR', signedOn: '2012-01-01', dormantSince: '2023-05-01' }),
  row({ id: 'c3', status: 'active', country: 'DE', signedOn: '2008-01-01', reactivations: [{ date: '2024-04-01', activityId: 'x' }] }),
  row({ id: 'c4', status: 'active', country: 'FR', signedOn: '2024-05-01' }),
  row({ id: 'c5', status: 'candidate', country: 'SN' }),
  row({ id: 'c6', status: 'in_contact', country: 'BR' }),
  row({ id: 'c7', status: 'active', country: 'IT', signedOn: '2023-11-01' }),
];
const activities = [
  activity('a1', 'c1', '2023-12-31'),
  activity('a2', 'c1', '2024-01-01'),
  activity('a3', 'c3', '2024-03-03'),
  activity('a4', 'c3', '2024-06-15'),
  // Entered with a day of slack for a delegation abroad: not yet in the period on 2024-06-15.
  activity('a5', 'c3', '2024-06-16'),
];
const projects = [project({ id: 'j1', status: 'planned' }), project({ id: 'j2', status: 'started', startedOn: '2024-02-01' })];

const metric = (target: number, actual: number, percent: number) => ({ target, actual, percent });

t.test('targets against actuals since the start', async (t) => {
  const result = campaignProgress(campaign, partnerships, activities, projects, { today: TODAY });
  t.strictSame(result.period, { from: '2024-01-01', to: '2024-06-15' });
  t.strictSame(result.metrics, {
    reservePairs: metric(5, 2, 40),
    plannedProjects: metric(2, 1, 50),
    reactivations: metric(4, 2, 50),
    activities: metric(10, 3, 30),
    newAgreements: metric(2, 1, 50),
  });
  t.equal(result.enrolled.count, 3);
  t.strictSame(result.enrolled.dormant.map((d) => [d.id, d.enrolledOn, d.dormantSince]), [['c2', '2024-01-15', '2023-05-01']]);
  t.strictSame(
    result.enrolled.reactivated.map((r) => [r.id, r.status, r.reactivatedOn, r.credited]),
    [['c1', 'active', '2024-03-01', true]],
  );
});

t.test('only reactivations credited to the campaign', async (t) => {
  const result = campaignProgress(campaign, partnerships, activities, projects, { today: TODAY, creditedOnly: true });
  t.strictSame(result.metrics.reactivations, metric(4, 1, 25));
});

t.test('a closed campaign stops counting at its closure', async (t) => {
  const closed = { ...campaign, status: 'closed' as const, closedOn: '2024-03-31' };
  const result = campaignProgress(closed, partnerships, activities, projects, { today: TODAY });
  t.strictSame(result.period, { from: '2024-01-01', to: '2024-03-31' });
  t.strictSame([result.metrics.reactivations.actual, result.metrics.activities.actual, result.metrics.newAgreements.actual], [1, 2, 0]);
  t.equal(result.metrics.reservePairs.actual, 2, 'stocks are counted as they stand today');
});

t.test('before the start nothing has happened yet, and a missing target has no percentage', async (t) => {
  const later = { ...campaign, startsOn: '2024-07-01', targets: { reactivations: 0 } };
  const result = campaignProgress(later, partnerships, activities, projects, { today: TODAY });
  t.strictSame(result.metrics.activities, { target: null, actual: 0, percent: null });
  t.strictSame(result.metrics.reactivations, { target: 0, actual: 0, percent: null });
  t.strictSame(result.enrolled.reactivated, []);
});
