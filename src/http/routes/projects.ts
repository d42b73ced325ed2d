import { projectCommandSchemas as bodies, projectDecider, projectStream } from '../../../commands/project/index.ts';
import type { WriteRoute } from '../write-route.ts';
import type { AggregateReads } from '../read-route.ts';

const tag = 'projects';
const common = { decider: projectDecider, stream: projectStream, tag };

/** A project belongs to its lead office: from the plan, then from the state. */
const ownerOf: WriteRoute['ownerOf'] = (command, state) =>
  (command.data.leadOffice as string | undefined) ?? (state.leadOffice as string | undefined);

export const projectWrites: WriteRoute[] = [
  { url: '/projects', command: 'PlanProject', body: bodies.PlanProject, creates: true, summary: 'Plan a cooperation project' },
  { url: '/projects/:id/start', command: 'StartProject', body: bodies.StartProject, summary: 'Start a planned project' },
  { url: '/projects/:id/milestones', command: 'RecordMilestone', body: bodies.RecordMilestone, summary: 'Record a milestone reached' },
  { url: '/projects/:id/completion', command: 'CompleteProject', body: bodies.CompleteProject, summary: 'Complete the project' },
  { url: '/projects/:id/cancellation', command: 'CancelProject', body: bodies.CancelProject, summary: 'Cancel the project' },
].map((route) => ({ ...common, ownerOf, ...route }));

export const projectReads: AggregateReads = { base: '/projects', noun: 'project', ...common };
