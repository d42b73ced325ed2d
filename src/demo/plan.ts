/**
 * How many relationships the demo has per partner country, chosen so the
 * published December 2021 figures come out exactly (DESIGN §1):
 * - 598 signed relationships in 88 countries on six continents;
 * - 297 of them in 60 countries of the Belt-and-Road 65 list — which forces
 *   every listed country except Bhutan (no diplomatic relations with the PRC)
 *   and four ASEAN members (see RCEP) to have at least one;
 * - 230 in 10 RCEP members: Japan, Korea, Australia, New Zealand and six
 *   ASEAN states (ASEAN members count on both lists, so 50 pairs overlap);
 * - 168 candidate pairs in the pipeline.
 * The tables include the sourced partnerships; the synthetic ones fill the rest.
 */

export const SIGNED_BY_COUNTRY: Readonly<Record<string, number>> = {
  // RCEP outside ASEAN: 180
  KR: 82, JP: 58, AU: 26, NZ: 14,
  // ASEAN (RCEP and Belt and Road): 50
  TH: 14, VN: 12, MY: 9, ID: 8, KH: 4, MM: 3,
  // Belt and Road outside ASEAN: 247
  RU: 46, MN: 8, TR: 9, IN: 6, PK: 9, KZ: 10, UZ: 6, KG: 4, TJ: 3, TM: 2,
  UA: 8, BY: 6, GE: 4, AZ: 3, AM: 3, MD: 2,
  PL: 9, CZ: 6, HU: 6, RS: 6, RO: 5, BG: 5, GR: 6, CY: 2,
  EG: 6, IR: 5, IQ: 1, SY: 1, JO: 2, LB: 2, PS: 1, SA: 3, YE: 1, OM: 2, AE: 4, QA: 2, KW: 2, BH: 1, IL: 7,
  BD: 3, AF: 1, LK: 3, MV: 1, NP: 2,
  LT: 2, EE: 2, LV: 2, SK: 3, SI: 3, HR: 3, BA: 2, ME: 2, AL: 2, MK: 2,
  // Elsewhere: 121
  US: 38, CA: 8, MX: 3,
  BR: 5, AR: 2, CL: 2, PE: 1,
  DE: 17, GB: 6, FR: 7, IT: 7, ES: 3, NL: 2, BE: 2, SE: 2, FI: 2, IE: 1, CH: 1, AT: 3,
  ZA: 4, SN: 2, DJ: 1, KE: 1, TZ: 1,
};

/** Synthetic candidates per country (the ten sourced ones come on top). */
export const PIPELINE_BY_COUNTRY: Readonly<Record<string, number>> = {
  KR: 8, JP: 6, AU: 2, NZ: 2,
  TH: 4, VN: 4, MY: 4, ID: 4, PH: 4, LA: 3, SG: 1, BN: 1, KH: 3, MM: 1,
  RU: 8, KZ: 4, UZ: 4, KG: 2, TJ: 1, PK: 3, TR: 4, EG: 3, IN: 2, MN: 3, BY: 3, HU: 3, RS: 4, PL: 3, GR: 2,
  CZ: 2, BG: 2, RO: 2, GE: 2, AZ: 1, AM: 1, AE: 2, SA: 2, QA: 1, OM: 1, IR: 1, LK: 2, BD: 1, NP: 1, UA: 1, MD: 1,
  US: 4, CA: 2, MX: 2, BR: 2, AR: 2, CL: 2, PE: 1,
  DE: 4, FR: 2, IT: 2, ES: 2, GB: 1,
  ZA: 2, KE: 2, NG: 2, ET: 2, MA: 2, GH: 2, TZ: 1,
};

export const TARGETS = {
  signed: 598,
  countries: 88,
  briPairs: 297,
  briCountries: 60,
  rcepPairs: 230,
  rcepCountries: 10,
  signedIn2021: 10,
  pipeline: 168,
  plannedProjects: 127,
} as const;

/** Synthetic relationships signed in 2021, one per country. */
export const SIGNED_IN_2021_COUNTRIES: readonly string[] = ['UZ', 'KZ', 'RS', 'HU', 'PK', 'VN', 'KH', 'EG', 'BR', 'MX'];

/**
 * First year a tie with the country is plausible: diplomatic relations with
 * the PRC (Korea and Israel 1992, South Africa 1998), or the state's
 * existence in its present form (the Soviet and Yugoslav successors,
 * Czechia and Slovakia, Serbia and Montenegro after 2006).
 */
export const EARLIEST_YEAR: Readonly<Record<string, number>> = {
  KR: 1993, IL: 1992, SA: 1991, ZA: 1998, ID: 1991, VN: 1992, SG: 1991, BN: 1992, SN: 2006,
  RU: 1992, UA: 1992, BY: 1992, KZ: 1992, UZ: 1992, KG: 1992, TJ: 1992, TM: 1992, GE: 1992, AZ: 1992, AM: 1992,
  MD: 1992, LT: 1992, LV: 1992, EE: 1992, CZ: 1993, SK: 1993, HR: 1993, SI: 1993, BA: 1996, MK: 1994,
  RS: 2006, ME: 2006, PS: 1989, AE: 1985, QA: 1989, BH: 1990, IE: 1980,
};
