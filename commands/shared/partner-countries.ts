import countries from 'i18n-iso-countries';

/**
 * Which ISO 3166-1 codes may be the partner side of an international
 * friendship relationship.
 */

/** Parts of China: a tie with them is not an international partnership. */
const PARTS_OF_CHINA: Readonly<Record<string, string>> = {
  CN: 'China itself is not a foreign partner country',
  TW: 'Taiwan is part of China and is never a partner country',
  HK: 'Hong Kong is a special administrative region of China, not a foreign partner country',
  MO: 'Macao is a special administrative region of China, not a foreign partner country',
};

/**
 * States without diplomatic relations with the People's Republic of China, as
 * of 2024 (after Nauru's switch in January 2024). Only new commands are
 * checked, so updating this list when relations change never invalidates
 * recorded history.
 */
export const NO_DIPLOMATIC_RELATIONS: ReadonlySet<string> = new Set([
  'VA', 'PY', 'GT', 'BZ', 'HT', 'KN', 'LC', 'VC', 'MH', 'PW', 'TV', 'SZ', 'BT',
]);

export interface CountryProblem {
  /** Stable kebab-case code, carried in the validation issue's `params.code`. */
  code: 'country-unknown' | 'country-part-of-china' | 'country-no-diplomatic-relations';
  message: string;
}

/** Why `code` cannot be a partner country, or undefined when it can. */
export function partnerCountryProblem(code: string): CountryProblem | undefined {
  // i18n-iso-countries also accepts alpha-3, numeric and lower case; the contract is upper-case alpha-2.
  if (!/^[A-Z]{2}$/.test(code) || !countries.isValid(code)) {
    return { code: 'country-unknown', message: `${code} is not an ISO 3166-1 alpha-2 country code` };
  }
  const partOfChina = PARTS_OF_CHINA[code];
  if (partOfChina !== undefined) return { code: 'country-part-of-china', message: partOfChina };
  if (NO_DIPLOMATIC_RELATIONS.has(code)) {
    return {
      code: 'country-no-diplomatic-relations',
      message: `the People's Republic of China has no diplomatic relations with ${countryNameEn(code)} (${code})`,
    };
  }
  return undefined;
}

export function countryNameEn(code: string): string {
  return countries.getName(code, 'en') ?? code;
}
