import type { Decider } from '../decider.ts';
import type { ProjectCommand } from './commands.ts';
import { decide } from './decide.ts';
import type { ProjectEvent } from './events.ts';
import { evolve, initialState, type ProjectState } from './state.ts';

export const projectDecider: Decider<ProjectCommand, ProjectState, ProjectEvent> = {
  name: 'project',
  initialState,
  evolve,
  decide,
};

export const projectStream = (id: string): string => `project-${id}`;

export * from './commands.ts';
export { PROJECT_TRANSITIONS } from './decide.ts';
export type * from './events.ts';
export { PROJECT_STATUSES, type Project, type ProjectMilestone, type ProjectState, type ProjectStatus } from './state.ts';
