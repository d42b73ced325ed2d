import type { ProjectEventType } from '../../commands/project/index.ts';
import { streamDocProjection } from '../shared/stream-docs.ts';
import { portfolioView, PROJECTS } from './view.ts';

const HANDLED: Record<ProjectEventType, true> = {
  ProjectPlanned: true,
  ProjectStarted: true,
  MilestoneRecorded: true,
  ProjectCompleted: true,
  ProjectCancelled: true,
};

/** The project portfolio: one document per cooperation project, its events in order. */
export const portfolioProjection = streamDocProjection({
  name: 'portfolio',
  version: 2,
  collection: PROJECTS,
  handled: HANDLED,
  idField: 'projectId',
  creates: 'ProjectPlanned',
  view: portfolioView,
});
