import countries from 'i18n-iso-countries';
import { z } from 'zod';
import table from './partner-countries.json' with { type: 'json' };

/**
 * Which ISO 3166-1 codes may be the partner side of an international
 * friendship relationship.
 */

const Alpha2 = z.string().regex(/^[A-Z]{2}$/);

/** The reviewed table of codes that cannot be a partner, with its source (`partner-countries.json`). */
const TABLE = z
  .strictObject({
    source: z.string().min(1),
    /** Parts of China: a tie with them is not an international partnership. */
    partsOfChina: z.record(Alpha2, z.string().min(1)),
    /** Codes that name no state China recognises. */
    notStates: z.record(Alpha2, z.string().min(1)),
    /** States without diplomatic relations with the People's Republic of China. */
    noDiplomaticRelations: z.array(Alpha2),
  })
  .parse(table);

export const NO_DIPLOMATIC_RELATIONS: ReadonlySet<string> = new Set(TABLE.noDiplomaticRelations);

export interface CountryProblem {
  /** Stable kebab-case code, carried in the validation issue's `params.code`. */
  code: 'country-unknown' | 'country-part-of-china' | 'country-not-a-state' | 'country-no-diplomatic-relations';
  message: string;
}

/** Why `code` cannot be a partner country, or undefined when it can. */
export function partnerCountryProblem(code: string): CountryProblem | undefined {
  // i18n-iso-countries also accepts alpha-3, numeric and lower case; the contract is upper-case alpha-2.
  if (!/^[A-Z]{2}$/.test(code) || !countries.isValid(code)) {
    return { code: 'country-unknown', message: `${code} is not an ISO 3166-1 alpha-2 country code` };
  }
  const partOfChina = TABLE.partsOfChina[code];
  if (partOfChina !== undefined) return { code: 'country-part-of-china', message: partOfChina };
  const notAState = TABLE.notStates[code];
  if (notAState !== undefined) return { code: 'country-not-a-state', message: notAState };
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
