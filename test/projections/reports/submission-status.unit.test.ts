import t from 'tap';
import { reportsProjection, submissionStatus } from '../../../projections/index.ts';
import { commandLog, incrementalView, TODAY, viewOf } from '../ledger.ts';

// Qingdao submitted 2024 Q1 once; Jinan submitted it and corrected it ten days later; the province submitted 2023 Q4.
const log = commandLog()
  .report({ office: '370200', year: 2024, quarter: 1, submittedOn: ['2024-04-03'] }, 'clerk-370200')
  .report({ office: '370100', year: 2024, quarter: 1, submittedOn: ['2024-04-10', '2024-04-20'] }, 'clerk-370100')
  .report({ office: '370000', year: 2023, quarter: 4, submittedOn: ['2024-01-05'] }, 'clerk-370000');
const view = viewOf(reportsProjection, log.events);

t.test('who has submitted a quarter and who has not', async (t) => {
  const result = submissionStatus(view, { year: 2024, quarter: 1, day: TODAY });
  t.equal(result.today, TODAY, 'the answer says which day it is for');
  t.equal(result.openFrom, '2024-04-01', 'reports open the day after the quarter');
  t.equal(result.submittedCount, 2, 'two offices submitted');
  t.equal(result.missingCount, 15, 'fifteen did not');
  // The first submission is now the one the history holds: the old hand-made document gave a corrected report
  // the correction's date as its first submission too.
  t.strictSame(
    result.submitted,
    [
      { office: '370100', nameEn: 'Jinan', nameZh: '济南市', submittedOn: '2024-04-20', firstSubmittedOn: '2024-04-10', submissions: 2, actor: 'clerk-370100' },
      { office: '370200', nameEn: 'Qingdao', nameZh: '青岛市', submittedOn: '2024-04-03', firstSubmittedOn: '2024-04-03', submissions: 1, actor: 'clerk-370200' },
    ],
    'in office order, with the last submission, the first, how many and who made the last',
  );
  t.strictSame(result.missing[0], { office: '370000', nameEn: 'Shandong Province', nameZh: '山东省' }, 'another quarter does not count');
  t.notOk(result.missing.some((o) => o.office === '370200'), 'a submitted office is not missing');
});

t.test('as of a day before a submission, the office is missing', async (t) => {
  const before = submissionStatus(view, { year: 2024, quarter: 1, day: '2024-04-02' });
  t.strictSame([before.submittedCount, before.missingCount], [0, 17], '2024-04-02: nobody yet');
  const between = submissionStatus(view, { year: 2024, quarter: 1, day: '2024-04-15' });
  t.strictSame(
    between.submitted.map((o) => [o.office, o.submittedOn, o.firstSubmittedOn, o.submissions]),
    [
      ['370100', '2024-04-10', '2024-04-10', 1],
      ['370200', '2024-04-03', '2024-04-03', 1],
    ],
    '2024-04-15: Jinan\'s correction had not yet come',
  );
  t.equal(submissionStatus(view, { year: 2024, quarter: 1, day: '2024-04-05' }).missing.some((o) => o.office === '370100'), true, '2024-04-05: Jinan was missing');
  t.equal(submissionStatus(view, { year: 2023, quarter: 4, day: '2024-01-04' }).submittedCount, 0, '2023 Q4 as of 2024-01-04: the province not yet');
  t.equal(submissionStatus(view, { year: 2023, quarter: 4, day: '2024-01-05' }).submittedCount, 1, 'and on the day it submitted');
});

t.test('a view kept commit by commit gives the same status', async (t) => {
  const kept = incrementalView(reportsProjection, log.events, 1);
  for (const day of ['2024-04-15', TODAY]) {
    t.strictSame(submissionStatus(kept, { year: 2024, quarter: 1, day }), submissionStatus(view, { year: 2024, quarter: 1, day }), `as of ${day}`);
  }
});
