import { addDays } from '../../commands/shared/dates.ts';
import type { Random } from './random.ts';

/**
 * The demo's day: the province's press conference of 7 December 2021, whose
 * figures the demo reproduces (DESIGN §1). No fact is dated later, and the
 * figures are read as of this day.
 */
export const DEMO_END = '2021-12-07';

const DAY_MS = 86_400_000;

export const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
export const fromDayNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const minDate = (a: string, b: string): string => (a < b ? a : b);
export const maxDate = (a: string, b: string): string => (a > b ? a : b);

export { addDays };

export const addYears = (date: string, years: number): string => addDays(date, Math.round(years * 365.25));

/** A day in [from, to], both inclusive. */
export const randomDate = (rnd: Random, from: string, to: string): string =>
  fromDayNumber(rnd.int(dayNumber(from), dayNumber(to)));

/**
 * The instant a command is "handled": 10:00 in Shandong on the day after the
 * fact. The decider rejects facts dated after today, so the clock must not
 * run behind the fact; a day later is how an office typically enters it.
 */
export function handledAt(date: string): string {
  return `${addDays(date, 1)}T10:00:00+08:00`;
}

/** Calendar quarter of a date, e.g. "2021-Q3"; the seed replays history quarter by quarter. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}
