/**
 * The dashboards: overview, pipeline, project portfolio, campaign progress,
 * evaluation, dormancy, the activity timeline, and the series. Each reads
 * the views as of the day asked (`asOf`, today by default) and as the
 * ledger knew them (`knownAt`, now by default) and hands them to a pure query.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CampaignProgressAnswer,
  CampaignProgressParams,
  DormancyAnswer,
  DormancyParams,
  EvaluationAnswer,
  EvaluationParams,
  OverviewAnswer,
  OverviewSeriesAnswer,
  PipelineAnswer,
  PipelineSeriesAnswer,
  PortfolioAnswer,
  PortfolioParams,
  PortfolioSeriesAnswer,
  SeriesParams,
  TimelineAnswer,
  TimelineParams,
  activityTimeline,
  campaignProgress,
  dormancyIndicator,
  evaluate,
  overview,
  overviewSeries,
  pipeline,
  pipelineSeries,
  portfolio,
  portfolioSeries,
} from '../../../projections/index.ts';
import { apiError } from '../../errors.ts';
import { withDetails } from '../activity-details.ts';
import { labelsFor, withLabels } from '../labels.ts';
import { languageOf } from '../language.ts';
import { readAnswerRoute } from '../answer-cache.ts';
import { IdParams, readProblems } from '../schemas.ts';
import type { RouteServices } from '../services.ts';
import { readAt, TimeTravel } from '../time-travel.ts';

const tags = ['dashboards'];
const NoParams = z.strictObject({});

/** The vocabularies whose codes each dashboard shows; their labels come with the answer. */
const SHOWN = {
  overview: ['partnershipKind', 'partnershipStatus', 'continent', 'countryGroup'],
  pipeline: ['partnershipStatus', 'partnershipKind'],
  projects: ['projectStatus', 'projectSector', 'projectMissedDate'],
  evaluation: ['atRiskReason'],
  timeline: ['activityType', 'activityDirection'],
  campaign: ['campaignStatus', 'campaignMetric'],
} as const;

/** The answers of the dashboards that show codes, with their labels: what the routes declare and send. */
export const LabelledAnswers = {
  overview: withLabels(OverviewAnswer, SHOWN.overview),
  pipeline: withLabels(PipelineAnswer, SHOWN.pipeline),
  projects: withLabels(PortfolioAnswer, SHOWN.projects),
  timeline: withLabels(TimelineAnswer, SHOWN.timeline),
  evaluation: withLabels(EvaluationAnswer, SHOWN.evaluation),
  campaign: withLabels(CampaignProgressAnswer, SHOWN.campaign),
};

export const dashboardRoutes: FastifyPluginAsync<RouteServices> = async (app, services) => {
  const { standards, dormancyMonths } = services;
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const schema = <Q extends z.ZodType, A extends z.ZodType>(summary: string, querystring: Q, answer: A) => readAnswerRoute(summary, tags, querystring, answer);

  typed.get(
    '/dashboards/overview',
    schema(
      'Totals of relationships by kind, status, country, continent, group, office, year',
      NoParams.extend(TimeTravel),
      LabelledAnswers.overview,
    ),
    async (request) => {
      const { views, day } = await readAt(services, request.query);
      return { ...overview(views, { day }), labels: labelsFor(SHOWN.overview, languageOf(request)) };
    },
  );

  typed.get(
    '/dashboards/overview/series',
    schema('The headline figures at the end of each year, quarter or month (the growth chart)', SeriesParams.extend(TimeTravel), OverviewSeriesAnswer),
    async (request) => {
      const { from, to, step, ...time } = request.query;
      const { views, day } = await readAt(services, time);
      return overviewSeries(views, { from, to: to ?? day, step });
    },
  );

  typed.get(
    '/dashboards/pipeline',
    schema('Candidate pipeline: stage and days in stage', NoParams.extend(TimeTravel), LabelledAnswers.pipeline),
    async (request) => {
      const { views, day } = await readAt(services, request.query);
      return { ...pipeline(views.register, { day }), labels: labelsFor(SHOWN.pipeline, languageOf(request)) };
    },
  );

  typed.get(
    '/dashboards/pipeline/series',
    schema('The pipeline by stage at the end of each year, quarter or month', SeriesParams.extend(TimeTravel), PipelineSeriesAnswer),
    async (request) => {
      const { from, to, step, ...time } = request.query;
      const { views, day } = await readAt(services, time);
      return pipelineSeries(views, { from, to: to ?? day, step });
    },
  );

  typed.get(
    '/dashboards/projects',
    schema('Project portfolio: by status, sector, office; overdue', PortfolioParams.extend(TimeTravel), LabelledAnswers.projects),
    async (request) => {
      const { asOf, knownAt, minPosition, ...query } = request.query;
      const { views, day } = await readAt(services, { asOf, knownAt, minPosition });
      return { ...portfolio(views.portfolio, { ...query, day }), labels: labelsFor(SHOWN.projects, languageOf(request)) };
    },
  );

  typed.get(
    '/dashboards/projects/series',
    schema('The project portfolio by status at the end of each year, quarter or month', SeriesParams.extend(TimeTravel), PortfolioSeriesAnswer),
    async (request) => {
      const { from, to, step, ...time } = request.query;
      const { views, day } = await readAt(services, time);
      return portfolioSeries(views, { from, to: to ?? day, step });
    },
  );

  typed.get(
    '/dashboards/dormancy',
    schema('Active partnerships with no activity for a period', DormancyParams.extend(TimeTravel), DormancyAnswer),
    async (request) => {
      const { months, ...time } = request.query;
      const { views, day } = await readAt(services, time);
      return dormancyIndicator(views.register, { day, months: months ?? dormancyMonths });
    },
  );

  typed.get('/dashboards/timeline', schema('Activity timeline', TimelineParams.extend(TimeTravel), LabelledAnswers.timeline), async (request) => {
    const { asOf, knownAt, minPosition, ...query } = request.query;
    const { views, day } = await readAt(services, { asOf, knownAt, minPosition });
    const { items, ...page } = activityTimeline(views.register, { ...query, day });
    return { ...page, items: await withDetails(services.store, items, day), labels: labelsFor(SHOWN.timeline, languageOf(request)) };
  });

  typed.get(
    '/dashboards/evaluation',
    schema('Evaluation scores per partnership and office; the at-risk list', EvaluationParams.extend(TimeTravel), LabelledAnswers.evaluation),
    async (request) => {
      const { office, ...time } = request.query;
      const { views, day } = await readAt(services, time);
      return { ...evaluate(views, standards, { day, office }), labels: labelsFor(SHOWN.evaluation, languageOf(request)) };
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
        querystring: CampaignProgressParams.extend(TimeTravel),
        response: { 200: LabelledAnswers.campaign, ...readProblems },
      },
    },
    async (request) => {
      const { creditedOnly, ...time } = request.query;
      const { views, day } = await readAt(services, time);
      const progress = campaignProgress(views, request.params.id, { day, creditedOnly });
      if (progress === undefined) throw apiError('not-found', `No campaign ${request.params.id} launched by ${day}.`, { values: { aggregate: 'campaign', id: request.params.id } });
      return { ...progress, labels: labelsFor(SHOWN.campaign, languageOf(request)) };
    },
  );
};
