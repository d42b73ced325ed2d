import t from 'tap';
import { allCountries, CONTINENT_OVERRIDES, CONTINENTS, countryInfo } from '../../../projections/reference/index.ts';

t.test('names come in English and Chinese', async (t) => {
  t.strictSame(countryInfo('SN'), { iso2: 'SN', nameEn: 'Senegal', nameZh: '塞内加尔', continent: 'Africa' });
  t.equal(countryInfo('KR')?.nameZh, '韩国');
  t.equal(countryInfo('DE')?.nameEn, 'Germany');
});

t.test('unknown and Antarctic codes are not countries', async (t) => {
  t.equal(countryInfo('XX'), undefined);
  t.equal(countryInfo('sn'), undefined, 'only upper-case alpha-2');
  t.equal(countryInfo('SEN'), undefined);
  for (const code of ['AQ', 'BV', 'GS', 'HM', 'TF']) t.equal(countryInfo(code), undefined, code);
});

t.test('transcontinental and disputed cases follow the Chinese six-continent convention', async (t) => {
  const expected: Record<string, string> = {
    RU: 'Europe',
    TR: 'Asia',
    CY: 'Asia',
    EG: 'Africa',
    KZ: 'Asia',
    GE: 'Asia',
    AM: 'Asia',
    AZ: 'Asia',
    TL: 'Asia',
  };
  for (const [code, continent] of Object.entries(expected)) t.equal(countryInfo(code)?.continent, continent, code);
  for (const [code, override] of Object.entries(CONTINENT_OVERRIDES)) {
    t.ok(override.why.length > 20, `${code} says why`);
  }
});

t.test('Central America and the Caribbean are North America', async (t) => {
  for (const code of ['MX', 'GT', 'PA', 'CR', 'CU', 'JM', 'HT', 'DO', 'BB', 'TT', 'AW', 'CW', 'GD', 'PR']) {
    t.equal(countryInfo(code)?.continent, 'North America', code);
  }
  for (const code of ['BR', 'AR', 'CO', 'VE', 'GY', 'SR']) t.equal(countryInfo(code)?.continent, 'South America', code);
  t.equal(countryInfo('GL')?.continent, 'North America');
});

t.test('every known country sits on one of the six continents', async (t) => {
  const countries = allCountries();
  t.ok(countries.length > 240);
  t.strictSame([...new Set(countries.map((c) => c.continent))].sort(), [...CONTINENTS].sort());
  t.ok(countries.every((c) => c.nameEn.length > 0 && c.nameZh.length > 0));
  t.strictSame(
    countries.map((c) => c.iso2),
    [...countries.map((c) => c.iso2)].sort(),
    'ordered by code',
  );
});

t.test('names are CLDR’s common short forms, with the office’s usage where it differs', async (t) => {
  const names = (iso2: string) => [countryInfo(iso2)?.nameZh, countryInfo(iso2)?.nameEn];
  t.same(names('MD'), ['摩尔多瓦', 'Moldova'], 'not "Moldova, Republic of"');
  t.same(names('MK'), ['北马其顿', 'North Macedonia'], 'not "The Republic of North Macedonia"');
  t.same(names('ID'), ['印度尼西亚', 'Indonesia'], 'not 印尼');
  t.same(names('MN'), ['蒙古国', 'Mongolia'], 'the state, as the Ministry of Foreign Affairs names it');
  t.same(names('KR'), ['韩国', 'South Korea']);
  t.same(names('VC'), ['圣文森特和格林纳丁斯', 'Saint Vincent and the Grenadines'], 'spelled out, not "St. Vincent & Grenadines"');
  t.same(names('CD'), ['刚果（金）', 'Democratic Republic of the Congo']);
  t.same(names('TW'), ['中国台湾', 'Taiwan, China']);
  const english = allCountries().map((c) => c.nameEn);
  t.same(english.filter((name) => /, .*of$|^The /.test(name)), [], 'no inverted or article-first official names');
});
