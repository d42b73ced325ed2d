/** Everything about cooperation projects over HTTP: the commands, the state and history of one, and the list. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Partnership, type PartnershipState, partnershipDecider, partnershipStream } from '../../../commands/partnership/index.ts';
import { projectCommandSchemas as bodies, projectDecider, type ProjectState, projectStream } from '../../../commands/project/index.ts';
import { requireServedPartnerships } from '../../../commands/shared/references.ts';
import { canServe } from '../../auth/policy.ts';
import { apiError } from '../../errors.ts';
import { PortfolioParams, ProjectsAnswer, projectsAt } from '../../../projections/index.ts';
import { type AggregateReads, registerAggregateReads } from '../aggregate-reads.ts';
import { type CommandRoute, type ReferenceContext, registerCommandRoutes } from '../command-route.ts';
import type { RouteServices } from '../services.ts';
import { readAnswerRoute } from '../answer-cache.ts';
import { readAt, TimeTravel } from '../time-travel.ts';

const tag = 'projects';
const common = { decider: projectDecider, stream: projectStream, tag };

/** A project belongs to its lead office: from the plan, then from the state. */
const ownerOf: CommandRoute['ownerOf'] = (command, state) =>
  (command.data.leadOffice as string | undefined) ?? (state.leadOffice as string | undefined);

/**
 * The partnerships a project serves exist, have not ended, and are the
 * writer's to serve: its own offices', or any for the province office.
 */
const servedPartnerships: CommandRoute['checkReferences'] = async (data, context) => {
  const ids = data.partnershipIds as string[];
  const states = await Promise.all(ids.map((id) => context.load(partnershipDecider, partnershipStream(id))));
  requireServedPartnerships(ids, states);
  requireServing(context, states);
};

/** Every later command on a project is held to the same rule, for the partnerships the project serves. */
const stillServed: CommandRoute['checkReferences'] = async (_data, context) => {
  const project = context.state as ProjectState;
  // An unknown project is the decider's to answer.
  if (project.status === 'none') return;
  const states = await Promise.all(project.partnershipIds.map((id) => context.load(partnershipDecider, partnershipStream(id))));
  requireServing(context, states.filter((state) => state.status !== 'none'));
};

function requireServing({ principal }: ReferenceContext, states: readonly PartnershipState[]) {
  const owners = states.map((state) => (state as Partnership).local.divisionCode);
  if (!canServe(principal, owners)) {
    const outside = owners.find((owner) => !canServe(principal, [owner])) as string;
    const detail = `The key ${principal.name} may not plan a project serving partnerships of office ${outside}; a project serving several offices is planned by the province office.`;
    throw apiError('forbidden', detail, { values: { key: principal.name, office: outside } });
  }
}

export const PROJECT_COMMANDS: readonly CommandRoute[] = [
  { url: '/projects', command: 'PlanProject', body: bodies.PlanProject, creates: true, checkReferences: servedPartnerships, summary: 'Plan a cooperation project' },
  { url: '/projects/:id/start', command: 'StartProject', body: bodies.StartProject, summary: 'Start a planned project' },
  { url: '/projects/:id/milestones', command: 'RecordMilestone', body: bodies.RecordMilestone, summary: 'Record a milestone reached' },
  { url: '/projects/:id/completion', command: 'CompleteProject', body: bodies.CompleteProject, summary: 'Complete the project' },
  { url: '/projects/:id/cancellation', command: 'CancelProject', body: bodies.CancelProject, summary: 'Cancel the project' },
].map((route) => ({ ...common, ownerOf, checkReferences: stillServed, ...route }));

const reads: AggregateReads = { base: '/projects', noun: 'project', ...common };

export const projectRoutes: FastifyPluginAsync<RouteServices> = async (app, services) => {
  registerCommandRoutes(app, services, PROJECT_COMMANDS);
  registerAggregateReads(app, services.store, reads);

  app.withTypeProvider<ZodTypeProvider>().get(
    '/projects',
    readAnswerRoute('Cooperation projects: filter by status, sector, office', [tag], PortfolioParams.extend(TimeTravel), ProjectsAnswer),
    async (request) => {
      const { asOf, knownAt, minPosition, ...query } = request.query;
      const { views, day } = await readAt(services, { asOf, knownAt, minPosition });
      const items = projectsAt(views.portfolio, { ...query, day });
      return { today: day, total: items.length, items };
    },
  );
};
