import t from 'tap';
import {
  quarterlyReportStream,
  type ReportEvent,
  reportDecider,
  reportStream,
} from '../../../commands/report/index.ts';
import { fold, spec } from '../spec.ts';

// 2024-06-15 in China: 2024 Q1 has ended, Q2 has not.
const decider = spec(reportDecider);
const QINGDAO = '370200';

const submit = (data: Record<string, unknown>, id = `${QINGDAO}-2024-q1`) =>
  ({ type: 'SubmitQuarterlyReport', id, data: { office: QINGDAO, year: 2024, quarter: 1, ...data } }) as const;

const submitted = (date: string, resubmission: boolean, extra: Partial<ReportEvent['data']> = {}): ReportEvent => ({
  type: 'QuarterlyReportSubmitted',
  data: { reportId: '370200-2024-q1', office: QINGDAO, year: 2024, quarter: 1, date, resubmission, ...extra },
});

t.test('streams are named after the office and quarter', async (t) => {
  t.equal(quarterlyReportStream('370200', 2021, 4), 'quarterly-report-370200-2021-q4');
  t.equal(reportStream('370000-2021-q4'), 'quarterly-report-370000-2021-q4');
});

t.test(
  'a first submission',
  decider
    .given([])
    .when(submit({ date: '2024-04-10', summary: 'Twelve exchanges', notes: 'late' }))
    .then([submitted('2024-04-10', false, { summary: 'Twelve exchanges', notes: 'late' })]),
);

t.test('is dated today by default', decider.given([]).when(submit({})).then([submitted('2024-06-15', false)]));

t.test(
  'a correction is recorded as a resubmission',
  decider.given([submitted('2024-04-10', false)]).when(submit({ date: '2024-05-02' })).then([submitted('2024-05-02', true)]),
);

t.test('the province reports too', async (t) => {
  const [event] = reportDecider.decide(
    submit({ office: '370000', quarter: 4, year: 2023 }, '370000-2023-q4'),
    reportDecider.initialState,
    { now: '2024-01-01T00:00:00.000Z', newId: () => 'unused' },
  );
  t.match(event?.data, { reportId: '370000-2023-q4', office: '370000', date: '2024-01-01', resubmission: false });
});

t.test('refusals', async (t) => {
  t.test('a quarter still running', decider.given([]).when(submit({ quarter: 2 }, '370200-2024-q2')).thenRejects('quarter-not-ended', 'invalid'));
  t.test('a future year', decider.given([]).when(submit({ year: 2025 }, '370200-2025-q1')).thenRejects('quarter-not-ended', 'invalid'));
  // 2024-06-30 24:00 China time is 16:00 UTC: the quarter ends on China's calendar, not UTC's.
  t.test(
    'on the last day of the quarter in China',
    spec(reportDecider, { now: '2024-06-30T15:59:59.000Z' })
      .given([])
      .when(submit({ quarter: 2 }, '370200-2024-q2'))
      .thenRejects('quarter-not-ended', 'invalid'),
  );
  t.test(
    'dated inside the quarter',
    decider.given([]).when(submit({ date: '2024-03-31' })).thenRejects('date-before-quarter-end', 'invalid'),
  );
  t.test('dated in the future', decider.given([]).when(submit({ date: '2024-06-20' })).thenRejects('date-in-future', 'invalid'));
  t.test(
    'a correction dated before the report it corrects',
    decider.given([submitted('2024-05-02', false)]).when(submit({ date: '2024-04-10' })).thenRejects('date-out-of-order', 'invalid'),
  );
  t.test('a county office', decider.given([]).when(submit({ office: '370202' }, '370202-2024-q1')).thenRejects('office-invalid', 'invalid'));
  t.test('Laiwu', decider.given([]).when(submit({ office: '371200' }, '371200-2024-q1')).thenRejects('office-invalid', 'invalid'));
  t.test('an id naming another report', decider.given([]).when(submit({}, '370100-2024-q1')).thenRejects('id-mismatch', 'invalid'));
  t.test('a uuid id', decider.given([]).when(submit({}, '11111111-1111-4111-8111-111111111111')).thenRejects('id-mismatch', 'invalid'));
  t.test('quarter 5', decider.given([]).when(submit({ quarter: 5 }, '370200-2024-q5')).thenRejects('period-invalid', 'invalid'));
});

t.test('the state counts submissions', async (t) => {
  t.strictSame(fold(reportDecider, [submitted('2024-04-10', false), submitted('2024-05-02', true)]), {
    id: '370200-2024-q1',
    status: 'submitted',
    office: QINGDAO,
    year: 2024,
    quarter: 1,
    firstSubmittedOn: '2024-04-10',
    lastSubmittedOn: '2024-05-02',
    submissions: 2,
  });
});
