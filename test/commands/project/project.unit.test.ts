import t from 'tap';
import { projectDecider } from '../../../commands/project/index.ts';
import { fold, spec, testId, TODAY } from '../spec.ts';
import { ID, P1, planBody, planned, projectHistory, started } from './fixtures.ts';

const decider = spec(projectDecider);
const milestone = (data: { title: string; milestoneId?: string; date?: string }) =>
  ({ type: 'RecordMilestone', id: ID, data }) as const;

t.test('planning', async (t) => {
  t.test(
    'mints milestone ids and records the lead office city',
    decider.given([]).when({ type: 'PlanProject', id: ID, data: planBody }).then([planned]),
  );
  t.test(
    'a county office answers to its city; an undated plan is dated today',
    decider
      .given([])
      .when({
        type: 'PlanProject',
        id: ID,
        data: {
          title: 'Orchard twinning',
          sector: 'agriculture',
          partnershipIds: [P1, P1],
          leadOffice: '370611',
          plannedStart: '2024-09-01',
          plannedEnd: '2024-09-01',
        },
      })
      .then([
        {
          type: 'ProjectPlanned',
          data: {
            projectId: ID,
            date: TODAY,
            title: 'Orchard twinning',
            sector: 'agriculture',
            partnershipIds: [P1],
            leadOffice: '370611',
            leadOfficeCity: '370600',
            plannedStart: '2024-09-01',
            plannedEnd: '2024-09-01',
            milestones: [],
          },
        },
      ]),
  );
  const plan = (patch: Record<string, unknown>) => decider.given([]).when({
    type: 'PlanProject',
    id: ID,
    data: { ...planBody, ...patch },
  });
  t.test('Laiwu cannot lead', plan({ leadOffice: '371200' }).thenRejects('division-invalid', 'invalid'));
  t.test('the end comes after the start', plan({ plannedEnd: '2024-06-30' }).thenRejects('planned-end-before-start', 'invalid'));
  t.test('the body id must be the project id', plan({ id: P1 }).thenRejects('id-mismatch', 'invalid'));
  t.test('planning is not dated in the future', plan({ date: '2024-06-20' }).thenRejects('date-in-future', 'invalid'));
  t.test('but the planned period may lie in the future', async (t) => {
    t.equal(plan({ plannedStart: '2030-01-01', plannedEnd: '2031-01-01' }).error(), undefined);
  });
});

t.test('running', async (t) => {
  t.test(
    'start, then complete with a summary',
    decider
      .given([planned, started()])
      .when({ type: 'CompleteProject', id: ID, data: { date: '2024-05-01', summary: '120 trained' } })
      .then([{ type: 'ProjectCompleted', data: { projectId: ID, date: '2024-05-01', summary: '120 trained' } }]),
  );
  t.test(
    'cancel with a reason',
    decider
      .given([planned])
      .when({ type: 'CancelProject', id: ID, data: { reason: 'no funding', notes: 'board minutes 12' } })
      .then([
        {
          type: 'ProjectCancelled',
          data: { projectId: ID, date: TODAY, notes: 'board minutes 12', reason: 'no funding' },
        },
      ]),
  );
  t.test(
    'a start before the plan is refused',
    decider
      .given([planned])
      .when({ type: 'StartProject', id: ID, data: { date: '2024-01-09' } })
      .thenRejects('date-before-planning', 'invalid'),
  );
  t.test(
    'completion before the start is refused',
    decider
      .given([planned, started('2024-03-01')])
      .when({ type: 'CompleteProject', id: ID, data: { date: '2024-02-15' } })
      .thenRejects('date-out-of-order', 'invalid'),
  );
  t.test(
    'a project may start ahead of its planned start',
    decider.given([planned]).when({ type: 'StartProject', id: ID, data: { date: '2024-02-01' } }).then([started('2024-02-01')]),
  );
});

t.test('milestones', async (t) => {
  const running = projectHistory.started;
  t.test(
    'a planned milestone is recorded once',
    decider
      .given(running)
      .when(milestone({ title: 'First cohort trained', milestoneId: testId(1), date: '2024-05-01' }))
      .then([
        {
          type: 'MilestoneRecorded',
          data: { projectId: ID, date: '2024-05-01', milestoneId: testId(1), title: 'First cohort trained', planned: true },
        },
      ]),
  );
  const recorded = {
    type: 'MilestoneRecorded',
    data: { projectId: ID, date: '2024-05-01', milestoneId: testId(1), title: 'First cohort trained', planned: true },
  } as const;
  t.test(
    'and not twice',
    decider
      .given([...running, recorded])
      .when(milestone({ title: 'again', milestoneId: testId(1) }))
      .thenRejects('milestone-already-recorded', 'rule'),
  );
  t.test(
    'an id that is not one of the planned milestones',
    decider.given(running).when(milestone({ title: 'x', milestoneId: testId(99) })).thenRejects('unknown-milestone', 'invalid'),
  );
  t.test(
    'an unplanned milestone gets a fresh id',
    decider
      .given(running)
      .when(milestone({ title: 'Website live', date: '2024-04-01' }))
      .then([
        {
          type: 'MilestoneRecorded',
          data: { projectId: ID, date: '2024-04-01', milestoneId: testId(1), title: 'Website live', planned: false },
        },
      ]),
  );
  t.test(
    'a milestone is not dated before the start',
    decider.given(running).when(milestone({ title: 'x', date: '2024-01-15' })).thenRejects('date-out-of-order', 'invalid'),
  );
  t.test('the state tracks planned and unplanned milestones', async (t) => {
    const unplanned = {
      type: 'MilestoneRecorded',
      data: { projectId: ID, date: '2024-04-01', milestoneId: testId(7), title: 'Website live', planned: false },
    } as const;
    const state = fold(projectDecider, [...running, recorded, unplanned]);
    t.strictSame(state.status !== 'none' && state.milestones, [
      { milestoneId: testId(1), title: 'First cohort trained', dueDate: '2024-10-01', recordedOn: '2024-05-01' },
      { milestoneId: testId(7), title: 'Website live', dueDate: null, recordedOn: '2024-04-01' },
    ]);
  });
});

t.test('the state of a planned project', async (t) => {
  t.strictSame(fold(projectDecider, [planned]), {
    id: ID,
    status: 'planned',
    statusSince: '2024-01-10',
    title: 'Port logistics training',
    sector: 'port_logistics',
    partnershipIds: [P1, '22222222-2222-4222-8222-222222222222'],
    leadOffice: '370200',
    leadOfficeCity: '370200',
    plannedOn: '2024-01-10',
    plannedStart: '2024-07-01',
    plannedEnd: '2025-06-30',
    budget: { amount: 500000, currency: 'CNY' },
    milestones: [{ milestoneId: testId(1), title: 'First cohort trained', dueDate: '2024-10-01', recordedOn: null }],
    startedOn: null,
    completedOn: null,
    cancelledOn: null,
  });
});
