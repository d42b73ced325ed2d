/**
 * Shandong's administrative divisions as used for the local side of a
 * partnership and for office scoping. Codes follow GB/T 2260: PPCCXX, where
 * 370000 is the province, 37CC00 a prefecture city and 37CCXX (XX ≠ 00) a
 * county or district under that city. Counties are not listed: there are
 * over 130 and they are renamed often, so their names come with each command.
 */

export type DivisionLevel = 'province' | 'city' | 'county';

export interface Division {
  code: string;
  /** The prefecture city that owns the division, or 370000 for the province itself. */
  cityCode: string;
  level: DivisionLevel;
  /** Reference names; absent for counties. */
  nameEn?: string;
  nameZh?: string;
}

export const PROVINCE_CODE = '370000';

export const SHANDONG_PROVINCE = { code: PROVINCE_CODE, nameEn: 'Shandong Province', nameZh: '山东省' } as const;

/** The 16 prefecture-level cities since Laiwu's merger into Jinan (January 2019). */
export const SHANDONG_CITIES = [
  { code: '370100', nameEn: 'Jinan', nameZh: '济南市' },
  { code: '370200', nameEn: 'Qingdao', nameZh: '青岛市' },
  { code: '370300', nameEn: 'Zibo', nameZh: '淄博市' },
  { code: '370400', nameEn: 'Zaozhuang', nameZh: '枣庄市' },
  { code: '370500', nameEn: 'Dongying', nameZh: '东营市' },
  { code: '370600', nameEn: 'Yantai', nameZh: '烟台市' },
  { code: '370700', nameEn: 'Weifang', nameZh: '潍坊市' },
  { code: '370800', nameEn: 'Jining', nameZh: '济宁市' },
  { code: '370900', nameEn: "Tai'an", nameZh: '泰安市' },
  { code: '371000', nameEn: 'Weihai', nameZh: '威海市' },
  { code: '371100', nameEn: 'Rizhao', nameZh: '日照市' },
  { code: '371300', nameEn: 'Linyi', nameZh: '临沂市' },
  { code: '371400', nameEn: 'Dezhou', nameZh: '德州市' },
  { code: '371500', nameEn: 'Liaocheng', nameZh: '聊城市' },
  { code: '371600', nameEn: 'Binzhou', nameZh: '滨州市' },
  { code: '371700', nameEn: 'Heze', nameZh: '菏泽市' },
] as const;

/** The 17 offices a record can answer to: the province office and the 16 city offices. */
export const OFFICE_CODES: readonly string[] = [PROVINCE_CODE, ...SHANDONG_CITIES.map((city) => city.code)];

const citiesByPrefix = new Map<string, (typeof SHANDONG_CITIES)[number]>(
  SHANDONG_CITIES.map((city) => [city.code.slice(0, 4), city]),
);

const LAIWU_PREFIX = '3712';
const LAIWU_MESSAGE =
  'Laiwu (371200) was merged into Jinan in 2019: use Jinan (370100), ' +
  'or its successor districts Laiwu District (370116) and Gangcheng District (370117)';

/** Why a code is not a usable Shandong division, or undefined when it is one. */
export function divisionProblem(code: string): string | undefined {
  if (!/^\d{6}$/.test(code)) return `division code ${code} must be 6 digits`;
  if (code === PROVINCE_CODE) return undefined;
  const prefix = code.slice(0, 4);
  if (prefix === LAIWU_PREFIX) return LAIWU_MESSAGE;
  if (!code.startsWith('37')) return `division code ${code} is not in Shandong (codes start with 37)`;
  if (!citiesByPrefix.has(prefix)) return `division code ${code} is not under any of Shandong's 16 prefecture cities`;
  return undefined;
}

/** The division a valid code denotes, with reference names for the province and cities. */
export function resolveDivision(code: string): Division | undefined {
  if (divisionProblem(code) !== undefined) return undefined;
  if (code === PROVINCE_CODE) {
    const { nameEn, nameZh } = SHANDONG_PROVINCE;
    return { code, cityCode: code, level: 'province', nameEn, nameZh };
  }
  const city = citiesByPrefix.get(code.slice(0, 4));
  if (city === undefined) return undefined;
  if (code === city.code) return { code, cityCode: city.code, level: 'city', nameEn: city.nameEn, nameZh: city.nameZh };
  return { code, cityCode: city.code, level: 'county' };
}

/**
 * The office that answers for a division: its prefecture city, or 370000 for
 * the province. Used to scope editors to the partnerships of their office.
 */
export function cityOf(code: string): string | undefined {
  return resolveDivision(code)?.cityCode;
}

/** Reference name for the province or a city (not for counties, which have none here). */
export function divisionName(code: string): { nameEn: string; nameZh: string } | undefined {
  const division = resolveDivision(code);
  if (division?.nameEn === undefined || division.nameZh === undefined) return undefined;
  return { nameEn: division.nameEn, nameZh: division.nameZh };
}
