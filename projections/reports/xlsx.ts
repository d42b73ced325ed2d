import { QUARTERLY_COLUMNS } from './columns.ts';
import type { QuarterlyReport } from './quarterly-report.ts';

/**
 * The quarterly report as an XLSX workbook: one sheet, a bold frozen header
 * row, one row per office, counts as numbers. Built in memory; writing it to
 * a response is the caller's business. exceljs is loaded on first use so the
 * projector, which imports this folder for its projection, does not pay for it.
 */
export async function quarterlyReportWorkbook(report: QuarterlyReport): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`${report.year} Q${report.quarter}`, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = QUARTERLY_COLUMNS.map((column) => ({
    header: column.header,
    key: column.header,
    width: Math.max(10, column.header.length + 2),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of report.rows) sheet.addRow(QUARTERLY_COLUMNS.map((column) => column.value(row)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
