import { PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES, type PartnershipKind, type PartnershipStatus } from '../../commands/partnership/index.ts';
import type { PartnershipRow } from '../register/rows.ts';
import { CONTINENTS, type Continent, countryCache, GROUP_IDS, type GroupId } from '../shared/country-views.ts';
import { yearOf } from '../shared/dates.ts';
import { countByOffice } from '../shared/offices.ts';
import { DEFAULT_DORMANCY_MONTHS, dormancyIndicator } from './dormancy.ts';
import { counts, inPipeline } from './relationships.ts';

export interface OverviewOptions {
  today: string;
  /** Quiet period of the dormancy indicator; 24 months when absent. */
  dormancyMonths?: number;
}

interface PairsAndCountries {
  pairs: number;
  countries: number;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/**
 * The headline figures (DESIGN §1): relationships that count (signed, not
 * terminated) by kind, country, continent, group, office and year signed.
 * `byStatus` alone covers every partnership in the ledger, the pipeline
 * and ended ones included. Group membership is taken on `today`.
 */
export function overview(partnerships: readonly PartnershipRow[], { today, dormancyMonths }: OverviewOptions) {
  const country = countryCache(today);
  const counted = partnerships.filter(counts);

  const byKind = zeros<PartnershipKind>(PARTNERSHIP_KINDS);
  const byStatus = zeros<PartnershipStatus>(PARTNERSHIP_STATUSES);
  const byYear = new Map<number, number>();
  const byCountry = new Map<string, number>();
  for (const row of partnerships) byStatus[row.status] += 1;
  for (const row of counted) {
    byKind[row.kind] += 1;
    byCountry.set(row.partner.country, (byCountry.get(row.partner.country) ?? 0) + 1);
    if (row.signedYear !== null) byYear.set(row.signedYear, (byYear.get(row.signedYear) ?? 0) + 1);
  }

  const countries = [...byCountry]
    .map(([code, count]) => {
      const { nameZh, nameEn, continent } = country(code);
      return { country: code, nameZh, nameEn, continent, count };
    })
    .sort((a, b) => b.count - a.count || a.country.localeCompare(b.country));

  const tally = <K extends string>(keys: readonly K[], keysOf: (code: string) => readonly K[]) => {
    const result = Object.fromEntries(keys.map((key) => [key, { pairs: 0, countries: 0 }])) as Record<K, PairsAndCountries>;
    for (const { country: code, count } of countries) {
      for (const key of keysOf(code)) {
        result[key].pairs += count;
        result[key].countries += 1;
      }
    }
    return result;
  };
  const byContinent = tally<Continent>(CONTINENTS, (code) => {
    const continent = country(code).continent;
    return continent === null ? [] : [continent];
  });
  const byGroup = tally<GroupId>(GROUP_IDS, (code) => country(code).groups);

  const thisYear = yearOf(today);
  return {
    today,
    relationships: counted.length,
    countries: countries.length,
    continents: CONTINENTS.filter((continent) => byContinent[continent].pairs > 0).length,
    byKind,
    byStatus,
    byCountry: countries,
    byContinent,
    byGroup,
    byOffice: countByOffice(counted, (row) => row.local.cityCode),
    bySignedYear: [...byYear].sort(([a], [b]) => a - b).map(([year, count]) => ({ year, count })),
    signedThisYear: byYear.get(thisYear) ?? 0,
    candidates: partnerships.filter(inPipeline).length,
    activities: partnerships.reduce((sum, row) => sum + row.activityCount, 0),
    outcomes: partnerships.reduce((sum, row) => sum + row.outcomeCount, 0),
    dormantIndicator: dormancyIndicator(partnerships, { today, months: dormancyMonths ?? DEFAULT_DORMANCY_MONTHS }).count,
  };
}
