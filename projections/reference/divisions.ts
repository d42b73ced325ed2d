/**
 * Shandong's divisions for the read side. The write side owns the list (it
 * validates local sides against it); projections reuse it so the two can
 * never disagree about a code or a name.
 */
export {
  cityOf,
  divisionName,
  PROVINCE_CODE,
  resolveDivision,
  SHANDONG_CITIES,
  SHANDONG_PROVINCE,
  type Division,
  type DivisionLevel,
} from '../../commands/shared/divisions.ts';

import { divisionName, PROVINCE_CODE, SHANDONG_CITIES } from '../../commands/shared/divisions.ts';

/** The 17 offices a partnership can answer to: the province and its 16 cities. */
export const OFFICE_CODES: readonly string[] = [PROVINCE_CODE, ...SHANDONG_CITIES.map((city) => city.code)];

/** Display name of an office (province or city code); the code itself when unknown. */
export function officeName(code: string): { nameEn: string; nameZh: string } {
  return divisionName(code) ?? { nameEn: code, nameZh: code };
}
