import ExcelJS from 'exceljs';
import t from 'tap';
import { quarterlyReport, quarterlyReportCsv, quarterlyReportWorkbook } from '../../../projections/reports/index.ts';
import { activity, project, row } from '../fixtures.ts';

// 2024 Q1 runs from 2024-01-01 to 2024-03-31; anything on either side is left out.
const partnerships = [
  row({ id: 'q1', status: 'candidate', country: 'JP', proposedOn: '2024-02-01' }),
  row({ id: 'q2', status: 'active', country: 'JP', proposedOn: '2023-05-01', signedOn: '2024-03-31' }),
  row({ id: 'q3', status: 'active', local: '370100', country: 'KR', proposedOn: '2024-01-01', signedOn: '2024-03-15', reactivations: [{ date: '2024-02-01' }, { date: '2024-04-01' }] }),
  row({ id: 'q4', status: 'candidate', local: '370000', country: 'DE', proposedOn: '2023-12-31' }),
  row({ id: 'q5', status: 'candidate', local: '370102', country: 'FR', proposedOn: '2024-03-01' }),
];
const activities = [
  activity('a1', 'q2', '2024-01-05', { type: 'culture', outcomes: 2 }),
  activity('a2', 'q2', '2024-03-31', { type: 'education', outcomes: 1 }),
  activity('a3', 'q2', '2024-04-01', { type: 'culture', outcomes: 5 }),
  activity('a4', 'q3', '2024-02-02', { type: 'culture', cityCode: '370100' }),
  activity('a5', 'q4', '2024-02-02', { type: 'forum', cityCode: '370000', outcomes: 3 }),
];
const projects = [
  project({ id: 'j1', status: 'completed', startedOn: '2024-01-10', completedOn: '2024-03-20' }),
  project({ id: 'j2', status: 'completed', office: '370000', startedOn: '2023-12-01', completedOn: '2024-02-01' }),
];

const report = quarterlyReport(partnerships, activities, projects, { year: 2024, quarter: 1 });

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
  t.strictSame([report.from, report.to], ['2024-01-01', '2024-03-31']);
  t.equal(report.rows.length, 17);
  const [province, jinan, qingdao, zibo] = report.rows;
  t.strictSame(province, {
    office: '370000', nameEn: 'Shandong Province', nameZh: '山东省',
    newProposals: 0, signings: 0, activities: 1, activitiesByType: byType({ forum: 1 }), outcomes: 3,
    projectsStarted: 0, projectsCompleted: 1, reactivations: 0,
  });
  t.strictSame(jinan, {
    office: '370100', nameEn: 'Jinan', nameZh: '济南市',
    newProposals: 2, signings: 1, activities: 1, activitiesByType: byType({ culture: 1 }), outcomes: 0,
    projectsStarted: 0, projectsCompleted: 0, reactivations: 1,
  }, 'a county proposal (370102) counts for its city');
  t.strictSame(qingdao, {
    office: '370200', nameEn: 'Qingdao', nameZh: '青岛市',
    newProposals: 1, signings: 1, activities: 2, activitiesByType: byType({ culture: 1, education: 1 }), outcomes: 3,
    projectsStarted: 1, projectsCompleted: 1, reactivations: 0,
  });
  t.match(zibo, { office: '370300', newProposals: 0, activities: 0 });
  t.strictSame(report.totals, {
    newProposals: 3, signings: 2, activities: 4, activitiesByType: byType({ culture: 2, education: 1, forum: 1 }), outcomes: 6,
    projectsStarted: 1, projectsCompleted: 2, reactivations: 1,
  });
});

t.test('one office', async (t) => {
  const single = quarterlyReport(partnerships, activities, projects, { year: 2024, quarter: 1, office: '370200' });
  t.strictSame(single.rows.map((r) => r.office), ['370200']);
  const [qingdao] = single.rows;
  if (qingdao === undefined) throw new Error('one row expected');
  const { office, nameEn, nameZh, ...counts } = qingdao;
  t.strictSame(single.totals, counts, 'the totals are that office\'s');
  t.equal(single.totals.activities, 2);
});

const HEADER =
  'office,nameZh,nameEn,newProposals,signings,activities,activities.delegation_visit,activities.culture,' +
  'activities.trade_investment,activities.education,activities.youth,activities.health_elderly_care,' +
  'activities.science_technology,activities.tourism,activities.sports,activities.agriculture,' +
  'activities.port_logistics,activities.forum,activities.online_meeting,activities.other,' +
  'outcomes,projectsStarted,projectsCompleted,reactivations';

t.test('CSV', async (t) => {
  const single = quarterlyReport(partnerships, activities, projects, { year: 2024, quarter: 1, office: '370200' });
  t.equal(quarterlyReportCsv(single), `${HEADER}\r\n370200,青岛市,Qingdao,1,1,2,0,1,0,1,0,0,0,0,0,0,0,0,0,0,3,1,1,0\r\n`);
  const lines = quarterlyReportCsv(report).split('\r\n');
  t.equal(lines.length, 19, 'header, 17 offices and the empty string after the last CRLF');
  t.equal(lines[10], "370900,泰安市,Tai'an,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0");

  const tricky = { ...single, rows: single.rows.map((r) => ({ ...r, nameEn: 'Qingdao, "the Red Isle"\nport' })) };
  t.match(quarterlyReportCsv(tricky), /\r\n370200,青岛市,"Qingdao, ""the Red Isle""\nport",1,/, 'RFC 4180 quoting');
});

t.test('a workbook exceljs can read back', async (t) => {
  const buffer = await quarterlyReportWorkbook(report);
  t.ok(Buffer.isBuffer(buffer));
  t.equal(buffer.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  t.equal(workbook.worksheets.length, 1);
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new Error('no sheet');
  t.equal(sheet.name, '2024 Q1');
  t.equal(sheet.rowCount, 18);
  const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
  t.strictSame(values(1), HEADER.split(','));
  t.equal(sheet.getRow(1).font?.bold, true, 'the header row is bold');
  t.strictSame(values(4), ['370200', '青岛市', 'Qingdao', 1, 1, 2, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 1, 1, 0]);
  t.equal(typeof sheet.getRow(4).getCell(4).value, 'number', 'counts are numbers, not text');
});
