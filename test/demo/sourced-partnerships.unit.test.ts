import t from 'tap';
import { partnerCountryProblem } from '../../commands/shared/partner-countries.ts';
import { countryInfo } from '../../projections/reference/index.ts';
import { PLACES } from '../../src/demo/places.ts';
import { REAL_PARTNERSHIPS } from '../../src/demo/real.ts';
import {
  PARTNERSHIP_SOURCE_LEVELS,
  PARTNERSHIP_SOURCE_TYPES,
  parseShandongPartnerships,
  SHANDONG_PARTNERSHIPS,
} from '../../src/demo/sourced-partnerships.ts';

t.test('the 65 sourced partnerships are all there, each with a public source', async (t) => {
  t.equal(SHANDONG_PARTNERSHIPS.length, 65);
  for (const row of SHANDONG_PARTNERSHIPS) {
    t.match(row.source, /^https?:\/\/\S+$/, row.partner);
    t.ok(PARTNERSHIP_SOURCE_TYPES.includes(row.relationshipType), row.partner);
    t.ok(PARTNERSHIP_SOURCE_LEVELS.includes(row.partnerLevel), row.partner);
    t.ok(row.year === null || (row.year >= 1979 && row.year <= 2025), row.partner);
  }
  const pairs = SHANDONG_PARTNERSHIPS.map((row) => `${row.shandongSide}|${row.partner}`);
  t.equal(new Set(pairs).size, 65, 'no pair twice');
});

t.test('every partner country is a known country the PRC has relations with', async (t) => {
  for (const row of SHANDONG_PARTNERSHIPS) {
    t.ok(countryInfo(row.partnerCountryIso2), row.partner);
    t.equal(partnerCountryProblem(row.partnerCountryIso2), undefined, row.partner);
  }
});

t.test('the caveats of the source table are kept', async (t) => {
  const find = (partner: string) => SHANDONG_PARTNERSHIPS.find((row) => row.partner === partner);
  t.equal(find('Shimonoseki')?.year, 1979, 'the first tie, Qingdao–Shimonoseki');
  t.equal(find('Sacramento')?.year, 1984);
  t.equal(find('Adelaide')?.year, 2014);
  t.equal(find('Staraya Russa (district)')?.relationshipType, 'letter_of_intent');
  t.equal(find('Springfield, Illinois')?.shandongSide, 'Jining', 'a quoted field with a comma');
  t.equal(SHANDONG_PARTNERSHIPS.filter((row) => row.year === null).length, 6);
  t.equal(SHANDONG_PARTNERSHIPS.filter((row) => row.relationshipType === 'port_partnership').length, 8);
});

t.test('bad data is refused with the row and the field', async (t) => {
  const header = 'shandong_side,shandong_side_zh,partner,partner_country_iso2,partner_level,relationship_type,year,source';
  const good = 'Jinan,济南市,Regensburg,DE,city,sister_city,2004,https://example.org/regensburg';
  t.strictSame(parseShandongPartnerships(`${header}\r\n${good}\r\n`), [
    {
      shandongSide: 'Jinan',
      shandongSideZh: '济南市',
      partner: 'Regensburg',
      partnerCountryIso2: 'DE',
      partnerLevel: 'city',
      relationshipType: 'sister_city',
      year: 2004,
      source: 'https://example.org/regensburg',
    },
  ]);
  const refused = (rows: string[], message: RegExp) =>
    t.throws(() => parseShandongPartnerships([header, ...rows].join('\n')), { name: 'DemoDataError', message });
  refused([good, good.replace('2004', '20x4')], /^shandong-partnerships\.csv, row 2: field year: a four-digit year/);
  refused([good.replace(',DE,', ',TW,')], /row 1: field partner_country_iso2: Taiwan is part of China/);
  refused([good.replace('sister_city', 'twinning')], /row 1: field relationship_type:/);
  refused([good.replace('https://example.org/regensburg', 'ftp://example.org')], /row 1: field source: an http\(s\) address/);
  refused([`${good},extra`], /^shandong-partnerships\.csv is not valid CSV: .* on line 2/);
  refused([good.replace('Regensburg', '')], /row 1: field partner: must not be empty/);
  t.throws(() => parseShandongPartnerships(`${header.replace(',year', '')}\n${good.replace(',2004', '')}`), {
    name: 'DemoDataError',
    message: /row 1: field year:/,
  });
});

t.test('no synthetic place repeats a sourced partner of the same country', async (t) => {
  for (const real of REAL_PARTNERSHIPS) {
    const places = PLACES[real.partner.country];
    const listed = [...(places?.cities ?? []), ...(places?.regions ?? [])];
    t.notOk(listed.includes(real.partner.nameEn), `${real.partner.nameEn} (${real.partner.country})`);
  }
});
