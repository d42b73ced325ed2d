/**
 * Calendar quarters in China Standard Time. Reports cover whole quarters, so
 * a quarter is identified by its year and number and spans fixed dates.
 */

export type Quarter = 1 | 2 | 3 | 4;

const LAST_DAY: Record<Quarter, string> = { 1: '03-31', 2: '06-30', 3: '09-30', 4: '12-31' };
const FIRST_DAY: Record<Quarter, string> = { 1: '01-01', 2: '04-01', 3: '07-01', 4: '10-01' };

const pad = (year: number) => String(year).padStart(4, '0');

/** First and last day of a quarter, inclusive (YYYY-MM-DD). */
export function quarterRange(year: number, quarter: Quarter): { from: string; to: string } {
  return { from: `${pad(year)}-${FIRST_DAY[quarter]}`, to: `${pad(year)}-${LAST_DAY[quarter]}` };
}

export function isQuarter(value: number): value is Quarter {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** The aggregate id of one office's report for one quarter, e.g. `370200-2021-q4`. */
export const quarterlyReportId = (office: string, year: number, quarter: number): string =>
  `${office}-${year}-q${quarter}`;
