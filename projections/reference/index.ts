/**
 * Reference data for read models: countries with continents, country groups
 * with dated membership, and Shandong's offices. Pure data and lookups, no I/O.
 */
export {
  allCountries,
  CONTINENT_NAMES_ZH,
  CONTINENT_OVERRIDES,
  CONTINENTS,
  countryInfo,
  type Continent,
  type CountryInfo,
} from './country-info.ts';
export { group, GROUP_IDS, groupMembers, GROUPS, groupsOf, type Group, type GroupId, type GroupMember } from './groups.ts';
export {
  cityOf,
  divisionName,
  OFFICE_CODES,
  officeName,
  PROVINCE_CODE,
  resolveDivision,
  SHANDONG_CITIES,
  SHANDONG_PROVINCE,
  type Division,
  type DivisionLevel,
} from './divisions.ts';
