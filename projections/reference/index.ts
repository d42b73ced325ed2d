/**
 * Reference data for read models: countries with continents, country groups
 * with dated membership, Shandong's offices, and the sourced partnerships the
 * demo dataset is built on. Pure data and lookups, no I/O.
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
export {
  PARTNERSHIP_SOURCE_LEVELS,
  PARTNERSHIP_SOURCE_TYPES,
  SHANDONG_PARTNERSHIPS,
  type PartnershipSourceLevel,
  type PartnershipSourceType,
  type ShandongPartnershipRecord,
} from './shandong-partnerships.ts';
