import { DomainError, type DomainErrorCode } from '../errors.ts';

/**
 * Calendar days are Shandong's days: China Standard Time is UTC+8 all year
 * (no daylight saving), so a fixed offset gives the local date exactly.
 */
const CHINA_STANDARD_TIME_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Today's date (YYYY-MM-DD) in China Standard Time for the instant `now`. */
export function chinaToday(now: string): string {
  const instant = Date.parse(now);
  if (Number.isNaN(instant)) {
    // The clock is supplied by the command handler, so this is a programming error, not bad input.
    throw new TypeError(`context.now is not an ISO 8601 instant: ${now}`);
  }
  return new Date(instant + CHINA_STANDARD_TIME_OFFSET_MS).toISOString().slice(0, 10);
}

/** True for a bare calendar date (YYYY-MM-DD), false for an instant with a time. */
export const isBareDate = (value: string): boolean => value.length === 10;

/**
 * An instant (ms since the epoch) for a query bound: an instant as given, a
 * bare date as the first or last millisecond of that day in China Standard Time.
 */
export function chinaInstant(value: string, edge: 'start' | 'end'): number {
  if (!isBareDate(value)) return Date.parse(value);
  return Date.parse(`${value}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}+08:00`);
}

/** Adds whole days to an ISO calendar date. */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * The day a fact happened: the body's `date`, or today in China when absent.
 * One day of slack absorbs offices whose clocks or time zones run ahead
 * (a delegation abroad entering its own local date); anything later is a typo.
 */
export function factDate(date: string | undefined, now: string): string {
  const today = chinaToday(now);
  if (date === undefined) return today;
  if (date > addDays(today, 1)) {
    const message = `date ${date} is in the future (today is ${today} in China)`;
    throw new DomainError('date-in-future', message, ['date'], { values: { date, today } });
  }
  return date;
}

/**
 * Rejects a fact dated before an earlier fact it depends on. ISO dates order
 * lexicographically, so plain string comparison is enough.
 */
export function requireNotBefore(date: string, earliest: string, code: DomainErrorCode, what: string): void {
  if (date < earliest) {
    throw new DomainError(code, `date ${date} is before ${what} (${earliest})`, ['date'], { values: { date, earliest } });
  }
}
