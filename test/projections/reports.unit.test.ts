import t from 'tap';
import type { ReportEvent } from '../../commands/report/index.ts';
import { reportsProjection } from '../../projections/reports/index.ts';
import { eventLog, projectionSpec } from './spec.ts';

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

t.test(
  'one document per office and quarter; a correction replaces the submission and is counted',
  projectionSpec(reportsProjection)
    .given(
      eventLog()
        .append('quarterly-report-370200-2021-q4', [submitted('370200', '2022-01-05', false, 'first')], { actor: 'qd-clerk' })
        .append('quarterly-report-370100-2021-q4', [submitted('370100', '2022-01-06', false)], { actor: 'jn-clerk' })
        .append('quarterly-report-370200-2021-q4', [submitted('370200', '2022-01-20', true, 'corrected')], { actor: 'qd-head' })
        .events,
    )
    .then({
      submissions: {
        '370200-2021-q4': {
          id: '370200-2021-q4',
          office: '370200',
          year: 2021,
          quarter: 4,
          firstSubmittedOn: '2022-01-05',
          submittedOn: '2022-01-20',
          submissions: 2,
          actor: 'qd-head',
          summary: 'corrected',
          revision: 1,
          updatedAt: '2024-06-15T02:00:00.000Z',
        },
        '370100-2021-q4': {
          id: '370100-2021-q4',
          office: '370100',
          year: 2021,
          quarter: 4,
          firstSubmittedOn: '2022-01-06',
          submittedOn: '2022-01-06',
          submissions: 1,
          actor: 'jn-clerk',
          revision: 0,
          updatedAt: '2024-06-15T02:00:00.000Z',
        },
      },
    }),
);
