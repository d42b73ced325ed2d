import {
  PARTNERSHIP_STATUSES,
  type PartnershipKind,
  type PartnershipStatus,
} from '../../commands/partnership/index.ts';
import type { PartnershipRow } from '../register/rows.ts';
import { type Continent, countryCache, type CountryView, type GroupId } from '../shared/country-views.ts';

export const REGISTER_SORTS = ['proposedOn', 'signedOn', 'partner', 'country', 'status'] as const;
export type RegisterSortKey = (typeof REGISTER_SORTS)[number];
/** A key, or the key with a leading `-` for descending order. */
export type RegisterSort = RegisterSortKey | `-${RegisterSortKey}`;

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export interface RegisterQuery {
  status?: PartnershipStatus | readonly PartnershipStatus[];
  kind?: PartnershipKind;
  /** ISO 3166-1 alpha-2 of the partner. */
  country?: string;
  continent?: Continent;
  group?: GroupId;
  /** The answering office: 370000 or a city code; matches `local.cityCode`. */
  office?: string;
  signedYear?: number;
  /** Case-insensitive substring of either side's English, Chinese or native name. */
  text?: string;
  sort?: RegisterSort;
  /** 1-based. */
  page?: number;
  pageSize?: number;
  /** Group membership is taken on this day; without it, the lists as they stand now. */
  today?: string;
}

export type RegisterItem = PartnershipRow & { country: CountryView };

const fold = (value: string) => value.normalize('NFKC').toLocaleLowerCase('en');

function names(row: PartnershipRow): string {
  const { partner, local } = row;
  return fold([partner.nameEn, partner.nameZh, partner.nameNative, local.nameEn, local.nameZh, local.institution].join('\u0000'));
}

const statusOrder = (status: PartnershipStatus) => PARTNERSHIP_STATUSES.indexOf(status);
const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });

/** Compares on one key; undefined (e.g. not yet signed) sorts last in either direction. */
function sortKey(item: RegisterItem, key: RegisterSortKey): string | number | null {
  switch (key) {
    case 'proposedOn':
      return item.proposedOn;
    case 'signedOn':
      return item.signedOn;
    case 'partner':
      return item.partner.nameEn;
    case 'country':
      return item.country.nameEn;
    case 'status':
      return statusOrder(item.status);
  }
}

function comparator(sort: RegisterSort) {
  const descending = sort.startsWith('-');
  const key = (descending ? sort.slice(1) : sort) as RegisterSortKey;
  return (a: RegisterItem, b: RegisterItem): number => {
    const x = sortKey(a, key);
    const y = sortKey(b, key);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : byName(String(x), String(y));
      if (order !== 0) return descending ? -order : order;
    }
    // Stable pages: ties fall back to the partner's name, then the id.
    return byName(a.partner.nameEn, b.partner.nameEn) || a.id.localeCompare(b.id);
  };
}

/** The register: filter, sort, page; each item carries its country's names, continent and groups. */
export function registerQuery(partnerships: readonly PartnershipRow[], query: RegisterQuery = {}) {
  const country = countryCache(query.today);
  const statuses = query.status === undefined ? undefined : ([] as PartnershipStatus[]).concat(query.status);
  const text = query.text === undefined || query.text.trim() === '' ? undefined : fold(query.text.trim());
  const matches = partnerships
    .filter(
      (row) =>
        (statuses === undefined || statuses.includes(row.status)) &&
        (query.kind === undefined || row.kind === query.kind) &&
        (query.country === undefined || row.partner.country === query.country) &&
        (query.office === undefined || row.local.cityCode === query.office) &&
        (query.signedYear === undefined || row.signedYear === query.signedYear) &&
        (text === undefined || names(row).includes(text)),
    )
    .map((row): RegisterItem => ({ ...row, country: country(row.partner.country) }))
    .filter(
      (item) =>
        (query.continent === undefined || item.country.continent === query.continent) &&
        (query.group === undefined || item.country.groups.includes(query.group)),
    )
    .sort(comparator(query.sort ?? '-proposedOn'));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(query.pageSize ?? DEFAULT_PAGE_SIZE)));
  const page = Math.max(1, Math.trunc(query.page ?? 1));
  const items = matches.slice((page - 1) * pageSize, page * pageSize);
  return { total: matches.length, page, pageSize, items };
}
