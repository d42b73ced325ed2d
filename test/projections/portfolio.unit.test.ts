import t from 'tap';
import type { ProjectEvent } from '../../commands/project/index.ts';
import { portfolioProjection } from '../../projections/portfolio/index.ts';
import { testId } from '../commands/spec.ts';
import { ID, P1, P2, planned, started } from '../commands/project/fixtures.ts';
import { eventLog, projectionSpec } from './spec.ts';

const stream = `project-${ID}`;
const milestone = (milestoneId: string, date: string, planned: boolean): ProjectEvent => ({
  type: 'MilestoneRecorded',
  data: { projectId: ID, date, milestoneId, title: planned ? 'First cohort trained' : 'Website live', planned },
});

const row = {
  id: ID,
  title: 'Port logistics training',
  sector: 'port_logistics',
  partnershipIds: [P1, P2],
  leadOffice: '370200',
  leadOfficeCity: '370200',
  plannedOn: '2024-01-10',
  plannedStart: '2024-07-01',
  plannedEnd: '2025-06-30',
  budget: { amount: 500000, currency: 'CNY' },
  cancelledOn: null,
  updatedAt: '2024-06-15T02:00:00.000Z',
};

t.test(
  'a project planned, started, with a planned and an unplanned milestone, then completed',
  projectionSpec(portfolioProjection)
    .given(
      eventLog().append(stream, [
        planned,
        started('2024-02-01'),
        milestone(testId(1), '2024-03-01', true),
        milestone('unplanned', '2024-03-05', false),
        { type: 'ProjectCompleted', data: { projectId: ID, date: '2024-04-01', summary: 'done' } },
      ]).events,
    )
    .then({
      projects: {
        [ID]: {
          ...row,
          status: 'completed',
          statusSince: '2024-04-01',
          milestones: [
            { milestoneId: testId(1), title: 'First cohort trained', dueDate: '2024-10-01', recordedOn: '2024-03-01' },
            { milestoneId: 'unplanned', title: 'Website live', dueDate: null, recordedOn: '2024-03-05' },
          ],
          startedOn: '2024-02-01',
          completedOn: '2024-04-01',
          revision: 4,
        },
      },
    }),
);

t.test(
  'a cancelled project keeps its plan',
  projectionSpec(portfolioProjection)
    .given(
      eventLog().append(stream, [planned, { type: 'ProjectCancelled', data: { projectId: ID, date: '2024-01-20', reason: 'no funding' } }])
        .events,
    )
    .then({
      projects: {
        [ID]: {
          ...row,
          status: 'cancelled',
          statusSince: '2024-01-20',
          milestones: [{ milestoneId: testId(1), title: 'First cohort trained', dueDate: '2024-10-01', recordedOn: null }],
          startedOn: null,
          completedOn: null,
          cancelledOn: '2024-01-20',
          revision: 1,
        },
      },
    }),
);

t.test(
  'a stray event before planning creates nothing',
  projectionSpec(portfolioProjection).given(eventLog().append(stream, [started()]).events).then({ projects: {} }),
);
