/**
 * Shandong's divisions for the read side. The write side owns the list (it
 * validates local sides against it); projections reuse it so the two can
 * never disagree about a code or a name.
 */
export {
  cityOf,
  divisionName,
  OFFICE_CODES,
  PROVINCE_CODE,
  resolveDivision,
  SHANDONG_CITIES,
  SHANDONG_PROVINCE,
  type Division,
  type DivisionLevel,
} from '../../commands/shared/divisions.ts';

import { divisionName } from '../../commands/shared/divisions.ts';

/** Display name of an office (province or city code); the code itself when unknown. */
export function officeName(code: string): { nameEn: string; nameZh: string } {
  return divisionName(code) ?? { nameEn: code, nameZh: code };
}
