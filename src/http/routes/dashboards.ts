import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ACTIVITIES,
  CAMPAIGNS,
  CampaignProgressParams,
  DormancyParams,
  EvaluationParams,
  PARTNERSHIPS,
  PROJECTS,
  PortfolioParams,
  RegisterParams,
  TimelineParams,
  activityTimeline,
  campaignProgress,
  dormancyIndicator,
  evaluate,
  overview,
  pipeline,
  portfolio,
  registerQuery,
  type ActivityDoc,
  type CampaignDoc,
  type EvaluationStandard,
  type PartnershipRow,
  type ProjectRow,
} from '../../../projections/index.ts';
import { apiError } from '../../errors.ts';
import { MinPosition, awaitMinPosition, documents, today, type ReadSide } from '../read-side.ts';
import { Problem } from '../schemas.ts';

export interface DashboardSettings {
  minPositionWaitMs: number;
  dormancyMonths: number;
  standard: EvaluationStandard;
}

const AnyJson = z.record(z.string(), z.unknown());
const readErrors = { 400: Problem, 404: Problem, 503: Problem };

/**
 * The query side: the partnership register, the project list and the
 * dashboards. Each route loads the documents its query needs from the read
 * models and hands them to a pure query with today's date.
 */
export function registerDashboardRoutes(app: FastifyInstance, readSide: ReadSide, settings: DashboardSettings) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const wait = (query: { minPosition?: string }) => awaitMinPosition(readSide, query, settings.minPositionWaitMs);
  const partnerships = () => documents<PartnershipRow>(readSide, 'register', PARTNERSHIPS);
  const activities = () => documents<ActivityDoc>(readSide, 'register', ACTIVITIES);
  const projects = () => documents<ProjectRow>(readSide, 'portfolio', PROJECTS);
  const route = (url: string, summary: string, querystring: z.ZodObject, tag = 'dashboards') => ({
    url,
    config: { access: 'read' as const },
    schema: { summary, tags: [tag], querystring: querystring.extend(MinPosition), response: { 200: AnyJson, ...readErrors } },
  });

  const register = route('/partnerships', 'The partnership register: filter, sort, page', RegisterParams, 'partnerships');
  typed.get(register.url, { config: register.config, schema: register.schema }, async (request) => {
    const { minPosition, ...query } = request.query as z.infer<typeof RegisterParams> & { minPosition?: string };
    await wait({ minPosition });
    return registerQuery(await partnerships(), { ...query, today: today() });
  });

  const projectList = route('/projects', 'Cooperation projects: filter by status, sector, office', PortfolioParams, 'projects');
  typed.get(projectList.url, { config: projectList.config, schema: projectList.schema }, async (request) => {
    const { minPosition, ...query } = request.query as z.infer<typeof PortfolioParams> & { minPosition?: string };
    await wait({ minPosition });
    const { total, items } = portfolio(await projects(), { ...query, today: today() });
    return { total, items };
  });

  const empty = z.strictObject({});
  const overviewRoute = route('/dashboards/overview', 'Totals of relationships by kind, status, country, continent, group, office, year', empty);
  typed.get(overviewRoute.url, { config: overviewRoute.config, schema: overviewRoute.schema }, async (request) => {
    await wait(request.query);
    return overview(await partnerships(), { today: today(), dormancyMonths: settings.dormancyMonths });
  });

  const pipelineRoute = route('/dashboards/pipeline', 'Candidate pipeline: stage and days in stage', empty);
  typed.get(pipelineRoute.url, { config: pipelineRoute.config, schema: pipelineRoute.schema }, async (request) => {
    await wait(request.query);
    return pipeline(await partnerships(), { today: today() });
  });

  const projectsRoute = route('/dashboards/projects', 'Project portfolio: by status, sector, office; overdue', PortfolioParams);
  typed.get(projectsRoute.url, { config: projectsRoute.config, schema: projectsRoute.schema }, async (request) => {
    const { minPosition, ...query } = request.query as z.infer<typeof PortfolioParams> & { minPosition?: string };
    await wait({ minPosition });
    return portfolio(await projects(), { ...query, today: today() });
  });

  const dormancyRoute = route('/dashboards/dormancy', 'Active partnerships with no activity for a period', DormancyParams);
  typed.get(dormancyRoute.url, { config: dormancyRoute.config, schema: dormancyRoute.schema }, async (request) => {
    const { minPosition, months } = request.query as z.infer<typeof DormancyParams> & { minPosition?: string };
    await wait({ minPosition });
    return dormancyIndicator(await partnerships(), { today: today(), months: months ?? settings.dormancyMonths });
  });

  const timelineRoute = route('/dashboards/timeline', 'Activity timeline', TimelineParams);
  typed.get(timelineRoute.url, { config: timelineRoute.config, schema: timelineRoute.schema }, async (request) => {
    const { minPosition, ...query } = request.query as z.infer<typeof TimelineParams> & { minPosition?: string };
    await wait({ minPosition });
    return activityTimeline(await activities(), query);
  });

  const evaluationRoute = route('/dashboards/evaluation', 'Evaluation scores per partnership and office; the at-risk list', EvaluationParams);
  typed.get(evaluationRoute.url, { config: evaluationRoute.config, schema: evaluationRoute.schema }, async (request) => {
    const { minPosition, office } = request.query as z.infer<typeof EvaluationParams> & { minPosition?: string };
    await wait({ minPosition });
    const [rows, acts, projs] = await Promise.all([partnerships(), activities(), projects()]);
    return evaluate(rows, acts, projs, settings.standard, { today: today(), ...(office ? { office } : {}) });
  });

  typed.get(
    '/dashboards/campaigns/:id',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Campaign progress: targets against actuals; dormant and reactivated partnerships',
        tags: ['dashboards'],
        params: z.object({ id: z.uuid() }),
        querystring: CampaignProgressParams.extend(MinPosition),
        response: { 200: AnyJson, ...readErrors },
      },
    },
    async (request) => {
      const { minPosition, creditedOnly } = request.query as z.infer<typeof CampaignProgressParams> & { minPosition?: string };
      await wait({ minPosition });
      const campaign = (await readSide.readModels.get('campaigns', CAMPAIGNS, request.params.id)) as CampaignDoc | undefined;
      if (!campaign) throw apiError('not-found', `No campaign ${request.params.id}.`);
      const [rows, acts, projs] = await Promise.all([partnerships(), activities(), projects()]);
      return campaignProgress(campaign, rows, acts, projs, { today: today(), ...(creditedOnly !== undefined ? { creditedOnly } : {}) });
    },
  );
}
