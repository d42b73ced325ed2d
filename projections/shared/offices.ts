import { OFFICE_CODES, officeName } from '../reference/index.ts';

/**
 * The offices dashboards and reports break figures down by: the province's
 * own office (370000) and the 16 prefecture cities. Every partnership,
 * activity and project answers to exactly one of them (its city code).
 */
export interface Office {
  office: string;
  nameEn: string;
  nameZh: string;
}

export const OFFICES: readonly Office[] = OFFICE_CODES.map((office) => ({ office, ...officeName(office) }));

const known = new Set(OFFICE_CODES);

/** Names of an office; an unknown code is shown as itself rather than dropped. */
export function officeNamed(office: string): Office {
  return { office, ...officeName(office) };
}

/**
 * Counts per office with every office listed (zeros included) so charts
 * keep a stable axis, in province-then-cities order; then any office the
 * reference does not know.
 */
export function officeTally(counts: ReadonlyMap<string, number>): (Office & { count: number })[] {
  const listed = OFFICES.map((office) => ({ ...office, count: counts.get(office.office) ?? 0 }));
  const strays = [...counts].filter(([code]) => !known.has(code)).map(([code, count]) => ({ ...officeNamed(code), count }));
  return [...listed, ...strays];
}

/** How many items each office has (see `officeTally`). */
export function countByOffice<T>(items: readonly T[], officeOf: (item: T) => string): (Office & { count: number })[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(officeOf(item), (counts.get(officeOf(item)) ?? 0) + 1);
  return officeTally(counts);
}
