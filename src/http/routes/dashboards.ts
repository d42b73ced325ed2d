/**
 * The dashboards: overview, pipeline, project portfolio, campaign progress,
 * evaluation, dormancy and the activity timeline. Each route loads the
 * documents its query needs from the read models and hands them to a pure
 * query with today's date in China.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chinaToday } from '../../../commands/shared/dates.ts';
import {
  ACTIVITIES,
  CAMPAIGNS,
  CampaignProgressAnswer,
  CampaignProgressParams,
  DormancyAnswer,
  DormancyParams,
  EvaluationAnswer,
  EvaluationParams,
  OverviewAnswer,
  PARTNERSHIPS,
  PipelineAnswer,
  PortfolioAnswer,
  PortfolioParams,
  PROJECTS,
  TimelineAnswer,
  TimelineParams,
  activityTimeline,
  campaignProgress,
  dormancyIndicator,
  evaluate,
  overview,
  pipeline,
  portfolio,
  type ActivityDoc,
  type CampaignDoc,
  type PartnershipRow,
  type ProjectRow,
} from '../../../projections/index.ts';
import { apiError } from '../../errors.ts';
import { awaitMinPosition, documents } from '../read-models.ts';
import { IdParams, MinPosition, readProblems } from '../schemas.ts';
import type { RouteServices } from '../services.ts';

const tags = ['dashboards'];
const NoParams = z.strictObject({});


export const dashboardRoutes: FastifyPluginAsync<RouteServices> = async (app, services) => {
  const { readSide, standard, dormancyMonths } = services;
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const wait = (query: { minPosition?: string | undefined }) => awaitMinPosition(readSide, query, services.minPositionWaitMs);
  const today = () => chinaToday(services.clock());
  const partnerships = () => documents<PartnershipRow>(readSide, 'register', PARTNERSHIPS);
  const activities = () => documents<ActivityDoc>(readSide, 'register', ACTIVITIES);
  const projects = () => documents<ProjectRow>(readSide, 'portfolio', PROJECTS);
  const schema = <Q extends z.ZodType, A extends z.ZodType>(summary: string, querystring: Q, answer: A) => ({
    config: { access: 'read' as const },
    schema: { summary, tags, querystring, response: { 200: answer, ...readProblems } },
  });

  typed.get(
    '/dashboards/overview',
    schema('Totals of relationships by kind, status, country, continent, group, office, year', NoParams.extend(MinPosition), OverviewAnswer),
    async (request) => {
      await wait(request.query);
      return overview(await partnerships(), { today: today(), dormancyMonths });
    },
  );

  typed.get('/dashboards/pipeline', schema('Candidate pipeline: stage and days in stage', NoParams.extend(MinPosition), PipelineAnswer), async (request) => {
    await wait(request.query);
    return pipeline(await partnerships(), { today: today() });
  });

  typed.get(
    '/dashboards/projects',
    schema('Project portfolio: by status, sector, office; overdue', PortfolioParams.extend(MinPosition), PortfolioAnswer),
    async (request) => {
      const { minPosition, ...query } = request.query;
      await wait({ minPosition });
      return portfolio(await projects(), { ...query, today: today() });
    },
  );

  typed.get(
    '/dashboards/dormancy',
    schema('Active partnerships with no activity for a period', DormancyParams.extend(MinPosition), DormancyAnswer),
    async (request) => {
      const { minPosition, months } = request.query;
      await wait({ minPosition });
      return dormancyIndicator(await partnerships(), { today: today(), months: months ?? dormancyMonths });
    },
  );

  typed.get('/dashboards/timeline', schema('Activity timeline', TimelineParams.extend(MinPosition), TimelineAnswer), async (request) => {
    const { minPosition, ...query } = request.query;
    await wait({ minPosition });
    return activityTimeline(await activities(), query);
  });

  typed.get(
    '/dashboards/evaluation',
    schema('Evaluation scores per partnership and office; the at-risk list', EvaluationParams.extend(MinPosition), EvaluationAnswer),
    async (request) => {
      const { minPosition, office } = request.query;
      await wait({ minPosition });
      const [rows, acts, projs] = await Promise.all([partnerships(), activities(), projects()]);
      return evaluate(rows, acts, projs, standard, { today: today(), ...(office ? { office } : {}) });
    },
  );

  typed.get(
    '/dashboards/campaigns/:id',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Campaign progress: targets against actuals; dormant and reactivated partnerships',
        tags,
        params: IdParams,
        querystring: CampaignProgressParams.extend(MinPosition),
        response: { 200: CampaignProgressAnswer, ...readProblems },
      },
    },
    async (request) => {
      const { minPosition, creditedOnly } = request.query;
      await wait({ minPosition });
      const campaign = (await readSide.readModels.get('campaigns', CAMPAIGNS, request.params.id)) as CampaignDoc | undefined;
      if (!campaign) throw apiError('not-found', `No campaign ${request.params.id}.`);
      const [rows, acts, projs] = await Promise.all([partnerships(), activities(), projects()]);
      return campaignProgress(campaign, rows, acts, projs, { today: today(), ...(creditedOnly !== undefined ? { creditedOnly } : {}) });
    },
  );
};
