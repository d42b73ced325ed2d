import t from 'tap';
import { dormancyIndicator, overview, registerProjection } from '../../../projections/index.ts';
import { commandLog, incrementalView, nameOf, TODAY, viewOf, viewsOf } from '../ledger.ts';

// Seven partnerships of Qingdao in Japan, each standing differently towards the 12-month quiet period on 2024-06-15.
const events = commandLog()
  .partnership({ id: 'quiet', status: 'active', country: 'JP', proposedOn: '2014-06-01', signedOn: '2015-01-01', activities: [{ date: '2023-06-15' }] })
  .partnership({ id: 'edge', status: 'active', country: 'JP', proposedOn: '2014-06-01', signedOn: '2015-01-01', activities: [{ date: '2023-06-16' }] })
  .partnership({ id: 'never', status: 'active', country: 'JP', proposedOn: '2021-06-01', signedOn: '2022-01-10' })
  .partnership({ id: 'young', status: 'active', country: 'JP', proposedOn: '2023-06-01', signedOn: '2024-01-10' })
  // Quiet since 2015, marked dormant in 2020 and brought back by a decision on 2024-01-01.
  .partnership({
    id: 'woken', status: 'active', country: 'JP', proposedOn: '2009-06-01', signedOn: '2010-01-01', activities: [{ date: '2015-01-01' }],
    markedDormantOn: ['2020-01-01'], reactivatedOn: [{ date: '2024-01-01' }],
  })
  .partnership({ id: 'asleep', status: 'dormant', country: 'JP', proposedOn: '2009-06-01', signedOn: '2010-01-01', dormantSince: '2020-01-01' })
  .partnership({ id: 'cand', status: 'candidate', country: 'JP', proposedOn: '2010-01-01' }).events;
const view = viewOf(registerProjection, events);
const listed = (day: string, months: number) => dormancyIndicator(view, { day, months }).items.map((item) => [nameOf(item.id), item.quietSince, item.daysQuiet, item.lastActivityOn]);

t.test('active partnerships with no sign of life for the period', async (t) => {
  const result = dormancyIndicator(view, { day: TODAY, months: 12 });
  t.equal(result.today, TODAY, 'the answer says which day it is for');
  t.equal(result.cutoff, '2023-06-15', 'quiet since 12 months before or earlier');
  t.equal(result.count, 2, 'two are quiet');
  t.strictSame(
    listed(TODAY, 12),
    [
      ['never', '2022-01-10', 887, null],
      ['quiet', '2023-06-15', 366, '2023-06-15'],
    ],
    'signing stands in for a missing activity; a reactivation counts as a sign of life; one marked dormant is not listed',
  );
});

t.test('the indicator as of earlier days', async (t) => {
  // 2023-12-31: `never` had been quiet since its signing; `woken` was marked dormant, so it is not listed; `young` not yet signed.
  t.strictSame(listed('2023-12-31', 12), [['never', '2022-01-10', 720, null]], '2023-12-31');
  // 2021-12-31: `quiet` and `edge` had only their signing of 2015 (their activities came in 2023); `never` was not yet signed.
  t.strictSame(
    listed('2021-12-31', 12),
    [
      ['edge', '2015-01-01', 2556, null],
      ['quiet', '2015-01-01', 2556, null],
    ],
    '2021-12-31: the quietest first, then by id',
  );
  // 2019-12-31, 24 months: `woken` and `asleep` had been quiet since 2015 and 2010 and were not yet marked dormant.
  t.strictSame(
    listed('2019-12-31', 24).map(([id, since]) => [id, since]),
    [
      ['asleep', '2010-01-01'],
      ['edge', '2015-01-01'],
      ['quiet', '2015-01-01'],
      ['woken', '2015-01-01'],
    ],
    '2019-12-31, 24 months',
  );
});

t.test('the overview\'s count is the indicator\'s, on every day', async (t) => {
  const views = viewsOf(events, { dormancyMonths: 12 });
  const kept = incrementalView(registerProjection, events, 2, { dormancyMonths: 12 });
  for (const day of ['2015-12-31', '2019-12-31', '2021-12-31', '2023-06-15', '2023-06-16', '2023-12-31', '2024-01-01', TODAY]) {
    const count = dormancyIndicator(view, { day, months: 12 }).count;
    t.equal(overview(views, { day }).dormantIndicator, count, `built in one go, ${day}`);
    t.equal(overview({ register: kept }, { day }).dormantIndicator, count, `kept commit by commit, ${day}`);
  }
});

t.test('month arithmetic clamps to the end of a shorter month', async (t) => {
  t.equal(dormancyIndicator(view, { day: '2024-03-31', months: 1 }).cutoff, '2024-02-29', 'one month before 31 March in a leap year');
  t.equal(dormancyIndicator(view, { day: '2024-02-29', months: 12 }).cutoff, '2023-02-28', 'a year before 29 February');
});
