import { quarterlySheet, type SheetPresentation } from './columns.ts';
import type { QuarterlyReport } from './quarterly-report.ts';
import { sheetCsv } from './sheet.ts';

/** The quarterly report as CSV: see `sheetCsv`; the plain layout (keys as headers, rows only) without a presentation. */
export function quarterlyReportCsv(report: QuarterlyReport, presentation?: SheetPresentation): string {
  return sheetCsv(quarterlySheet(report, presentation));
}
