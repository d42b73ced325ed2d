import t from 'tap';
import { partnerCountryProblem } from '../../../commands/shared/partner-countries.ts';
import {
  countryInfo,
  PARTNERSHIP_SOURCE_LEVELS,
  PARTNERSHIP_SOURCE_TYPES,
  SHANDONG_PARTNERSHIPS,
} from '../../../projections/reference/index.ts';

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
  t.equal(find('Springfield, Illinois')?.shandongSide, 'Jining');
  t.equal(SHANDONG_PARTNERSHIPS.filter((row) => row.year === null).length, 6);
  t.equal(SHANDONG_PARTNERSHIPS.filter((row) => row.relationshipType === 'port_partnership').length, 8);
});
