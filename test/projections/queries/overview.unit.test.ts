import t from 'tap';
import { overview } from '../../../projections/queries/overview.ts';
import { ledger, TODAY } from '../fixtures.ts';

const pc = (pairs: number, countries: number) => ({ pairs, countries });
const office = (office: string, nameEn: string, nameZh: string, count: number) => ({ office, nameEn, nameZh, count });

t.test('the headline figures count signed, not terminated relationships', async (t) => {
  const result = overview(ledger, { today: TODAY });
  t.equal(result.relationships, 5);
  t.equal(result.countries, 4);
  t.equal(result.continents, 2);
  t.strictSame(result.byKind, { sister: 3, friendly_cooperation: 1, institutional: 1 });
  t.strictSame(result.byStatus, {
    candidate: 1,
    in_contact: 1,
    intent_signed: 0,
    under_review: 0,
    approved: 1,
    active: 4,
    dormant: 1,
    terminated: 1,
    withdrawn: 1,
  });
  t.strictSame(result.byCountry, [
    { country: 'JP', nameZh: '日本', nameEn: 'Japan', continent: 'Asia', count: 2 },
    { country: 'KR', nameZh: '韩国', nameEn: 'South Korea', continent: 'Asia', count: 1 },
    { country: 'RU', nameZh: '俄罗斯', nameEn: 'Russian Federation', continent: 'Europe', count: 1 },
    { country: 'TH', nameZh: '泰国', nameEn: 'Thailand', continent: 'Asia', count: 1 },
  ]);
  t.strictSame(result.byContinent, {
    Asia: pc(4, 3),
    Europe: pc(1, 1),
    Africa: pc(0, 0),
    'North America': pc(0, 0),
    'South America': pc(0, 0),
    Oceania: pc(0, 0),
  });
  // On 2024-06-15: RU and TH are on the Belt and Road list, JP, KR and TH in RCEP, RU in the SCO.
  t.strictSame(result.byGroup, { BRI: pc(2, 2), RCEP: pc(4, 3), SCO: pc(1, 1) });
  t.strictSame(result.byOffice.filter((o) => o.count > 0), [
    office('370000', 'Shandong Province', '山东省', 1),
    office('370100', 'Jinan', '济南市', 2),
    office('370200', 'Qingdao', '青岛市', 1),
    office('370600', 'Yantai', '烟台市', 1),
  ]);
  t.equal(result.byOffice.length, 17, 'every office is listed, zeros included');
  t.strictSame(result.bySignedYear, [
    { year: 2010, count: 1 },
    { year: 2019, count: 1 },
    { year: 2021, count: 1 },
    { year: 2024, count: 2 },
  ]);
  t.equal(result.signedThisYear, 2);
  t.equal(result.candidates, 3);
  t.equal(result.activities, 6);
  t.equal(result.outcomes, 6);
  // Quiet for 24 months on 2024-06-15 means no sign of life since 2022-06-15: only p01 (2022-01-01).
  t.equal(result.dormantIndicator, 1);
  t.equal(overview(ledger, { today: TODAY, dormancyMonths: 12 }).dormantIndicator, 2, 'p05 too with 12 months');
});

t.test('groups are taken on the day asked: RCEP counts from its signature on 2020-11-15', async (t) => {
  t.strictSame(overview(ledger, { today: '2020-11-14' }).byGroup.RCEP, pc(0, 0));
  t.strictSame(overview(ledger, { today: '2020-11-15' }).byGroup.RCEP, pc(4, 3));
});

t.test('an empty ledger', async (t) => {
  const result = overview([], { today: TODAY });
  t.equal(result.relationships, 0);
  t.equal(result.continents, 0);
  t.strictSame(result.byCountry, []);
  t.strictSame(result.bySignedYear, []);
});
