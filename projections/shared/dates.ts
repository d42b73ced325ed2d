/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) that are already China
 * Standard Time days. Working in UTC midnights keeps every day 24 hours long.
 */
export { addDays } from '../../commands/shared/dates.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/**
 * The same day `months` later (or earlier when negative), clamped to the end
 * of a shorter month: one month before 2024-03-31 is 2024-02-29.
 */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const result = new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay)));
  return result.toISOString().slice(0, 10);
}

export const yearOf = (date: string): number => Number(date.slice(0, 4));

/** Whether `date` lies in the inclusive range; either bound may be open. */
export function within(date: string | null | undefined, from: string | undefined, to: string | undefined): boolean {
  if (date === null || date === undefined) return false;
  return (from === undefined || date >= from) && (to === undefined || date <= to);
}

/** The later of some dates, ignoring the ones that are not there. */
export function latest(...dates: (string | null | undefined)[]): string | null {
  let found: string | null = null;
  for (const date of dates) if (date && (found === null || date > found)) found = date;
  return found;
}

const digit = (date: string, i: number) => date.charCodeAt(i) - 48;

/**
 * A day as a number: days since 1970-01-01, so days compare and index as
 * integers. Computed from the digits (the civil-from-days arithmetic of the
 * proleptic Gregorian calendar) rather than through Date: a catch-up turns a
 * million activity dates into day numbers.
 */
export function dayNumber(date: string): number {
  const y = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
  const m = digit(date, 5) * 10 + digit(date, 6);
  const d = digit(date, 8) * 10 + digit(date, 9);
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The ISO date of a day number. */
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
