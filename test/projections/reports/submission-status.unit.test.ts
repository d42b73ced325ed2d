import t from 'tap';
import { type SubmissionDoc, submissionStatus } from '../../../projections/reports/index.ts';

const doc = (office: string, year: number, quarter: 1 | 2 | 3 | 4, submittedOn: string, submissions = 1): SubmissionDoc => ({
  id: `${office}-${year}-q${quarter}`,
  office,
  year,
  quarter,
  firstSubmittedOn: submittedOn,
  submittedOn,
  submissions,
  actor: `clerk-${office}`,
  revision: submissions - 1,
  updatedAt: '2024-06-15T02:00:00.000Z',
});

t.test('who has submitted a quarter and who has not', async (t) => {
  const result = submissionStatus(
    [doc('370200', 2024, 1, '2024-04-03'), doc('370100', 2024, 1, '2024-04-20', 2), doc('370000', 2023, 4, '2024-01-05')],
    { year: 2024, quarter: 1 },
  );
  t.equal(result.openFrom, '2024-04-01');
  t.equal(result.submittedCount, 2);
  t.equal(result.missingCount, 15);
  t.strictSame(result.submitted, [
    { office: '370100', nameEn: 'Jinan', nameZh: '济南市', submittedOn: '2024-04-20', firstSubmittedOn: '2024-04-20', submissions: 2, actor: 'clerk-370100' },
    { office: '370200', nameEn: 'Qingdao', nameZh: '青岛市', submittedOn: '2024-04-03', firstSubmittedOn: '2024-04-03', submissions: 1, actor: 'clerk-370200' },
  ]);
  t.strictSame(result.missing[0], { office: '370000', nameEn: 'Shandong Province', nameZh: '山东省' }, 'another quarter does not count');
  t.notOk(result.missing.some((o) => o.office === '370200'));
});
