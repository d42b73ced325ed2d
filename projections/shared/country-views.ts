/**
 * Countries as the read side shows them. The only place queries touch the
 * country reference data, so a partner country the reference does not know
 * (added to ISO 3166 later, say) degrades to its code instead of breaking a
 * query.
 */
import { type Continent, countryInfo, type GroupId, groupsOf } from '../reference/index.ts';

export { CONTINENTS, type Continent, GROUP_IDS, type GroupId } from '../reference/index.ts';

export interface CountryView {
  iso2: string;
  nameEn: string;
  nameZh: string;
  continent: Continent | null;
  /** Groups the country belongs to on the given day (today for dashboards). */
  groups: GroupId[];
}

/** A country with its names, its continent and the groups it belongs to on `onDate`. */
export function countryView(iso2: string, onDate?: string): CountryView {
  const info = countryInfo(iso2);
  return {
    iso2,
    nameEn: info?.nameEn ?? iso2,
    nameZh: info?.nameZh ?? iso2,
    continent: info?.continent ?? null,
    groups: [...groupsOf(iso2, onDate)],
  };
}

/** A per-query cache: a register of 800 rows covers fewer than 100 countries. */
export function countryCache(onDate?: string): (iso2: string) => CountryView {
  const seen = new Map<string, CountryView>();
  return (iso2) => {
    let view = seen.get(iso2);
    if (view === undefined) {
      view = countryView(iso2, onDate);
      seen.set(iso2, view);
    }
    return view;
  };
}
