/** Project events and commands shared by the project specs. */
import type { ProjectCommand, ProjectEvent, ProjectStatus } from '../../../commands/project/index.ts';
import { testId } from '../spec.ts';

export const ID = '44444444-4444-4444-8444-444444444444';
export const P1 = '11111111-1111-4111-8111-111111111111';
export const P2 = '22222222-2222-4222-8222-222222222222';

export const planBody = {
  title: 'Port logistics training',
  sector: 'port_logistics',
  partnershipIds: [P1, P2],
  leadOffice: '370200',
  plannedStart: '2024-07-01',
  plannedEnd: '2025-06-30',
  budget: { amount: 500000, currency: 'CNY' },
  milestones: [{ title: 'First cohort trained', dueDate: '2024-10-01' }],
  date: '2024-01-10',
} satisfies Extract<ProjectCommand, { type: 'PlanProject' }>['data'];

export const planned: ProjectEvent = {
  type: 'ProjectPlanned',
  data: {
    projectId: ID,
    date: '2024-01-10',
    title: 'Port logistics training',
    sector: 'port_logistics',
    partnershipIds: [P1, P2],
    leadOffice: '370200',
    leadOfficeCity: '370200',
    plannedStart: '2024-07-01',
    plannedEnd: '2025-06-30',
    budget: { amount: 500000, currency: 'CNY' },
    milestones: [{ milestoneId: testId(1), title: 'First cohort trained', dueDate: '2024-10-01' }],
  },
};

export const started = (date = '2024-02-01'): ProjectEvent => ({ type: 'ProjectStarted', data: { projectId: ID, date } });

export const projectHistory: Record<ProjectStatus | 'none', ProjectEvent[]> = {
  none: [],
  planned: [planned],
  started: [planned, started()],
  completed: [planned, started(), { type: 'ProjectCompleted', data: { projectId: ID, date: '2024-03-01' } }],
  cancelled: [planned, { type: 'ProjectCancelled', data: { projectId: ID, date: '2024-01-20', reason: 'no funding' } }],
};

/** One valid command of each type, dated after every history above. */
export const commands = {
  PlanProject: { type: 'PlanProject', id: ID, data: planBody },
  StartProject: { type: 'StartProject', id: ID, data: { date: '2024-06-01' } },
  RecordMilestone: { type: 'RecordMilestone', id: ID, data: { title: 'Website live', date: '2024-06-01' } },
  CompleteProject: { type: 'CompleteProject', id: ID, data: { date: '2024-06-01' } },
  CancelProject: { type: 'CancelProject', id: ID, data: { reason: 'partner withdrew', date: '2024-06-01' } },
} as const satisfies { [T in ProjectCommand['type']]: Extract<ProjectCommand, { type: T }> };
