import ExcelJS from 'exceljs';
import t from 'tap';
import { buildTestApp, jinanFriendly } from './harness.ts';

/** A Jinan partnership signed in 2021 Q3 with one culture activity: something to count. */
async function jinanQuarter(post: (url: string, body: unknown) => Promise<{ json(): { id: string; position: string } }>) {
  const { id } = (await post('/partnerships', { ...jinanFriendly, date: '2021-05-10' })).json();
  await post(`/partnerships/${id}/letter-of-intent`, { date: '2021-06-01' });
  await post(`/partnerships/${id}/agreement`, { date: '2021-07-01', place: 'Jinan', signatories: [{ side: 'local', name: 'A' }] });
  const activity = await post(`/partnerships/${id}/activities`, { date: '2021-08-10', type: 'culture', direction: 'incoming', title: 'Week', participants: 3 });
  return activity.json().position;
}

const cells = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);

t.test('the quarterly report opens in a spreadsheet in Chinese: title, office, period, headers, totals, frozen and filtered', async (t) => {
  const { post, get } = await buildTestApp(t);
  const position = await jinanQuarter(post);
  const xlsx = await get(`/reports/quarterly?year=2021&quarter=3&format=xlsx&minPosition=${position}`);
  t.equal(xlsx.statusCode, 200);
  t.equal(
    xlsx.headers['content-disposition'],
    `attachment; filename="quarterly-report-2021-q3.xlsx"; filename*=UTF-8''${encodeURIComponent('山东省国际友城工作季度报告-2021年第3季度.xlsx')}`,
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  t.equal(sheet.name, '2021年第3季度');
  t.equal(sheet.getCell('A1').value, '国际友城工作季度报告（2021年第3季度）');
  t.equal(sheet.getCell('A2').value, '单位：全省');
  t.equal(sheet.getCell('A3').value, '统计期间：2021-07-01 至 2021-09-30');
  t.ok(sheet.getCell('A1').isMerged, 'the title spans the table');
  const headers = cells(sheet.getRow(4));
  t.same(headers.slice(0, 6), ['单位代码', '单位', '单位（英文）', '新增储备意向', '新签协议', '交流活动']);
  t.ok(headers.includes('活动：文化交流'), 'activity types by their Chinese labels');
  t.match(sheet.views[0], { state: 'frozen', ySplit: 4, topLeftCell: 'A5' }, 'the header is frozen');
  t.equal(sheet.autoFilter, 'A4:X21', 'and filtered, header and office rows');
  const jinan = sheet.getRow(5 + 1);
  t.same(cells(jinan).slice(0, 2), ['370100', '济南市']);
  const totals = sheet.getRow(22);
  t.equal(totals.getCell(1).value, '合计');
  t.equal(totals.getCell(5).value, 1, 'one agreement signed in the quarter, summed');
  t.equal(totals.getCell(6).value, 1, 'one activity');
  t.ok(totals.font?.bold);
  t.ok((sheet.getColumn(2).width ?? 0) >= 8);
});

t.test('the CSV reads the same, in English on request, and in the plain layout with columns=codes', async (t) => {
  const { post, get } = await buildTestApp(t);
  const position = await jinanQuarter(post);
  const zh = (await get(`/reports/quarterly?year=2021&quarter=3&format=csv&minPosition=${position}`)).body;
  const zhLines = zh.slice(1).split('\r\n');
  t.ok(zh.startsWith('\ufeff国际友城工作季度报告（2021年第3季度）\r\n'), 'a byte-order mark, then the title');
  t.equal(zhLines[3]?.split(',')[0], '单位代码');
  t.match(zhLines.at(-2), /^合计,,,/);

  const en = await get(`/reports/quarterly?year=2021&quarter=3&office=370100&format=csv&lang=en`);
  const enLines = en.body.slice(1).split('\r\n');
  t.same(enLines.slice(0, 3), ['"Friendship cities: quarterly report, 2021 Q3"', 'Office: Jinan', 'Period: 2021-07-01 to 2021-09-30']);
  t.match(enLines[3], /^Office code,Office \(Chinese\),Office,New candidates,Agreements signed,Activities,/);
  t.match(enLines[3], /Activities: Culture/);
  t.match(en.headers['content-disposition'], /filename="quarterly-report-2021-q3-370100.csv"; filename\*=UTF-8''friendship-cities-quarterly-report-2021-q3-370100.csv/);

  const plain = (await get('/reports/quarterly?year=2021&quarter=3&format=csv&columns=codes')).body.slice(1).split('\r\n');
  t.match(plain[0], /^office,nameZh,nameEn,newProposals,signings,activities,activities\./, 'field names, as before');
  t.equal(plain.length, 18 + 1, 'a header, 17 offices and the final line end; no title or totals');
});
