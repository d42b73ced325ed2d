import { quarterlySheet, type SheetPresentation } from './columns.ts';
import type { QuarterlyReport } from './quarterly-report.ts';
import { sheetWorkbook } from './sheet.ts';

/** The quarterly report as an XLSX workbook: see `sheetWorkbook`; the plain layout without a presentation. */
export async function quarterlyReportWorkbook(report: QuarterlyReport, presentation?: SheetPresentation): Promise<Buffer> {
  return sheetWorkbook(quarterlySheet(report, presentation));
}
