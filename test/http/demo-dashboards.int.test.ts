import t from 'tap';
import type { z } from 'zod';
import {
  CampaignListAnswer,
  DormancyAnswer,
  OverviewSeriesAnswer,
  PipelineSeriesAnswer,
  PortfolioSeriesAnswer,
  ProjectsAnswer,
  QuarterlyReportAnswer,
  RegisterAnswer,
  SubmissionsAnswer,
} from '../../projections/index.ts';
import { seedDemoStore } from '../../src/demo/seed.ts';
import { LabelledAnswers } from '../../src/http/routes/dashboards.ts';
import { createLedger } from '../../src/event-store/ledger.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import { buildTestApp } from './harness.ts';

t.test('the demo dataset reproduces the figures published on 2021-12-07 on the dashboards, as of that day', async (t) => {
  const store = createLedger(createSqliteEventStore({ path: ':memory:' }));
  await seedDemoStore(store);
  const last = (await store.readAll({ maxCount: 1_000_000 })).at(-1)!;
  const { get } = await buildTestApp(t, { store, minPositionWaitMs: 60_000 });

  const overview = await get(`/dashboards/overview?minPosition=${last.position}&asOf=2021-12-07`);
  t.equal(overview.statusCode, 200, overview.body);
  const figures = overview.json();
  t.equal(figures.relationships, 598, '598 relationships');
  t.equal(figures.countries, 88, 'in 88 countries');
  t.equal(figures.continents, 6, 'on six continents');
  t.match(figures.byGroup, { BRI: { pairs: 297, countries: 60 }, RCEP: { pairs: 230, countries: 10 } });
  t.equal(figures.bySignedYear.find((entry: { year: number }) => entry.year === 2021).count, 10, '10 signed in 2021');
  t.equal(figures.candidates, 168, '168 candidates in reserve');
  t.ok(figures.outcomes >= 800, `800+ outcomes (${figures.outcomes})`);

  t.equal(figures.today, '2021-12-07', 'the answer says the day it is for');
  t.equal(figures.signedThisYear, 10, '10 new in 2021');
  const registerTotal = async (query: string) => (await get(`/partnerships?asOf=2021-12-07&pageSize=1&${query}`)).json().total;
  t.equal(await registerTotal('status=active,dormant'), 598, 'the register lists exactly the relationships that count');
  t.equal(await registerTotal('status=active,dormant&signedFrom=2021-01-01&signedTo=2021-12-07'), 10, 'and the ten signed in 2021 by their signing days');
  t.equal(await registerTotal('signedYear=1979'), figures.bySignedYear.find((entry: { year: number }) => entry.year === 1979).count, 'the 1979 tie by its year');

  const pipeline = (await get('/dashboards/pipeline?asOf=2021-12-07')).json();
  t.equal(pipeline.total, 168);
  t.equal((await get('/dashboards/projects?asOf=2021-12-07')).json().byStatus.planned, 127, '127 planned projects');
  const culture = (await get('/dashboards/timeline?type=culture&pageSize=1&asOf=2021-12-07')).json();
  t.ok(culture.total >= 600, `600+ cultural exchanges (${culture.total})`);
  const evaluation = (await get('/dashboards/evaluation?asOf=2021-12-07')).json();
  const share = evaluation.atRisk.length / evaluation.partnerships.length;
  t.ok(share >= 0.1 && share <= 0.4, `${(share * 100).toFixed(1)} % of the ${evaluation.partnerships.length} scored partnerships at risk`);
  t.ok(new Set(evaluation.partnerships.map((p: { score: number }) => Math.round(p.score / 10))).size >= 6, 'the scores spread');
  const growth = (await get('/dashboards/overview/series?from=1979-01-01&to=2021-12-07&step=year')).json();
  t.equal(growth.points.at(-1).relationships, 598, 'the growth chart ends on the published figure');
  t.ok(growth.points.every((point: { relationships: number }, i: number) => i === 0 || point.relationships >= 0), 'a point for every year');

  for (const [year, quarter] of [[2019, 1], [2020, 4], [2021, 3]]) {
    const status = (await get(`/reports/submissions?year=${year}&quarter=${quarter}`)).json();
    t.equal(status.submittedCount + status.missingCount, 17, `${year} Q${quarter}: 17 reporting offices`);
    t.ok(status.submittedCount >= 10, `${year} Q${quarter}: most offices submitted (${status.submittedCount})`);
  }

  const register = (await get('/partnerships?text=Yamaguchi&pageSize=200')).json();
  const yamaguchi = register.items.find((row: { partner: { nameEn: string } }) => row.partner.nameEn === 'Yamaguchi Prefecture');
  t.match(yamaguchi, { partner: { country: 'JP' }, local: { divisionCode: '370000' }, signedOn: /^1982-/ }, 'the real partnerships are among them');
});

t.test('every read route answers the demo in the shape its response schema declares', async (t) => {
  const store = createLedger(createSqliteEventStore({ path: ':memory:' }));
  await seedDemoStore(store);
  const events = await store.readAll({ maxCount: 1_000_000 });
  const last = events.at(-1)!;
  const campaign = events.find((event) => event.type === 'CampaignLaunched')!.data.campaignId as string;
  const { get } = await buildTestApp(t, { store, minPositionWaitMs: 60_000 });
  await get(`/dashboards/overview?minPosition=${last.position}`);

  const routes: [string, z.ZodType][] = [
    ['/partnerships?country=JP&page=2&pageSize=20', RegisterAnswer],
    ['/projects?status=planned', ProjectsAnswer],
    ['/dashboards/overview', LabelledAnswers.overview],
    ['/dashboards/overview?asOf=2021-12-07', LabelledAnswers.overview],
    ['/dashboards/overview/series?from=1979-01-01&to=2021-12-07&step=year', OverviewSeriesAnswer],
    ['/dashboards/pipeline/series?from=2019-01-01&to=2021-12-07&step=quarter', PipelineSeriesAnswer],
    ['/dashboards/projects/series?from=2019-01-01&to=2021-12-07&step=month', PortfolioSeriesAnswer],
    ['/dashboards/pipeline', LabelledAnswers.pipeline],
    ['/dashboards/projects', LabelledAnswers.projects],
    ['/dashboards/dormancy?months=12', DormancyAnswer],
    ['/dashboards/timeline?office=370200', LabelledAnswers.timeline],
    ['/dashboards/evaluation', LabelledAnswers.evaluation],
    [`/dashboards/campaigns/${campaign}`, LabelledAnswers.campaign],
    ['/campaigns?asOf=2021-12-07', CampaignListAnswer],
    ['/reports/quarterly?year=2021&quarter=3', QuarterlyReportAnswer],
    ['/reports/submissions?year=2021&quarter=3', SubmissionsAnswer],
  ];
  for (const [url, schema] of routes) {
    const response = await get(url);
    t.equal(response.statusCode, 200, `${url}: ${response.body.slice(0, 200)}`);
    const parsed = schema.safeParse(response.json());
    t.ok(parsed.success, `${url} matches its schema${parsed.success ? '' : `: ${parsed.error.message.slice(0, 500)}`}`);
    // Read answers are sent as built (no zod on the way out): nothing beyond the schema may be in them.
    if (parsed.success) t.same(response.json(), parsed.data, `${url} holds nothing its schema does not declare`);
  }
});
