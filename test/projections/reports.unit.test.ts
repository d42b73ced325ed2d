import t from 'tap';
import type { ReportEvent } from '../../commands/report/index.ts';
import { reportsProjection } from '../../projections/index.ts';
import { quarterKey } from '../../projections/reports/index.ts';
import { dayNumber } from '../../projections/shared/dates.ts';
import { incrementalView, viewOf } from './ledger.ts';
import { eventLog, projectionSpec } from './spec.ts';

const RECORDED = '2024-06-15T02:00:00.000Z';

const submitted = (office: string, date: string, resubmission: boolean, summary?: string): ReportEvent => ({
  type: 'QuarterlyReportSubmitted',
  data: {
    reportId: `${office}-2021-q4`,
    office,
    year: 2021,
    quarter: 4,
    date,
    resubmission,
    ...(summary !== undefined && { summary }),
  },
});
const qingdaoFirst = submitted('370200', '2022-01-05', false, 'first');
const jinan = submitted('370100', '2022-01-06', false);
const qingdaoCorrected = submitted('370200', '2022-01-20', true, 'corrected');

const events = eventLog()
  .append('quarterly-report-370200-2021-q4', [qingdaoFirst], { actor: 'qd-clerk' })
  .append('quarterly-report-370100-2021-q4', [jinan], { actor: 'jn-clerk' })
  .append('quarterly-report-370200-2021-q4', [qingdaoCorrected], { actor: 'qd-head' })
  .append('partnership-x', [{ type: 'ContactEstablished', data: { partnershipId: 'x', date: '2022-01-01' } }]).events;

const kept = (revision: number, event: ReportEvent, actor: string) => ({ type: event.type, revision, recordedAt: RECORDED, actor, data: event.data });

t.test(
  'one document per office and quarter, every submission in it; events of other aggregates change nothing',
  projectionSpec(reportsProjection)
    .given(events)
    .then({
      submissions: {
        '370200-2021-q4': { id: '370200-2021-q4', revision: 1, events: [kept(0, qingdaoFirst, 'qd-clerk'), kept(1, qingdaoCorrected, 'qd-head')] },
        '370100-2021-q4': { id: '370100-2021-q4', revision: 0, events: [kept(0, jinan, 'jn-clerk')] },
      },
    }),
);

t.test('its view files the submissions by quarter and office, a correction after the first', async (t) => {
  const view = viewOf(reportsProjection, events);
  const quarter = view.byQuarter.get(quarterKey(2021, 4));
  t.strictSame([...(quarter?.keys() ?? [])].sort(), ['370100', '370200'], 'two offices reported 2021 Q4');
  t.strictSame(
    quarter?.get('370200')?.submissions,
    [
      { day: dayNumber('2022-01-05'), date: '2022-01-05', actor: 'qd-clerk', summary: 'first', revision: 0, recordedAt: RECORDED },
      { day: dayNumber('2022-01-20'), date: '2022-01-20', actor: 'qd-head', summary: 'corrected', revision: 1, recordedAt: RECORDED },
    ],
    'Qingdao submitted and corrected',
  );
  t.match(quarter?.get('370100'), { office: '370100', year: 2021, quarter: 4, submissions: [{ date: '2022-01-06', actor: 'jn-clerk', summary: undefined }] }, 'Jinan submitted once');
});

t.test('a view kept commit by commit equals one built in one go', async (t) => {
  const whole = viewOf(reportsProjection, events);
  for (const batch of [1, 2]) t.strictSame(incrementalView(reportsProjection, events, batch), whole, `batches of ${batch}`);
});
