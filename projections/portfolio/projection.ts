import type { ProjectEventType } from '../../commands/project/index.ts';
import type { Projection } from '../projection.ts';
import { appendToStreamDoc } from '../shared/stream-docs.ts';
import { portfolioView, PROJECTS, type PortfolioView } from './view.ts';

/** A Record, not a list, so a new project event type fails to compile until it is handled here. */
const HANDLED: Record<ProjectEventType, true> = {
  ProjectPlanned: true,
  ProjectStarted: true,
  MilestoneRecorded: true,
  ProjectCompleted: true,
  ProjectCancelled: true,
};

/** The project portfolio: one document per cooperation project, its events in order. */
export const portfolioProjection: Projection<PortfolioView> = {
  name: 'portfolio',
  version: 2,
  collections: [PROJECTS],
  handles: new Set(Object.keys(HANDLED)),
  touches: (event) => [[PROJECTS, String(event.data.projectId)]],
  apply: (event, docs) => appendToStreamDoc(docs, PROJECTS, String(event.data.projectId), event, 'ProjectPlanned'),
  view: portfolioView,
};
