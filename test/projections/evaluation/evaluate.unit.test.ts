import t from 'tap';
import { defaultStandard, evaluate } from '../../../projections/evaluation/index.ts';
import { activity, project, row, TODAY } from '../fixtures.ts';

const standard = defaultStandard();

const partnerships = [
  row({ id: 'e1', status: 'active', country: 'JP', signedOn: '2015-01-01', lastActivityOn: '2024-05-01' }),
  row({ id: 'e2', status: 'dormant', local: '370100', country: 'KR', signedOn: '2018-01-01', lastActivityOn: '2022-01-01', dormantSince: '2023-01-01' }),
  row({ id: 'e3', status: 'active', country: 'DE', signedOn: '2024-06-01' }),
  row({ id: 'e4', status: 'candidate', country: 'FR' }),
  row({ id: 'e5', status: 'terminated', country: 'IT', signedOn: '2001-01-01' }),
];
const activities = [
  activity('a1', 'e1', '2024-05-01', { type: 'culture', leaderRank: 'Vice Governor' }),
  activity('a2', 'e1', '2024-01-10', { type: 'education' }),
  activity('a3', 'e1', '2023-09-01', { type: 'culture', leaderRank: '市长' }),
  activity('a4', 'e1', '2023-06-15', { type: 'trade_investment' }),
  activity('a5', 'e1', '2022-03-01', { type: 'youth', leaderRank: 'consul-general' }),
  activity('a6', 'e1', '2020-01-01', { type: 'sports', leaderRank: 'governor' }),
  activity('b1', 'e2', '2022-01-01', { type: 'culture', cityCode: '370100' }),
  activity('b2', 'e2', '2021-12-01', { type: 'education', cityCode: '370100' }),
];
const projects = [
  project({ id: 'j1', status: 'completed', partnershipIds: ['e1', 'e4'], startedOn: '2023-01-01', completedOn: '2024-01-01' }),
  project({ id: 'j2', status: 'started', partnershipIds: ['e1'], startedOn: '2023-01-01' }),
];

const result = evaluate(partnerships, activities, projects, standard, { today: TODAY });
const find = (id: string) => result.partnerships.find((p) => p.id === id);

t.test('scores computed by hand', async (t) => {
  t.strictSame(result.standard, { id: 'shandong-friendship-city-evaluation', version: 1 });
  t.strictSame(result.partnerships.map((p) => p.id), ['e2', 'e3', 'e1'], 'signed, not terminated, lowest score first');

  // e1 on 2024-06-15. Last 12 months (after 2023-06-15): a1, a2, a3 → 3 of 4 → 75 × 0.3 = 22.5.
  // Last 36 months (after 2021-06-15): culture, education, trade_investment, youth → 4 of 4 → 100 × 0.15 = 15.
  // High-level in 36 months: a1 (vice-governor), a3 (市长); consul-general is not on the list, a6 too old → 2 of 2 → 20.
  // Projects: j1 completed, j2 still running → 1 of 2 → 50 × 0.15 = 7.5.
  // Recency: 45 days since 2024-05-01 → 1 − 45/730 = 0.93836 → 93.8, × 0.2 = 18.77.
  // Total 22.5 + 15 + 20 + 7.5 + 18.767 = 83.767 → 83.8.
  t.strictSame(find('e1')?.criteria, {
    activityFrequency: { weight: 0.3, value: 3, score: 75, points: 22.5 },
    activityDiversity: { weight: 0.15, value: 4, score: 100, points: 15 },
    highLevelVisits: { weight: 0.2, value: 2, score: 100, points: 20 },
    projectsDelivered: { weight: 0.15, value: 1, score: 50, points: 7.5 },
    recency: { weight: 0.2, value: 45, score: 93.8, points: 18.77 },
  });
  t.equal(find('e1')?.score, 83.8);
  t.strictSame([find('e1')?.atRisk, find('e1')?.reasons], [false, []]);

  // e2: nothing in 12 months; culture and education in 36 months → 2 of 4 → 50 × 0.15 = 7.5;
  // 896 days since 2022-01-01 is past the 730-day cutoff → 0. Total 7.5.
  t.equal(find('e2')?.score, 7.5);
  t.strictSame(find('e2')?.criteria.recency, { weight: 0.2, value: 896, score: 0, points: 0 });
  t.strictSame(find('e2')?.reasons, ['below-threshold', 'dormant']);

  // e3: signed 14 days ago, nothing else → recency 1 − 14/730 = 0.98082 → 98.1, × 0.2 = 19.62 → 19.6.
  t.equal(find('e3')?.score, 19.6);
  t.strictSame(find('e3')?.reasons, ['below-threshold']);
});

t.test('offices and the at-risk list', async (t) => {
  const office = (code: string) => result.offices.find((o) => o.office === code);
  t.equal(result.offices.length, 17);
  t.strictSame(office('370200'), { office: '370200', nameEn: 'Qingdao', nameZh: '青岛市', partnerships: 2, averageScore: 51.7 });
  t.strictSame(office('370100'), { office: '370100', nameEn: 'Jinan', nameZh: '济南市', partnerships: 1, averageScore: 7.5 });
  t.strictSame(office('370300'), { office: '370300', nameEn: 'Zibo', nameZh: '淄博市', partnerships: 0, averageScore: null });
  t.equal(result.atRiskThreshold, 40);
  t.strictSame(
    result.atRisk.map((p) => [p.id, p.score, p.status, p.reasons]),
    [
      ['e2', 7.5, 'dormant', ['below-threshold', 'dormant']],
      ['e3', 19.6, 'active', ['below-threshold']],
    ],
  );
});

t.test('one office', async (t) => {
  const jinan = evaluate(partnerships, activities, projects, standard, { today: TODAY, office: '370100' });
  t.strictSame(jinan.partnerships.map((p) => p.id), ['e2']);
  t.strictSame(jinan.offices.map((o) => o.office), ['370100']);
});

t.test('a standard with fewer criteria scores only those', async (t) => {
  const recencyOnly = { ...standard, version: 2, criteria: [{ id: 'recency' as const, weight: 1, parameters: { cutoffDays: 100 } }] };
  const scored = evaluate(partnerships, activities, projects, recencyOnly, { today: TODAY });
  // e1: 1 − 45/100 = 0.55 → 55.
  t.equal(scored.partnerships.find((p) => p.id === 'e1')?.score, 55);
  t.strictSame(Object.keys(scored.partnerships.find((p) => p.id === 'e1')?.criteria ?? {}), ['recency']);
  t.equal(scored.standard.version, 2);
});
