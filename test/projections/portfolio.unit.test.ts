import t from 'tap';
import type { ProjectEvent } from '../../commands/project/index.ts';
import { portfolioProjection, projectAt } from '../../projections/index.ts';
import { dayNumber } from '../../projections/shared/dates.ts';
import { testId } from '../commands/spec.ts';
import { ID, P1, P2, planned, started } from '../commands/project/fixtures.ts';
import { incrementalView, TODAY, viewOf } from './ledger.ts';
import { eventLog, projectionSpec } from './spec.ts';

const RECORDED = '2024-06-15T02:00:00.000Z';
const stream = `project-${ID}`;
const milestone = (milestoneId: string, date: string, planned: boolean): ProjectEvent => ({
  type: 'MilestoneRecorded',
  data: { projectId: ID, date, milestoneId, title: planned ? 'First cohort trained' : 'Website live', planned },
});
/** An event as a stream document keeps it. */
const kept = (revision: number, event: ProjectEvent) => ({ type: event.type, revision, recordedAt: RECORDED, actor: 'tester', data: event.data });

const completed: ProjectEvent[] = [
  planned,
  started('2024-02-01'),
  milestone(testId(1), '2024-03-01', true),
  milestone('unplanned', '2024-03-05', false),
  { type: 'ProjectCompleted', data: { projectId: ID, date: '2024-04-01', summary: 'done' } },
];
const cancelled: ProjectEvent[] = [planned, { type: 'ProjectCancelled', data: { projectId: ID, date: '2024-01-20', reason: 'no funding' } }];

/** What every state of the project has in common. */
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
  updatedAt: RECORDED,
};

t.test(
  'a project planned, started, with a planned and an unplanned milestone, then completed: its events in one document',
  projectionSpec(portfolioProjection)
    .given(eventLog().append(stream, completed).events)
    .then({ projects: { [ID]: { id: ID, revision: 4, events: completed.map((event, revision) => kept(revision, event)) } } }),
);

t.test('its view gives the project as it stands today and as it stood before', async (t) => {
  const entry = viewOf(portfolioProjection, eventLog().append(stream, completed).events).entries.get(ID);
  if (entry === undefined) throw new Error('the project is in the view');
  t.strictSame(
    projectAt(entry, dayNumber(TODAY)),
    {
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
    'today: completed, both milestones recorded',
  );
  t.strictSame(
    projectAt(entry, dayNumber('2024-03-02')),
    {
      ...row,
      status: 'started',
      statusSince: '2024-02-01',
      milestones: [{ milestoneId: testId(1), title: 'First cohort trained', dueDate: '2024-10-01', recordedOn: '2024-03-01' }],
      startedOn: '2024-02-01',
      completedOn: null,
      revision: 2,
    },
    '2024-03-02: running, the planned milestone reached',
  );
  t.equal(projectAt(entry, dayNumber('2024-01-09')), undefined, 'before it was planned there is nothing');
});

t.test(
  'a cancelled project keeps its plan',
  projectionSpec(portfolioProjection)
    .given(eventLog().append(stream, cancelled).events)
    .then({ projects: { [ID]: { id: ID, revision: 1, events: cancelled.map((event, revision) => kept(revision, event)) } } }),
);

t.test('the cancelled project as its view reads it', async (t) => {
  const entry = viewOf(portfolioProjection, eventLog().append(stream, cancelled).events).entries.get(ID);
  t.strictSame(
    entry && projectAt(entry, dayNumber(TODAY)),
    {
      ...row,
      status: 'cancelled',
      statusSince: '2024-01-20',
      milestones: [{ milestoneId: testId(1), title: 'First cohort trained', dueDate: '2024-10-01', recordedOn: null }],
      startedOn: null,
      completedOn: null,
      cancelledOn: '2024-01-20',
      revision: 1,
    },
    'cancelled, its plan and milestones kept',
  );
});

t.test(
  'events of other aggregates and a stray event before planning create nothing',
  projectionSpec(portfolioProjection)
    .given(
      eventLog()
        .append(stream, [started()])
        .append('partnership-x', [{ type: 'ContactEstablished', data: { partnershipId: 'x', date: '2024-01-01' } }]).events,
    )
    .then({ projects: {} }),
);

t.test('a view kept commit by commit equals one built in one go', async (t) => {
  const events = eventLog().append(stream, completed).append(`project-${P1}`, [{ ...planned, data: { ...planned.data, projectId: P1 } } as ProjectEvent]).events;
  const whole = viewOf(portfolioProjection, events);
  for (const batch of [1, 2]) {
    const view = incrementalView(portfolioProjection, events, batch);
    t.strictSame([...view.entries.keys()].sort(), [...whole.entries.keys()].sort(), `batches of ${batch}: the same projects`);
    for (const day of ['2024-01-31', '2024-03-02', TODAY]) {
      for (const status of ['planned', 'started', 'completed'] as const) {
        t.equal(view.counts.at('status', status, dayNumber(day)), whole.counts.at('status', status, dayNumber(day)), `batches of ${batch}: ${status} on ${day}`);
      }
      const [kept, built] = [view.entries.get(ID), whole.entries.get(ID)];
      t.strictSame(kept && projectAt(kept, dayNumber(day)), built && projectAt(built, dayNumber(day)), `batches of ${batch}: the project on ${day}`);
    }
    t.strictSame([...(view.byPartnership.get(P1) ?? [])].map((e) => e.id).sort(), [P1, ID].sort(), `batches of ${batch}: the projects serving P1`);
  }
});
