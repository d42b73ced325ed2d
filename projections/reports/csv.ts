import { csvLine } from '../shared/csv.ts';
import { QUARTERLY_COLUMNS } from './columns.ts';
import type { QuarterlyReport } from './quarterly-report.ts';

/**
 * The quarterly report as CSV (RFC 4180, CRLF line ends): a header row, then
 * one row per office. No byte-order mark: that is a concern of the HTTP
 * answer, which adds one for Excel.
 */
export function quarterlyReportCsv(report: QuarterlyReport): string {
  return (
    csvLine(QUARTERLY_COLUMNS.map((column) => column.header)) +
    report.rows.map((row) => csvLine(QUARTERLY_COLUMNS.map((column) => column.value(row)))).join('')
  );
}
