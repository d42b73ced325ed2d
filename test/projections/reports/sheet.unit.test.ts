import ExcelJS from 'exceljs';
import t from 'tap';
import { sheetCsv, sheetWorkbook } from '../../../projections/reports/sheet.ts';

const sheet = {
  name: '=evil sheet name that is longer than thirty-one characters',
  title: ['=HYPERLINK("http://x","click")', '季度报告'],
  headers: ['单位', '@count'],
  rows: [
    ['-1+1', 3],
    ['青岛市', -2],
  ],
  totals: ['+合计', 1],
};

t.test('a formula-looking title, header or cell is exported inert; numbers stay numbers', async (t) => {
  const csv = sheetCsv(sheet);
  t.equal(csv, `"'=HYPERLINK(""http://x"",""click"")"\r\n季度报告\r\n单位,'@count\r\n'-1+1,3\r\n青岛市,-2\r\n'+合计,1\r\n`);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await sheetWorkbook(sheet)) as unknown as ArrayBuffer);
  const worksheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  t.equal(worksheet.name.length, 31, 'a worksheet name is cut to what Excel allows');
  t.equal(worksheet.getCell('A1').value, `'=HYPERLINK("http://x","click")`, 'text, not a formula');
  t.equal(worksheet.getCell('A1').formula, undefined);
  t.equal(worksheet.getCell('B3').value, "'@count");
  t.equal(worksheet.getCell('A4').value, "'-1+1");
  t.equal(worksheet.getCell('B5').value, -2, 'a negative count is a number');
  t.equal(worksheet.getCell('A6').value, "'+合计");
  t.ok((worksheet.getColumn(1).width ?? 0) >= 8);
});
