import { csvLine, neutralised } from '../shared/csv.ts';

/** A table as an office reads it in a spreadsheet; CSV and XLSX are written from the same sheet. */
export interface Sheet {
  /** The worksheet's name (XLSX). */
  name: string;
  /** Lines above the header row: the report's title and period; none in a plain layout. */
  title: readonly string[];
  headers: readonly string[];
  rows: readonly (readonly (string | number)[])[];
  /** A last row, labelled in its first cell: the sums of the count columns. */
  totals?: readonly (string | number)[] | undefined;
}

/**
 * A sheet as CSV (RFC 4180, CRLF line ends): each title line in a row of its
 * own, then the header, the rows and the totals. Every text cell is
 * neutralised against formulas (`csvLine`). No byte-order mark: the HTTP
 * answer adds one for Excel.
 */
export function sheetCsv(sheet: Sheet): string {
  return [...sheet.title.map((line) => [line]), sheet.headers, ...sheet.rows, ...(sheet.totals ? [sheet.totals] : [])].map(csvLine).join('');
}

/** How wide a column must be for its text: CJK characters take two columns of a spreadsheet. */
function displayWidth(value: string | number): number {
  let width = 0;
  for (const char of String(value)) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(char) ? 2 : 1;
  return width;
}

/** A text cell a spreadsheet would read as a formula, shown as text instead, as in CSV. */
const inert = (value: string | number) => (typeof value === 'string' ? neutralised(value) : value);

/**
 * A sheet as an XLSX workbook: the title lines merged across the table and
 * bold, a bold header row frozen with an autofilter, the rows with counts as
 * numbers, a bold totals row, columns as wide as their contents. exceljs is
 * loaded on first use so the projector, which imports this folder for its
 * projection, does not pay for it.
 */
export async function sheetWorkbook(sheet: Sheet): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const headerRow = sheet.title.length + 1;
  const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: headerRow }] });
  const width = sheet.headers.length;
  sheet.title.forEach((line, index) => {
    const row = worksheet.addRow([inert(line)]);
    row.font = { bold: index === 0, size: index === 0 ? 14 : 11 };
    worksheet.mergeCells(index + 1, 1, index + 1, width);
  });
  worksheet.addRow(sheet.headers.map(inert)).font = { bold: true };
  for (const row of sheet.rows) worksheet.addRow(row.map(inert));
  if (sheet.totals) worksheet.addRow(sheet.totals.map(inert)).font = { bold: true };
  worksheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + sheet.rows.length, column: width } };
  sheet.headers.forEach((header, index) => {
    const widest = Math.max(displayWidth(header), ...sheet.rows.map((row) => displayWidth(row[index] ?? '')));
    worksheet.getColumn(index + 1).width = Math.min(40, Math.max(8, widest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
