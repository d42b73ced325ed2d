import countries from 'i18n-iso-countries';
import { countries as countryFacts, type TContinentCode } from 'countries-list';

/**
 * Countries as dashboards show them: names in Chinese and English from CLDR
 * (`Intl.DisplayNames`, which Node ships with full ICU), in their common
 * short forms, with a small reviewed table where the office's usage differs;
 * continents from countries-list folded into the
 * six-continent convention of Chinese statistics and of the Ministry of
 * Foreign Affairs' country pages (亚洲, 欧洲, 非洲, 北美洲, 南美洲, 大洋洲).
 */

export const CONTINENTS = ['Asia', 'Europe', 'Africa', 'North America', 'South America', 'Oceania'] as const;
export type Continent = (typeof CONTINENTS)[number];

export const CONTINENT_NAMES_ZH: Readonly<Record<Continent, string>> = {
  Asia: '亚洲',
  Europe: '欧洲',
  Africa: '非洲',
  'North America': '北美洲',
  'South America': '南美洲',
  Oceania: '大洋洲',
};

export interface CountryInfo {
  iso2: string;
  nameEn: string;
  nameZh: string;
  continent: Continent;
}

/**
 * Antarctica (AN) is not one of the six: the codes filed under it (AQ, BV,
 * GS, HM, TF) have no permanent population and no city to partner with, so
 * they get no continent and `countryInfo` does not know them.
 */
const FROM_COUNTRIES_LIST: Readonly<Partial<Record<TContinentCode, Continent>>> = {
  AS: 'Asia',
  EU: 'Europe',
  AF: 'Africa',
  NA: 'North America',
  SA: 'South America',
  OC: 'Oceania',
};

/**
 * Where the convention differs from countries-list's main continent, or where
 * a country spans two continents and the source could change its mind. Each
 * entry says why.
 */
export const CONTINENT_OVERRIDES: Readonly<Record<string, { continent: Continent; why: string }>> = {
  RU: {
    continent: 'Europe',
    why: 'countries-list files Russia under Asia by area; Chinese statistics count it in Europe, where its capital and most people are',
  },
  TR: { continent: 'Asia', why: 'transcontinental; Anatolia and the capital are in Asia, and the MFA lists Türkiye under Asia' },
  CY: { continent: 'Asia', why: 'an EU member, but the island lies in West Asia and the MFA lists Cyprus under Asia' },
  EG: { continent: 'Africa', why: 'transcontinental through Sinai; the country and its capital are African' },
  KZ: { continent: 'Asia', why: 'a strip west of the Ural River is European; the MFA lists Kazakhstan with Central Asia' },
  GE: { continent: 'Asia', why: 'the South Caucasus is counted with West Asia in the MFA convention' },
  AM: { continent: 'Asia', why: 'the South Caucasus is counted with West Asia in the MFA convention' },
  AZ: { continent: 'Asia', why: 'the South Caucasus is counted with West Asia in the MFA convention' },
  TL: { continent: 'Asia', why: 'countries-list files Timor-Leste under Oceania; the MFA lists it with Southeast Asia' },
  // Central America and the Caribbean are North America in this convention. countries-list
  // already agrees; these islands sit on the South American shelf and are pinned so a
  // source change cannot move them.
  TT: { continent: 'North America', why: 'a Caribbean state on the South American shelf; the Caribbean counts as North America' },
  AW: { continent: 'North America', why: 'a Caribbean island off Venezuela; the Caribbean counts as North America' },
  CW: { continent: 'North America', why: 'a Caribbean island off Venezuela; the Caribbean counts as North America' },
  BQ: { continent: 'North America', why: 'Caribbean islands partly off Venezuela; the Caribbean counts as North America' },
};

const facts = countryFacts as Readonly<Record<string, { continent: TContinentCode } | undefined>>;

function continentOf(iso2: string): Continent | undefined {
  const override = CONTINENT_OVERRIDES[iso2];
  if (override !== undefined) return override.continent;
  const code = facts[iso2]?.continent;
  return code === undefined ? undefined : FROM_COUNTRIES_LIST[code];
}

const CLDR_ZH = new Intl.DisplayNames(['zh-Hans'], { type: 'region', fallback: 'none' });
const CLDR_EN = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/**
 * Where the office writes a name otherwise than CLDR's short form: the
 * Ministry of Foreign Affairs' Chinese names, and English names spelled out
 * where CLDR abbreviates or qualifies them.
 */
export const NAME_OVERRIDES: Readonly<Record<string, { zh?: string; en?: string; why: string }>> = {
  MN: { zh: '蒙古国', why: 'the Ministry of Foreign Affairs names the state 蒙古国; CLDR has 蒙古, the region' },
  FM: { zh: '密克罗尼西亚联邦', en: 'Federated States of Micronesia', why: 'the state’s name in the Ministry’s list; CLDR shortens it to the region' },
  PS: { zh: '巴勒斯坦', en: 'Palestine', why: 'China recognises the State of Palestine; CLDR has 巴勒斯坦领土 / Palestinian Territories' },
  TW: { zh: '中国台湾', en: 'Taiwan, China', why: 'a region of China, never a country of its own in the office’s documents' },
  CD: { en: 'Democratic Republic of the Congo', why: 'CLDR’s short English form is "Congo - Kinshasa"' },
  CG: { en: 'Republic of the Congo', why: 'CLDR’s short English form is "Congo - Brazzaville"' },
  MM: { en: 'Myanmar', why: 'CLDR adds "(Burma)"' },
  KN: { en: 'Saint Kitts and Nevis', why: 'CLDR abbreviates "St." and writes "&"' },
  LC: { en: 'Saint Lucia', why: 'CLDR abbreviates "St."' },
  VC: { en: 'Saint Vincent and the Grenadines', why: 'CLDR abbreviates "St." and writes "&"' },
  ST: { en: 'São Tomé and Príncipe', why: 'CLDR writes "&"' },
  AG: { en: 'Antigua and Barbuda', why: 'CLDR writes "&"' },
  BA: { en: 'Bosnia and Herzegovina', why: 'CLDR writes "&"' },
  TT: { en: 'Trinidad and Tobago', why: 'CLDR writes "&"' },
};

function build(iso2: string): CountryInfo | undefined {
  const override = NAME_OVERRIDES[iso2];
  const nameEn = override?.en ?? CLDR_EN.of(iso2);
  const nameZh = override?.zh ?? CLDR_ZH.of(iso2);
  const continent = continentOf(iso2);
  if (nameEn === undefined || nameZh === undefined || continent === undefined) return undefined;
  return { iso2, nameEn, nameZh, continent };
}

const TABLE: ReadonlyMap<string, CountryInfo> = new Map(
  Object.keys(countries.getAlpha2Codes()).flatMap((iso2) => {
    const info = build(iso2);
    return info === undefined ? [] : [[iso2, Object.freeze(info)] as const];
  }),
);

/**
 * Names and continent of an upper-case ISO 3166-1 alpha-2 code; undefined for
 * unknown codes and for the Antarctic ones. It answers for any code, including
 * those that can never be a partner country (see `commands/shared/partner-countries.ts`).
 */
export function countryInfo(iso2: string): CountryInfo | undefined {
  return TABLE.get(iso2);
}

/** Every country `countryInfo` knows, ordered by code. */
export function allCountries(): CountryInfo[] {
  return [...TABLE.values()].sort((a, b) => a.iso2.localeCompare(b.iso2));
}
