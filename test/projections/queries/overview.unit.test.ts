import t from 'tap';
import { dormancyIndicator, overview } from '../../../projections/index.ts';
import { fixtureLedger, incrementalViews, LATE_ACTIVITY, TODAY, viewsOf } from '../ledger.ts';

const events = fixtureLedger();
const views = viewsOf(events);

const pc = (pairs: number, countries: number) => ({ pairs, countries });
const office = (office: string, nameEn: string, nameZh: string, count: number) => ({ office, nameEn, nameZh, count });
const nonZero = (record: Record<string, number>) => Object.fromEntries(Object.entries(record).filter(([, n]) => n > 0));
const offices = (result: ReturnType<typeof overview>) => result.byOffice.filter((o) => o.count > 0).map((o) => [o.office, o.count]);

t.test('the headline figures count signed, not terminated relationships', async (t) => {
  const result = overview(views, { day: TODAY });
  t.equal(result.today, TODAY, 'the answer says which day it is for');
  t.equal(result.relationships, 5, 'four active and one dormant');
  t.equal(result.countries, 4, 'JP, KR, RU, TH');
  t.equal(result.continents, 2, 'Asia and Europe');
  t.strictSame(result.byKind, { sister: 3, friendly_cooperation: 1, institutional: 1 }, 'by kind');
  t.strictSame(
    result.byStatus,
    { candidate: 1, in_contact: 1, intent_signed: 0, under_review: 0, approved: 1, active: 4, dormant: 1, terminated: 1, withdrawn: 1 },
    'every partnership of the ledger by status',
  );
  t.strictSame(
    result.byCountry,
    [
      { country: 'JP', nameZh: '日本', nameEn: 'Japan', continent: 'Asia', count: 2 },
      { country: 'KR', nameZh: '韩国', nameEn: 'South Korea', continent: 'Asia', count: 1 },
      { country: 'RU', nameZh: '俄罗斯', nameEn: 'Russia', continent: 'Europe', count: 1 },
      { country: 'TH', nameZh: '泰国', nameEn: 'Thailand', continent: 'Asia', count: 1 },
    ],
    'by country, most pairs first',
  );
  t.strictSame(
    result.byContinent,
    { Asia: pc(4, 3), Europe: pc(1, 1), Africa: pc(0, 0), 'North America': pc(0, 0), 'South America': pc(0, 0), Oceania: pc(0, 0) },
    'by continent',
  );
  // On 2024-06-15: RU and TH are on the Belt and Road list, JP, KR and TH in RCEP, RU in the SCO.
  t.strictSame(result.byGroup, { BRI: pc(2, 2), RCEP: pc(4, 3), SCO: pc(1, 1) }, 'by country group');
  t.strictSame(
    result.byOffice.filter((o) => o.count > 0),
    [
      office('370000', 'Shandong Province', '山东省', 1),
      office('370100', 'Jinan', '济南市', 2),
      office('370200', 'Qingdao', '青岛市', 1),
      office('370600', 'Yantai', '烟台市', 1),
    ],
    'by answering office',
  );
  t.equal(result.byOffice.length, 17, 'every office is listed, zeros included');
  t.strictSame(
    result.bySignedYear,
    [
      { year: 2010, count: 1 },
      { year: 2019, count: 1 },
      { year: 2021, count: 1 },
      { year: 2024, count: 2 },
    ],
    'by year signed; the terminated one of 2000 no longer counts',
  );
  t.equal(result.signedThisYear, 2, 'p02 and p04 in 2024');
  t.equal(result.candidates, 3, 'the pipeline');
  t.equal(result.activities, 6, 'every activity recorded');
  t.equal(result.outcomes, 6, 'every outcome recorded');
  // Quiet for 24 months on 2024-06-15 means no sign of life since 2022-06-15: only p01 (2022-01-01).
  t.equal(result.dormantIndicator, 1, 'quiet for 24 months: p01');
});

t.test('the dormancy indicator with 12 months takes p05 too', async (t) => {
  t.equal(dormancyIndicator(views.register, { day: TODAY, months: 12 }).count, 2, 'asked of the indicator');
  t.equal(overview(viewsOf(events, { dormancyMonths: 12 }), { day: TODAY }).dormantIndicator, 2, 'a view configured for 12 months counts the same');
});

t.test('the same ledger as of earlier days gives the figures its history implies', async (t) => {
  // 2019-12-31: p03 (KR, since 2010), p05 (TH, since 2019-07-01) and p07 (US, terminated only on 2020-01-01) count;
  // p05's forum of 2019-10-08 is the only activity; p03 and p07 have been quiet for more than 24 months.
  const end2019 = overview(views, { day: '2019-12-31' });
  t.match(
    end2019,
    { today: '2019-12-31', relationships: 3, countries: 3, continents: 2, candidates: 0, activities: 1, outcomes: 1, dormantIndicator: 2, signedThisYear: 1 },
    '2019-12-31: the headline figures',
  );
  t.strictSame(nonZero(end2019.byStatus), { active: 3 }, '2019-12-31: nothing else was proposed yet');
  t.strictSame(end2019.byCountry.map((c) => [c.country, c.count]), [['KR', 1], ['TH', 1], ['US', 1]], '2019-12-31: by country');
  t.strictSame(end2019.bySignedYear.map((y) => y.year), [2000, 2010, 2019], '2019-12-31: Long Beach (2000) still counts');
  t.strictSame(end2019.byGroup, { BRI: pc(1, 1), RCEP: pc(0, 0), SCO: pc(0, 0) }, '2019-12-31: RCEP was not yet signed');
  t.strictSame(offices(end2019), [['370000', 1], ['370200', 1], ['370600', 1]], '2019-12-31: by office');

  // 2022-06-30: p01 (JP) has been signed, Long Beach ended, Lahore withdrawn, Yamaguchi has a letter of intent;
  // p01 has three activities (five outcomes, the late one of 2021-09-01 included), p05 its one of 2019.
  const mid2022 = overview(views, { day: '2022-06-30' });
  t.match(
    mid2022,
    { relationships: 3, countries: 3, continents: 1, candidates: 1, activities: 4, outcomes: 6, dormantIndicator: 2, signedThisYear: 0 },
    '2022-06-30: the headline figures',
  );
  t.strictSame(nonZero(mid2022.byStatus), { intent_signed: 1, active: 3, terminated: 1, withdrawn: 1 }, '2022-06-30: by status');
  t.strictSame(mid2022.byCountry.map((c) => [c.country, c.count]), [['JP', 1], ['KR', 1], ['TH', 1]], '2022-06-30: by country');
  t.strictSame(mid2022.byGroup, { BRI: pc(1, 1), RCEP: pc(3, 3), SCO: pc(0, 0) }, '2022-06-30: JP, KR and TH are RCEP signatories');

  // 2023-12-31: p03 was marked dormant on 2023-01-01; p01's last sign of life (2022-01-01) is one day short of 24 months.
  const end2023 = overview(views, { day: '2023-12-31' });
  t.match(end2023, { relationships: 3, candidates: 4, activities: 5, dormantIndicator: 0 }, '2023-12-31: the headline figures');
  t.strictSame(nonZero(end2023.byStatus), { candidate: 1, intent_signed: 3, active: 2, dormant: 1, terminated: 1, withdrawn: 1 }, '2023-12-31: by status');
});

t.test('groups are taken on the day asked: RCEP counts from its signature on 2020-11-15', async (t) => {
  t.strictSame(overview(views, { day: '2020-11-14' }).byGroup.RCEP, pc(0, 0), 'the day before the signature');
  // p05 (TH) and p03 (KR) counted then; p01 (JP) was signed only in 2021.
  t.strictSame(overview(views, { day: '2020-11-15' }).byGroup.RCEP, pc(2, 2), 'the day of the signature');
  t.strictSame(overview(views, { day: TODAY }).byGroup.RCEP, pc(4, 3), 'today');
});

t.test('an activity entered late counts from the day it happened', async (t) => {
  const withoutLate = events.filter((event) => !(event.type === 'ActivityRecorded' && event.data.date === LATE_ACTIVITY.date));
  t.equal(withoutLate.length, events.length - 1, 'the late activity is the one event left out');
  const onDays = (list: typeof events) => ['2021-08-31', '2021-09-01', '2021-12-31', TODAY].map((day) => overview(viewsOf(list), { day }).activities);
  t.strictSame(onDays(events), [2, 3, 3, 6], 'counted from 2021-09-01 on, though recorded last');
  t.strictSame(onDays(withoutLate), [2, 2, 2, 5], 'one fewer from that day on without it');
  t.equal(overview(views, { day: '2021-12-31' }).outcomes, 5, 'its two outcomes count in 2021 too');
});

t.test('a view kept commit by commit answers as one built in one go', async (t) => {
  for (const batch of [1, 3, 7]) {
    const kept = incrementalViews(events, batch);
    for (const day of ['2019-12-31', '2021-12-31', '2022-06-30', TODAY]) {
      t.strictSame(overview(kept, { day }), overview(views, { day }), `batches of ${batch}, as of ${day}`);
    }
  }
});

t.test('an empty ledger', async (t) => {
  const result = overview(viewsOf([]), { day: TODAY });
  t.equal(result.relationships, 0, 'no relationships');
  t.equal(result.continents, 0, 'no continents');
  t.strictSame(result.byCountry, [], 'no countries');
  t.strictSame(result.bySignedYear, [], 'no years');
  t.equal(result.byOffice.length, 17, 'every office is listed all the same');
});
