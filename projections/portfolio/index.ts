import type { Project, ProjectEvent, ProjectEventType } from '../../commands/project/index.ts';
import { evolve, initialState } from '../../commands/project/state.ts';
import type { Projection } from '../projection.ts';
import { isNew, type Plain, stamp } from '../shared/revision.ts';

/**
 * One row per cooperation project: the aggregate's state as the write side
 * folds it (statuses, dates, budget, milestones with due and recorded days).
 */
export type ProjectRow = Plain<Project> & {
  /** Revision of the last event of `project-<id>` reflected here. */
  revision: number;
  updatedAt: string;
};

export const PROJECTS = 'projects';

/** A Record, not a list, so a new project event type fails to compile until it is handled here. */
const HANDLED: Record<ProjectEventType, true> = {
  ProjectPlanned: true,
  ProjectStarted: true,
  MilestoneRecorded: true,
  ProjectCompleted: true,
  ProjectCancelled: true,
};

export const portfolioProjection: Projection = {
  name: 'portfolio',
  version: 1,
  collections: [PROJECTS],
  handles: new Set(Object.keys(HANDLED)),
  touches: (recorded) => [[PROJECTS, String(recorded.data.projectId)]],
  apply(recorded, docs) {
    // `handles` admits only project events, whose data the write side shaped.
    const event = { type: recorded.type, data: recorded.data } as ProjectEvent;
    const id = event.data.projectId;
    const row = docs.get<ProjectRow>(PROJECTS, id);
    if (!isNew(row, recorded)) return;
    const next = evolve(row ?? initialState, event);
    // Only planning creates a row; a stray event before it has nothing to attach to.
    if (next.status === 'none') return;
    docs.put(PROJECTS, id, { ...next, ...stamp(recorded) } satisfies ProjectRow);
  },
};
