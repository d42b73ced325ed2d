import { unreachable } from '../shared/errors.ts';
import type { ProjectSector } from './commands.ts';
import type { Budget, ProjectEvent, ProjectPlanned } from './events.ts';

export const PROJECT_STATUSES = ['planned', 'started', 'completed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface ProjectMilestone {
  milestoneId: string;
  title: string;
  /** Null for a milestone that was not planned but recorded as it happened. */
  dueDate: string | null;
  recordedOn: string | null;
}

export interface Project {
  id: string;
  status: ProjectStatus;
  /** The day the current status began; later facts may not predate it. */
  statusSince: string;
  title: string;
  sector: ProjectSector;
  partnershipIds: string[];
  leadOffice: string;
  leadOfficeCity: string;
  plannedOn: string;
  plannedStart: string;
  plannedEnd: string;
  budget: Budget | null;
  milestones: ProjectMilestone[];
  startedOn: string | null;
  completedOn: string | null;
  cancelledOn: string | null;
}

export type ProjectState = { status: 'none' } | Project;

export const initialState: ProjectState = { status: 'none' };

function planned({ data }: ProjectPlanned): Project {
  return {
    id: data.projectId,
    status: 'planned',
    statusSince: data.date,
    title: data.title,
    sector: data.sector,
    partnershipIds: data.partnershipIds,
    leadOffice: data.leadOffice,
    leadOfficeCity: data.leadOfficeCity,
    plannedOn: data.date,
    plannedStart: data.plannedStart,
    plannedEnd: data.plannedEnd,
    budget: data.budget ?? null,
    milestones: data.milestones.map((m) => ({ ...m, recordedOn: null })),
    startedOn: null,
    completedOn: null,
    cancelledOn: null,
  };
}

export function evolve(state: ProjectState, event: ProjectEvent): ProjectState {
  if (event.type === 'ProjectPlanned') return planned(event);
  // Only planning brings a project into being; anything else on an empty stream is ignored.
  if (state.status === 'none') return state;
  const { date } = event.data;
  switch (event.type) {
    case 'ProjectStarted':
      return { ...state, status: 'started', statusSince: date, startedOn: date };
    case 'MilestoneRecorded': {
      const { milestoneId, title } = event.data;
      const known = state.milestones.some((m) => m.milestoneId === milestoneId);
      const milestones = known
        ? state.milestones.map((m) => (m.milestoneId === milestoneId ? { ...m, recordedOn: date } : m))
        : [...state.milestones, { milestoneId, title, dueDate: null, recordedOn: date }];
      return { ...state, milestones };
    }
    case 'ProjectCompleted':
      return { ...state, status: 'completed', statusSince: date, completedOn: date };
    case 'ProjectCancelled':
      return { ...state, status: 'cancelled', statusSince: date, cancelledOn: date };
    default:
      return unreachable(event);
  }
}
