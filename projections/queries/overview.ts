import { PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES, PIPELINE_STATUSES, type PartnershipKind, type PartnershipStatus } from '../../commands/partnership/index.ts';
import type { DatedCounts } from '../shared/dated-counts.ts';
import { CONTINENTS, type Continent, countryCache, GROUP_IDS, type GroupId } from '../shared/country-views.ts';
import { dayNumber, yearOf } from '../shared/dates.ts';
import { officeTally } from '../shared/offices.ts';
import type { z } from 'zod';
import type { OverviewAnswer } from './answers.ts';
import type { ReadViews } from './views.ts';

interface PairsAndCountries {
  pairs: number;
  countries: number;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/**
 * The relationships that count on a day, by country with names and
 * continent, and tallied by continent and by country group (membership as
 * it stood that day).
 */
export function countryFigures(counts: DatedCounts, day: string) {
  const d = dayNumber(day);
  const country = countryCache(day);
  const byCountry = [...counts.family('country', d)]
    .map(([code, count]) => {
      const { nameZh, nameEn, continent } = country(code);
      return { country: code, nameZh, nameEn, continent, count };
    })
    .sort((a, b) => b.count - a.count || a.country.localeCompare(b.country));
  const tally = <K extends string>(keys: readonly K[], keysOf: (code: string) => readonly K[]) => {
    const result = Object.fromEntries(keys.map((key) => [key, { pairs: 0, countries: 0 }])) as Record<K, PairsAndCountries>;
    for (const { country: code, count } of byCountry) {
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
  return { byCountry, byContinent, byGroup };
}

/** The candidate pairs in reserve (储备意向结好友城) at the end of day number `d`: every partnership in a pipeline stage. */
export function candidatesOn(counts: DatedCounts, d: number): number {
  return PIPELINE_STATUSES.reduce((sum, status) => sum + counts.at('status', status, d), 0);
}

/**
 * The headline figures (DESIGN §1) as of the end of `day`: relationships
 * that count (signed, not terminated) by kind, country, continent, group,
 * office and year signed; `byStatus` covers every partnership in the
 * ledger. Every figure is a dated count the register keeps, read as of
 * that day: nothing is scanned.
 */
export function overview(views: Pick<ReadViews, 'register'>, { day }: { day: string }): z.infer<typeof OverviewAnswer> {
  const { counts } = views.register;
  const d = dayNumber(day);
  const byStatus = zeros<PartnershipStatus>(PARTNERSHIP_STATUSES);
  for (const status of PARTNERSHIP_STATUSES) byStatus[status] = counts.at('status', status, d);
  const byKind = zeros<PartnershipKind>(PARTNERSHIP_KINDS);
  for (const kind of PARTNERSHIP_KINDS) byKind[kind] = counts.at('kind', kind, d);
  const { byCountry, byContinent, byGroup } = countryFigures(counts, day);
  const bySignedYear = [...counts.family('signedYear', d)]
    .map(([year, count]) => ({ year: Number(year), count }))
    .sort((a, b) => a.year - b.year);
  return {
    today: day,
    relationships: counts.at('counted', 'all', d),
    countries: byCountry.length,
    continents: CONTINENTS.filter((continent) => byContinent[continent].pairs > 0).length,
    byKind,
    byStatus,
    byCountry,
    byContinent,
    byGroup,
    byOffice: officeTally(counts.family('office', d)),
    bySignedYear,
    signedThisYear: counts.at('signedYear', String(yearOf(day)), d),
    candidates: candidatesOn(counts, d),
    activities: counts.total('activities', d),
    outcomes: counts.total('outcomes', d),
    dormantIndicator: counts.at('quiet', 'all', d),
  };
}
