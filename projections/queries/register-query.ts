import {
  PARTNERSHIP_STATUSES,
  type PartnershipKind,
  type PartnershipStatus,
  partnerNameEn,
} from '../../commands/partnership/index.ts';
import { groupMembers } from '../reference/index.ts';
import { foldText } from '../register/search-text.ts';
import { type PartnershipRow, rowAt } from '../register/rows.ts';
import type { PartnershipEntry, RegisterView } from '../register/view.ts';
import { type Continent, countryCache, type CountryView, type GroupId } from '../shared/country-views.ts';
import { dayNumber } from '../shared/dates.ts';
import { allCountries } from '../reference/index.ts';

export const REGISTER_SORTS = ['proposedOn', 'signedOn', 'partner', 'country', 'status'] as const;
export type RegisterSortKey = (typeof REGISTER_SORTS)[number];
/** A key, or the key with a leading `-` for descending order. */
export type RegisterSort = RegisterSortKey | `-${RegisterSortKey}`;

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export interface RegisterQuery {
  /** The day the register is read for: statuses and everything else as they stood at its end. */
  day: string;
  status?: PartnershipStatus | readonly PartnershipStatus[] | undefined;
  kind?: PartnershipKind | readonly PartnershipKind[] | undefined;
  /** ISO 3166-1 alpha-2 of the partner. */
  country?: string | undefined;
  continent?: Continent | undefined;
  group?: GroupId | undefined;
  /** The answering office: 370000 or a city code; matches `local.cityCode`. */
  office?: string | undefined;
  signedYear?: number | undefined;
  /** Signed within these days (both included). */
  signedFrom?: string | undefined;
  signedTo?: string | undefined;
  /** Any name of either side or of the partner country; case, accents and punctuation do not matter. */
  text?: string | undefined;
  sort?: RegisterSort | undefined;
  /** 1-based. */
  page?: number | undefined;
  pageSize?: number | undefined;
}

export type RegisterItem = PartnershipRow & { country: CountryView };

const statusOrder = (status: PartnershipStatus) => PARTNERSHIP_STATUSES.indexOf(status);
/** One collator for every comparison: `localeCompare` with options builds a new one per call. */
const byName = new Intl.Collator('en', { sensitivity: 'base' }).compare;

/** Compares on one key; undefined (e.g. not yet signed) sorts last in either direction. */
function sortKey(item: RegisterItem, key: RegisterSortKey): string | number | null {
  switch (key) {
    case 'proposedOn':
      return item.proposedOn;
    case 'signedOn':
      return item.signedOn;
    case 'partner':
      return partnerNameEn(item.partner);
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
    return byName(partnerNameEn(a.partner), partnerNameEn(b.partner)) || a.id.localeCompare(b.id);
  };
}

const union = (sets: readonly (ReadonlySet<PartnershipEntry> | undefined)[]) => {
  const all = new Set<PartnershipEntry>();
  for (const set of sets) for (const entry of set ?? []) all.add(entry);
  return all;
};

/**
 * The partnerships a query can possibly return, from the view's indexes: the
 * smallest of the sets its filters name (a status or kind filter takes the
 * partnerships that ever had it); undefined when no filter narrows it.
 */
function candidates(
  view: RegisterView,
  query: RegisterQuery,
  statuses: readonly PartnershipStatus[] | undefined,
  kinds: readonly PartnershipKind[] | undefined,
) {
  const { indexes } = view;
  const sets: ReadonlySet<PartnershipEntry>[] = [];
  const empty = new Set<PartnershipEntry>();
  if (query.country !== undefined) sets.push(indexes.byCountry.get(query.country) ?? empty);
  if (query.office !== undefined) sets.push(indexes.byOffice.get(query.office) ?? empty);
  if (query.signedYear !== undefined) sets.push(indexes.bySignedYear.get(query.signedYear) ?? empty);
  if (kinds !== undefined) sets.push(union(kinds.map((kind) => indexes.everKind.get(kind))));
  if (statuses !== undefined) sets.push(union(statuses.map((status) => indexes.everStatus.get(status))));
  if (query.continent !== undefined) {
    const codes = allCountries().filter((country) => country.continent === query.continent);
    sets.push(union(codes.map((country) => indexes.byCountry.get(country.iso2))));
  }
  if (query.group !== undefined) sets.push(union(groupMembers(query.group, query.day).map((iso2) => indexes.byCountry.get(iso2))));
  if (sets.length === 0) return undefined;
  return [...sets].sort((a, b) => a.size - b.size)[0] as ReadonlySet<PartnershipEntry>;
}

/**
 * The register's default order backwards (by proposal day, then partner name
 * and id descending), so that read from its end it is `-proposedOn` exactly;
 * kept by the view and rebuilt after a partnership was added.
 */
function byProposal(view: RegisterView): PartnershipEntry[] {
  view.byProposal ??= [...view.entries.values()]
    .filter((entry) => entry.versions.length > 0)
    .sort((a, b) => {
      const x = a.versions[0]?.state;
      const y = b.versions[0]?.state;
      return (x?.proposedOn ?? '').localeCompare(y?.proposedOn ?? '') || byName(y?.partner.nameEn ?? '', x?.partner.nameEn ?? '') || b.id.localeCompare(a.id);
    });
  return view.byProposal;
}

/** How many of the kept order were proposed on or before `day`. */
function proposedBy(ordered: readonly PartnershipEntry[], day: string): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (((ordered[middle] as PartnershipEntry).versions[0]?.state.proposedOn ?? '') <= day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The register as of the end of `day`: filter, sort, page; each item is the
 * partnership as it stood then, with its country's names, continent and
 * groups on that day.
 */
export function registerQuery(view: RegisterView, query: RegisterQuery) {
  const d = dayNumber(query.day);
  const country = countryCache(query.day);
  const statuses = query.status === undefined ? undefined : ([] as PartnershipStatus[]).concat(query.status);
  const kinds = query.kind === undefined ? undefined : ([] as PartnershipKind[]).concat(query.kind);
  const text = query.text === undefined || foldText(query.text) === '' ? undefined : foldText(query.text);
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(query.pageSize ?? DEFAULT_PAGE_SIZE)));
  const page = Math.max(1, Math.trunc(query.page ?? 1));
  const sort = query.sort ?? '-proposedOn';
  const item = (entry: PartnershipEntry): RegisterItem | undefined => {
    const row = rowAt(entry, d);
    return row === undefined ? undefined : { ...row, country: country(row.partner.country) };
  };
  const matches = (entry: PartnershipEntry, row: RegisterItem) =>
    (statuses === undefined || statuses.includes(row.status)) &&
    (kinds === undefined || kinds.includes(row.kind)) &&
    (query.country === undefined || row.partner.country === query.country) &&
    (query.office === undefined || row.local.cityCode === query.office) &&
    (query.signedYear === undefined || row.signedYear === query.signedYear) &&
    (query.signedFrom === undefined || (row.signedOn !== null && row.signedOn >= query.signedFrom)) &&
    (query.signedTo === undefined || (row.signedOn !== null && row.signedOn <= query.signedTo)) &&
    (query.continent === undefined || row.country.continent === query.continent) &&
    (query.group === undefined || row.country.groups.includes(query.group)) &&
    (text === undefined || entry.text.includes(text));

  const narrowed = candidates(view, query, statuses, kinds);
  const signedRange = query.signedFrom !== undefined || query.signedTo !== undefined;
  if (narrowed === undefined && text === undefined && !signedRange && sort === '-proposedOn') {
    // The default listing reads only the page it returns: the partnerships proposed by that day are a prefix
    // of the kept order, newest last, so the page is counted back from the prefix's end.
    const ordered = byProposal(view);
    const total = proposedBy(ordered, query.day);
    const last = total - (page - 1) * pageSize;
    const items = ordered
      .slice(Math.max(0, last - pageSize), Math.max(0, last))
      .reverse()
      .flatMap((entry) => item(entry) ?? []);
    return { today: query.day, total, page, pageSize, items };
  }
  const found: RegisterItem[] = [];
  for (const entry of narrowed ?? view.entries.values()) {
    const row = item(entry);
    if (row !== undefined && matches(entry, row)) found.push(row);
  }
  found.sort(comparator(sort));
  return { today: query.day, total: found.length, page, pageSize, items: found.slice((page - 1) * pageSize, page * pageSize) };
}
