import t from 'tap';
import { campaignProgress } from '../../../projections/index.ts';
import { type CampaignSpec, commandLog, incrementalViews, nameOf, TODAY, uuid, viewsOf } from '../ledger.ts';

const CAMPAIGN = uuid('camp');

/** 激活友城专项行动 for 2024, launched before the year began; `ghost` was enrolled but is not in the register. */
const campaign: CampaignSpec = {
  id: 'camp',
  name: '激活友城专项行动',
  launchedOn: '2023-12-20',
  startsOn: '2024-01-01',
  endsOn: '2024-12-31',
  targets: { reservePairs: 5, plannedProjects: 2, reactivations: 4, activities: 10, newAgreements: 2 },
  enrolled: [
    { partnership: 'c1', date: '2024-01-10' },
    { partnership: 'c2', date: '2024-01-15' },
    { partnership: 'ghost', date: '2024-01-20' },
  ],
};

const log = commandLog()
  // Brought back twice: on 2023-12-01 on its own, on 2024-03-01 credited to the campaign.
  .partnership({
    id: 'c1', status: 'active', country: 'JP', proposedOn: '2009-06-01', signedOn: '2010-01-01',
    markedDormantOn: ['2023-06-01', '2024-01-20'], reactivatedOn: [{ date: '2023-12-01' }, { date: '2024-03-01', campaignId: CAMPAIGN }],
    activities: [{ date: '2023-12-31' }, { date: '2024-01-01' }],
  })
  .partnership({ id: 'c2', status: 'dormant', country: 'KR', proposedOn: '2011-06-01', signedOn: '2012-01-01', dormantSince: '2023-05-01' })
  // Not enrolled; marked dormant on 2024-03-20 and revived by its activity of 2024-06-15. Its activity of 2024-06-16
  // was entered with a day of slack for a delegation abroad: not yet in the period on 2024-06-15.
  .partnership({
    id: 'c3', status: 'active', country: 'DE', proposedOn: '2007-06-01', signedOn: '2008-01-01', markedDormantOn: ['2024-03-20'],
    activities: [{ date: '2024-03-03' }, { date: '2024-06-15' }, { date: '2024-06-16' }],
  })
  .partnership({ id: 'c4', status: 'active', country: 'FR', proposedOn: '2023-09-01', signedOn: '2024-05-01' })
  .partnership({ id: 'c5', status: 'candidate', country: 'SN' })
  .partnership({ id: 'c6', status: 'in_contact', country: 'BR' })
  .partnership({ id: 'c7', status: 'active', country: 'IT', proposedOn: '2023-01-01', signedOn: '2023-11-01' })
  .project({ id: 'j1', status: 'planned' })
  .project({ id: 'j2', status: 'started', startedOn: '2024-02-01' })
  .campaign(campaign)
  .campaign({ ...campaign, id: 'closed', closedOn: '2024-03-31', summary: 'closed early' })
  .campaign({ ...campaign, id: 'later', startsOn: '2024-07-01', targets: { reactivations: 0 } });
const views = viewsOf(log.events);

const metric = (target: number, actual: number, percent: number) => ({ target, actual, percent });
const progress = (id: string, day: string, creditedOnly?: boolean) => {
  const result = campaignProgress(views, uuid(id), { day, creditedOnly });
  if (result === undefined) throw new Error(`no campaign ${id} on ${day}`);
  return result;
};

t.test('targets against actuals since the start', async (t) => {
  const result = progress('camp', TODAY);
  t.equal(result.today, TODAY, 'the answer says which day it is for');
  t.match(result.campaign, { id: CAMPAIGN, name: '激活友城专项行动', status: 'open', closedOn: null }, 'the campaign');
  t.strictSame(result.period, { from: '2024-01-01', to: '2024-06-15' }, 'from the start to the day');
  t.strictSame(
    result.metrics,
    {
      reservePairs: metric(5, 2, 40),
      plannedProjects: metric(2, 1, 50),
      reactivations: metric(4, 2, 50),
      activities: metric(10, 3, 30),
      newAgreements: metric(2, 1, 50),
    },
    'c5 and c6 in reserve; j1 planned; c1 and c3 reactivated; three activities in the period; c4 signed',
  );
  t.equal(result.enrolled.count, 3, 'every enrolment, the unknown partnership included');
  t.strictSame(result.enrolled.dormant.map((d) => [nameOf(d.id), d.enrolledOn, d.dormantSince]), [['c2', '2024-01-15', '2023-05-01']], 'enrolled and still dormant');
  t.strictSame(
    result.enrolled.reactivated.map((r) => [nameOf(r.id), r.status, r.reactivatedOn, r.credited]),
    [['c1', 'active', '2024-03-01', true]],
    'enrolled and reactivated in the period, with whether the campaign is credited',
  );
});

t.test('only reactivations credited to the campaign', async (t) => {
  t.strictSame(progress('camp', TODAY, true).metrics.reactivations, metric(4, 1, 25), 'c1\'s of 2024-03-01');
});

t.test('a closed campaign stops counting at its closure', async (t) => {
  const result = progress('closed', TODAY);
  t.match(result.campaign, { status: 'closed', closedOn: '2024-03-31' }, 'closed');
  t.strictSame(result.period, { from: '2024-01-01', to: '2024-03-31' }, 'the period ends at the closure');
  t.strictSame([result.metrics.reactivations.actual, result.metrics.activities.actual, result.metrics.newAgreements.actual], [1, 2, 0], 'flows up to the closure');
  t.equal(result.metrics.reservePairs.actual, 2, 'stocks are counted as they stand on the day');
});

t.test('before the start nothing has happened yet, and a missing target has no percentage', async (t) => {
  const result = progress('later', TODAY);
  t.strictSame(result.metrics.activities, { target: null, actual: 0, percent: null }, 'no target');
  t.strictSame(result.metrics.reactivations, { target: 0, actual: 0, percent: null }, 'a zero target');
  t.strictSame(result.enrolled.reactivated, [], 'no reactivations before the start');
});

t.test('the campaign as of earlier days', async (t) => {
  t.equal(campaignProgress(views, CAMPAIGN, { day: '2023-12-19' }), undefined, 'not yet launched');
  t.equal(campaignProgress(views, uuid('nope'), { day: TODAY }), undefined, 'an unknown campaign');
  const launched = progress('camp', '2023-12-20');
  t.strictSame([launched.period, launched.metrics.activities.actual, launched.enrolled.count], [{ from: '2024-01-01', to: '2023-12-20' }, 0, 0], 'launched, not yet started');

  const january = progress('camp', '2024-01-31');
  t.strictSame(
    january.enrolled.dormant.map((d) => [nameOf(d.id), d.dormantSince]),
    [['c1', '2024-01-20'], ['c2', '2023-05-01']],
    '2024-01-31: c1 had gone quiet again',
  );
  t.strictSame(january.enrolled.reactivated, [], '2024-01-31: its reactivation of 2023-12-01 is before the period');
  t.equal(progress('camp', '2024-01-12').enrolled.count, 1, '2024-01-12: c1 alone enrolled');

  // 2024-03-31: c4 was still waiting to be signed; j2 had started.
  const march = progress('camp', '2024-03-31');
  t.strictSame(
    Object.fromEntries(Object.entries(march.metrics).map(([key, m]) => [key, m.actual])),
    { reservePairs: 3, plannedProjects: 1, reactivations: 1, activities: 2, newAgreements: 0 },
    '2024-03-31: every figure as it stood',
  );
  t.strictSame(march.enrolled.reactivated.map((r) => nameOf(r.id)), ['c1'], '2024-03-31: c1 had been reactivated');
});

t.test('views kept commit by commit give the same progress', async (t) => {
  for (const batch of [1, 5]) {
    const kept = incrementalViews(log.events, batch);
    for (const [id, day] of [['camp', TODAY], ['camp', '2024-01-31'], ['closed', TODAY]] as const) {
      t.strictSame(campaignProgress(kept, uuid(id), { day }), campaignProgress(views, uuid(id), { day }), `batches of ${batch}: ${id} as of ${day}`);
    }
  }
});
