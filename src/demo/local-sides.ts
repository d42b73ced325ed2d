import { z } from 'zod';
import type { LocalSideInput } from '../../commands/partnership/index.ts';
import { PROVINCE_CODE, resolveDivision, SHANDONG_CITIES } from '../../commands/shared/divisions.ts';
import { divisionCode } from '../../commands/shared/schemas.ts';
import { csvInt, csvTable, DemoDataError, partnerCountry } from './data-files.ts';

/**
 * The Shandong side of synthetic partnerships: the 16 city offices with how
 * active each is in friendship-city work and since when it keeps ties
 * (`data/shandong-cities.csv`), the counties and districts that keep ties of
 * their own (`data/counties.csv`), and institutions with their foreign
 * counterparts (`data/institution-pairs.csv`).
 */

const City = z
  .strictObject({ code: divisionCode(), name_en: z.string(), weight: csvInt(), since: csvInt() })
  .superRefine((row, ctx) => {
    const city = SHANDONG_CITIES.find((c) => c.code === row.code);
    if (city === undefined) ctx.addIssue({ code: 'custom', path: ['code'], message: `${row.code} is not one of the 16 cities` });
    else if (city.nameEn !== row.name_en) {
      ctx.addIssue({ code: 'custom', path: ['name_en'], message: `${row.code} is ${city.nameEn}, not "${row.name_en}"` });
    }
  });

const CITIES = csvTable('shandong-cities.csv', City);
const missing = SHANDONG_CITIES.filter((city) => CITIES.filter((row) => row.code === city.code).length !== 1);
if (missing.length > 0) {
  throw new DemoDataError(`shandong-cities.csv: every city once; not so for ${missing.map((city) => city.nameEn).join(', ')}`);
}

/** Weighted city offices, in the order they are drawn from. */
export const CITY_WEIGHTS: readonly (readonly [string, number])[] = CITIES.map((row) => [row.code, row.weight] as const);

/** The year each office became a prefecture-level city: a city's own ties start then. */
const CITY_SINCE: ReadonlyMap<string, number> = new Map(CITIES.map((row) => [row.code, row.since]));

/** The province keeps ties since 1980; counties, districts and institutions began keeping their own around 1990. */
export function earliestTieYear(local: LocalSideInput): number {
  if (local.divisionCode === PROVINCE_CODE) return 1980;
  const city = CITY_SINCE.get(officeOf(local.divisionCode)) ?? 1980;
  const ownDivision = local.divisionCode === officeOf(local.divisionCode);
  return ownDivision && local.institution === undefined ? city : Math.max(city, 1990);
}

export interface County {
  code: string;
  nameEn: string;
  nameZh: string;
}

/** County-level divisions (GB/T 2260 codes as of 2021) that keep ties of their own. */
export const COUNTIES: readonly County[] = csvTable(
  'counties.csv',
  z
    .strictObject({ code: divisionCode(), name_en: z.string().min(1), name_zh: z.string().min(1) })
    .refine((row) => resolveDivision(row.code)?.level === 'county', { path: ['code'], message: 'not a county or district' })
    .transform((row): County => ({ code: row.code, nameEn: row.name_en, nameZh: row.name_zh })),
);

export const provinceSide = (): LocalSideInput => ({ divisionCode: PROVINCE_CODE });
export const citySide = (code: string): LocalSideInput => ({ divisionCode: code });
export const countySide = (county: County): LocalSideInput => ({
  divisionCode: county.code,
  nameEn: county.nameEn,
  nameZh: county.nameZh,
});
export const institutionSide = (divisionCode: string, institution: string): LocalSideInput => ({
  divisionCode,
  institution,
});

/** The office that answers for a division code: its city, or the province. */
export function officeOf(divisionCode: string): string {
  if (divisionCode === PROVINCE_CODE) return PROVINCE_CODE;
  return `${divisionCode.slice(0, 4)}00`;
}

/**
 * The rank of who signs for the local side, as the standard's high-level
 * ranks name it: the governor for the province, the mayor for a city; a
 * county's or an institution's head is not on that list.
 */
export function signatoryRank(local: LocalSideInput): string | undefined {
  if (local.institution !== undefined) return undefined;
  const level = resolveDivision(local.divisionCode)?.level;
  return level === 'province' ? 'governor' : level === 'city' ? 'mayor' : undefined;
}

/** English name of the local side, for titles and signatories. */
export function localName(local: LocalSideInput): string {
  if (local.institution !== undefined) return local.institution;
  if (local.nameEn !== undefined) return local.nameEn;
  if (local.divisionCode === PROVINCE_CODE) return 'Shandong';
  return SHANDONG_CITIES.find((city) => city.code === local.divisionCode)?.nameEn ?? local.divisionCode;
}

/** Institutional ties: a Shandong port or university and its foreign counterpart. */
export interface InstitutionPair {
  country: string;
  partner: string;
  local: string;
  divisionCode: string;
}

const PAIRS = csvTable(
  'institution-pairs.csv',
  z
    .strictObject({
      fate: z.enum(['signed', 'pipeline']),
      country: partnerCountry,
      partner: z.string().min(1),
      local: z.string().min(1),
      division_code: divisionCode(),
    })
    .transform((row) => ({
      fate: row.fate,
      pair: { country: row.country, partner: row.partner, local: row.local, divisionCode: row.division_code } satisfies InstitutionPair,
    })),
);

/** Signed and counted on the demo's day. */
export const INSTITUTION_PAIRS: readonly InstitutionPair[] = PAIRS.filter((row) => row.fate === 'signed').map((row) => row.pair);

/** Institutional candidates still being prepared on the demo's day. */
export const PIPELINE_INSTITUTION_PAIRS: readonly InstitutionPair[] = PAIRS.filter((row) => row.fate === 'pipeline').map(
  (row) => row.pair,
);
