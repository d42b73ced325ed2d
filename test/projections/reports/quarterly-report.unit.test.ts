import ExcelJS from 'exceljs';
import t from 'tap';
import { quarterlyReport, quarterlyReportCsv, quarterlyReportWorkbook } from '../../../projections/index.ts';
import { commandLog, incrementalViews, viewsOf } from '../ledger.ts';

// 2024 Q1 runs from 2024-01-01 to 2024-03-31; anything on either side is left out.
const log = commandLog()
  .partnership({ id: 'q1', status: 'candidate', country: 'JP', proposedOn: '2024-02-01' })
  .partnership({
    id: 'q2', status: 'active', country: 'JP', proposedOn: '2023-05-01', signedOn: '2024-03-31',
    activities: [{ date: '2024-01-05', type: 'culture', outcomes: 2 }, { date: '2024-03-31', type: 'education', outcomes: 1 }, { date: '2024-04-01', type: 'culture', outcomes: 5 }],
  })
  // Signed in January, quiet twice: reactivated on 2024-02-01 (in the quarter) and on 2024-04-01 (after it).
  .partnership({
    id: 'q3', status: 'active', local: '370100', country: 'KR', proposedOn: '2024-01-01', signedOn: '2024-01-15',
    markedDormantOn: ['2024-01-20', '2024-03-01'], reactivatedOn: [{ date: '2024-02-01' }, { date: '2024-04-01' }],
    activities: [{ date: '2024-02-02', type: 'culture' }],
  })
  .partnership({ id: 'q4', status: 'candidate', local: '370000', country: 'DE', proposedOn: '2023-12-31', activities: [{ date: '2024-02-02', type: 'forum', outcomes: 3 }] })
  .partnership({ id: 'q5', status: 'candidate', local: '370102', country: 'FR', proposedOn: '2024-03-01' })
  .project({ id: 'j1', status: 'completed', startedOn: '2024-01-10', endedOn: '2024-03-20' })
  .project({ id: 'j2', status: 'completed', office: '370000', startedOn: '2023-12-01', endedOn: '2024-02-01' });
const views = viewsOf(log.events);

const report = quarterlyReport(views, { year: 2024, quarter: 1 });

const byType = (counts: Record<string, number>) => ({
  delegation_visit: 0,
  culture: 0,
  trade_investment: 0,
  education: 0,
  youth: 0,
  health_elderly_care: 0,
  science_technology: 0,
  tourism: 0,
  sports: 0,
  agriculture: 0,
  port_logistics: 0,
  forum: 0,
  online_meeting: 0,
  other: 0,
  ...counts,
});

t.test('one row per office', async (t) => {
  t.strictSame([report.from, report.to], ['2024-01-01', '2024-03-31'], 'the quarter\'s first and last day');
  t.equal(report.rows.length, 17, 'the province and the 16 cities');
  const [province, jinan, qingdao, zibo] = report.rows;
  t.strictSame(province, {
    office: '370000', nameEn: 'Shandong Province', nameZh: '山东省',
    newProposals: 0, signings: 0, activities: 1, activitiesByType: byType({ forum: 1 }), outcomes: 3,
    projectsStarted: 0, projectsCompleted: 1, reactivations: 0,
  }, 'the province\'s own partnerships and projects, not the sum of the cities');
  t.strictSame(jinan, {
    office: '370100', nameEn: 'Jinan', nameZh: '济南市',
    newProposals: 2, signings: 1, activities: 1, activitiesByType: byType({ culture: 1 }), outcomes: 0,
    projectsStarted: 0, projectsCompleted: 0, reactivations: 1,
  }, 'a county proposal (370102) counts for its city');
  t.strictSame(qingdao, {
    office: '370200', nameEn: 'Qingdao', nameZh: '青岛市',
    newProposals: 1, signings: 1, activities: 2, activitiesByType: byType({ culture: 1, education: 1 }), outcomes: 3,
    projectsStarted: 1, projectsCompleted: 1, reactivations: 0,
  }, 'q2 proposed before the quarter and signed on its last day; its activity of 2024-04-01 is left out');
  t.match(zibo, { office: '370300', newProposals: 0, activities: 0 }, 'an office with nothing is listed with zeros');
  t.strictSame(report.totals, {
    newProposals: 3, signings: 2, activities: 4, activitiesByType: byType({ culture: 2, education: 1, forum: 1 }), outcomes: 6,
    projectsStarted: 1, projectsCompleted: 2, reactivations: 1,
  }, 'the totals are the sum of the rows');
});

t.test('one office', async (t) => {
  const single = quarterlyReport(views, { year: 2024, quarter: 1, office: '370200' });
  t.strictSame(single.rows.map((r) => r.office), ['370200'], 'one row');
  const [qingdao] = single.rows;
  if (qingdao === undefined) throw new Error('one row expected');
  const { office, nameEn, nameZh, ...counts } = qingdao;
  t.strictSame(single.totals, counts, 'the totals are that office\'s');
  t.equal(single.totals.activities, 2, 'Qingdao\'s two activities');
});

const HEADER =
  'office,nameZh,nameEn,newProposals,signings,activities,activities.delegation_visit,activities.culture,' +
  'activities.trade_investment,activities.education,activities.youth,activities.health_elderly_care,' +
  'activities.science_technology,activities.tourism,activities.sports,activities.agriculture,' +
  'activities.port_logistics,activities.forum,activities.online_meeting,activities.other,' +
  'outcomes,projectsStarted,projectsCompleted,reactivations';

t.test('CSV', async (t) => {
  const single = quarterlyReport(views, { year: 2024, quarter: 1, office: '370200' });
  t.equal(quarterlyReportCsv(single), `${HEADER}\r\n370200,青岛市,Qingdao,1,1,2,0,1,0,1,0,0,0,0,0,0,0,0,0,0,3,1,1,0\r\n`, 'a header and one row, CRLF');
  const lines = quarterlyReportCsv(report).split('\r\n');
  t.equal(lines.length, 19, 'header, 17 offices and the empty string after the last CRLF');
  t.equal(lines[10], "370900,泰安市,Tai'an,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0", 'an apostrophe needs no quoting');

  const tricky = { ...single, rows: single.rows.map((r) => ({ ...r, nameEn: 'Qingdao, "the Red Isle"\nport' })) };
  t.match(quarterlyReportCsv(tricky), /\r\n370200,青岛市,"Qingdao, ""the Red Isle""\nport",1,/, 'RFC 4180 quoting');
});

t.test('a workbook exceljs can read back', async (t) => {
  const buffer = await quarterlyReportWorkbook(report);
  t.ok(Buffer.isBuffer(buffer), 'a buffer');
  t.equal(buffer.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  t.equal(workbook.worksheets.length, 1, 'one sheet');
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new Error('no sheet');
  t.equal(sheet.name, '2024 Q1', 'named after the quarter');
  t.equal(sheet.rowCount, 18, 'a header and 17 offices');
  const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
  t.strictSame(values(1), HEADER.split(','), 'the CSV\'s header');
  t.equal(sheet.getRow(1).font?.bold, true, 'the header row is bold');
  t.strictSame(values(4), ['370200', '青岛市', 'Qingdao', 1, 1, 2, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 1, 1, 0], 'Qingdao\'s row');
  t.equal(typeof sheet.getRow(4).getCell(4).value, 'number', 'counts are numbers, not text');
});

t.test('the next quarter counts what happened in it', async (t) => {
  const q2 = quarterlyReport(views, { year: 2024, quarter: 2 });
  t.match(q2.rows.find((r) => r.office === '370200'), { newProposals: 0, signings: 0, activities: 1, outcomes: 5, projectsCompleted: 0 }, 'q2\'s activity of 2024-04-01');
  t.match(q2.rows.find((r) => r.office === '370100'), { reactivations: 1, activities: 0 }, 'q3\'s reactivation of 2024-04-01');
  t.match(quarterlyReport(views, { year: 2023, quarter: 4 }).totals, { newProposals: 1, projectsStarted: 1 }, '2023 Q4: q4 proposed on its last day, j2 started');
});

t.test('an activity entered late counts in the quarter it happened', async (t) => {
  const late = commandLog()
    .partnership({ id: 'q6', status: 'active', country: 'JP', proposedOn: '2023-01-01', signedOn: '2023-06-01', activities: [{ date: '2024-05-01' }] })
    .activity('q6', { date: '2024-02-10', type: 'sports', outcomes: 1 });
  const lateViews = viewsOf(late.events);
  t.match(quarterlyReport(lateViews, { year: 2024, quarter: 1 }).totals, { activities: 1, outcomes: 1, activitiesByType: { sports: 1 } }, 'Q1: the late entry');
  t.match(quarterlyReport(lateViews, { year: 2024, quarter: 2 }).totals, { activities: 1, outcomes: 0, activitiesByType: { sports: 0, culture: 1 } }, 'Q2: the one of 2024-05-01');
});

t.test('views kept commit by commit give the same report', async (t) => {
  for (const batch of [1, 4]) {
    const kept = incrementalViews(log.events, batch);
    for (const quarter of [1, 2] as const) {
      t.strictSame(quarterlyReport(kept, { year: 2024, quarter }), quarterlyReport(views, { year: 2024, quarter }), `batches of ${batch}, Q${quarter}`);
    }
  }
});
