import t from 'tap';
import { overview, overviewSeries, pipeline, pipelineSeries, portfolio, portfolioSeries, stepEnds } from '../../../projections/index.ts';
import { commandLog, fixtureLedger, incrementalViews, LEDGER, LATE_ACTIVITY, PORTFOLIO, TODAY, viewsOf } from '../ledger.ts';

const log = commandLog();
for (const spec of LEDGER) log.partnership(spec);
log.activity('p01', LATE_ACTIVITY);
for (const spec of PORTFOLIO) log.project(spec);
const views = viewsOf(log.events);
const years = { from: '2019-01-01', to: TODAY, step: 'year' as const };

t.test('the fixture ledger with its portfolio is the fixture ledger', async (t) => {
  t.strictSame(log.events.filter((event) => event.stream.startsWith('partnership-')), fixtureLedger(), 'the same partnership events');
});

t.test('the days a series is read on', async (t) => {
  t.strictSame(stepEnds(years), ['2019-12-31', '2020-12-31', '2021-12-31', '2022-12-31', '2023-12-31', TODAY], 'year ends, the last cut at the end');
  t.strictSame(stepEnds({ from: '2024-02-10', to: TODAY, step: 'quarter' }), ['2024-03-31', TODAY], 'quarter ends from the quarter the start is in');
  t.strictSame(stepEnds({ from: '2024-01-31', to: '2024-03-31', step: 'month' }), ['2024-01-31', '2024-02-29', '2024-03-31'], 'month ends, February of a leap year');
  t.strictSame(stepEnds({ from: TODAY, to: '2024-01-01', step: 'year' }), [], 'nothing when the range is empty');
});

t.test('points at year ends equal the overview as of those days', async (t) => {
  const series = overviewSeries(views, years);
  t.strictSame(series.points.map((point) => point.day), stepEnds(years), 'one point per step');
  for (const point of series.points) {
    const asOf = overview(views, { day: point.day });
    t.strictSame(
      { relationships: point.relationships, countries: point.countries, continents: point.continents, beltAndRoad: point.beltAndRoad, rcep: point.rcep, candidates: point.candidates, activities: point.activities, outcomes: point.outcomes },
      { relationships: asOf.relationships, countries: asOf.countries, continents: asOf.continents, beltAndRoad: asOf.byGroup.BRI, rcep: asOf.byGroup.RCEP, candidates: asOf.candidates, activities: asOf.activities, outcomes: asOf.outcomes },
      `the overview on ${point.day}`,
    );
  }
  // p05 in 2019, p01 in 2021, p02 and p04 in 2024; the last point covers 2024 up to the day.
  t.strictSame(series.points.map((point) => point.signed), [1, 0, 1, 0, 0, 2], 'signings within each year');
  // Long Beach ended on 2020-01-01, a year before Shimonoseki was signed.
  t.strictSame(series.points.map((point) => point.relationships), [3, 2, 3, 3, 3, 5], 'relationships at each year end');
});

t.test('pipeline and portfolio series equal their queries as of each point', async (t) => {
  for (const point of pipelineSeries(views, years).points) {
    const asOf = pipeline(views.register, { day: point.day });
    t.strictSame([point.total, point.byStage], [asOf.total, asOf.byStage], `the pipeline on ${point.day}`);
  }
  for (const point of portfolioSeries(views, { ...years, from: '2022-01-01' }).points) {
    const asOf = portfolio(views.portfolio, { day: point.day });
    t.strictSame([point.total, point.byStatus], [asOf.total, asOf.byStatus], `the portfolio on ${point.day}`);
  }
  t.strictSame(
    portfolioSeries(views, { from: '2023-01-01', to: TODAY, step: 'year' }).points.map((point) => point.byStatus),
    [
      { planned: 2, started: 1, completed: 1, cancelled: 1 },
      { planned: 1, started: 2, completed: 1, cancelled: 1 },
    ],
    'end of 2023: j3 completed, j2 running, j1 and j5 planned; today j5 has started',
  );
});

t.test('views kept commit by commit give the same series', async (t) => {
  const kept = incrementalViews(log.events, 3);
  const months = { from: '2021-01-01', to: TODAY, step: 'month' as const };
  t.strictSame(overviewSeries(kept, months), overviewSeries(views, months), 'the overview, month by month');
  t.strictSame(pipelineSeries(kept, months), pipelineSeries(views, months), 'the pipeline, month by month');
  t.strictSame(portfolioSeries(kept, months), portfolioSeries(views, months), 'the portfolio, month by month');
});
