import { QUARTERLY_COLUMNS } from './columns.ts';
import type { QuarterlyReport } from './quarterly-report.ts';

/** RFC 4180: a field with a comma, quote or line break is quoted, and quotes inside are doubled. */
function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const line = (values: readonly (string | number)[]) => `${values.map(field).join(',')}\r\n`;

/**
 * The quarterly report as CSV (RFC 4180, CRLF line ends): a header row, then
 * one row per office. No byte-order mark: that is a concern of the HTTP
 * answer, which adds one for Excel.
 */
export function quarterlyReportCsv(report: QuarterlyReport): string {
  return (
    line(QUARTERLY_COLUMNS.map((column) => column.header)) +
    report.rows.map((row) => line(QUARTERLY_COLUMNS.map((column) => column.value(row)))).join('')
  );
}
