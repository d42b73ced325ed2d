/** The quarterly report system over HTTP: submissions, the report and its exports, and who has submitted. */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { quarterlyReportId, reportCommandSchemas, reportDecider, reportStream, type Quarter } from '../../../commands/report/index.ts';
import {
  ACTIVITIES,
  PARTNERSHIPS,
  PROJECTS,
  QuarterParams,
  QuarterlyReportAnswer,
  SUBMISSIONS,
  SubmissionsAnswer,
  quarterlyReport,
  quarterlyReportCsv,
  quarterlyReportWorkbook,
  submissionStatus,
  type ActivityDoc,
  type PartnershipRow,
  type ProjectRow,
  type SubmissionDoc,
} from '../../../projections/index.ts';
import { type CommandRoute, registerCommandRoutes } from '../command-route.ts';
import { awaitMinPosition, documents } from '../read-models.ts';
import { MinPosition, readProblems } from '../schemas.ts';
import type { RouteServices } from '../services.ts';

/** Offices submit their quarterly report; the id is the office and quarter, so a resubmission lands on the same stream. */
export const REPORT_COMMANDS: readonly CommandRoute[] = [
  {
    url: '/reports/quarterly',
    command: 'SubmitQuarterlyReport',
    body: reportCommandSchemas.SubmitQuarterlyReport,
    creates: true,
    idOf: (body) => quarterlyReportId(body.office as string, body.year as number, body.quarter as number),
    ownerOf: (command) => command.data.office as string,
    decider: reportDecider,
    stream: reportStream,
    summary: 'Submit (or correct) an office’s quarterly report',
    tag: 'reports',
  },
];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const reportRoutes: FastifyPluginAsync<RouteServices> = async (app, services) => {
  registerCommandRoutes(app, services, REPORT_COMMANDS);
  const { readSide, minPositionWaitMs } = services;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/reports/quarterly',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Quarterly report per office: proposals, signings, activities by type, outcomes, projects, reactivations',
        tags: ['reports'],
        querystring: QuarterParams.extend({ format: z.enum(['json', 'csv', 'xlsx']).default('json'), ...MinPosition }),
        response: {
          200: {
            description: 'The report (JSON) or its export (CSV, XLSX)',
            content: {
              'application/json': { schema: QuarterlyReportAnswer },
              'text/csv': { schema: z.string() },
              [XLSX]: { schema: z.string().describe('An XLSX workbook') },
            },
          },
          ...readProblems,
        },
      },
    },
    async (request, reply) => {
      const { format, minPosition, ...query } = request.query;
      await awaitMinPosition(readSide, { minPosition }, minPositionWaitMs);
      const [rows, activities, projects] = await Promise.all([
        documents<PartnershipRow>(readSide, 'register', PARTNERSHIPS),
        documents<ActivityDoc>(readSide, 'register', ACTIVITIES),
        documents<ProjectRow>(readSide, 'portfolio', PROJECTS),
      ]);
      const report = quarterlyReport(rows, activities, projects, { ...query, quarter: query.quarter as Quarter });
      const name = `quarterly-report-${query.year}-q${query.quarter}${query.office ? `-${query.office}` : ''}`;
      if (format === 'csv') {
        // The byte-order mark makes Excel read the Chinese names as UTF-8.
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(`\ufeff${quarterlyReportCsv(report)}`);
      }
      if (format === 'xlsx') {
        // A workbook is bytes, not JSON: sent as it is, past the JSON response schema.
        return (reply as FastifyReply)
          .type(XLSX)
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(await quarterlyReportWorkbook(report));
      }
      return report;
    },
  );

  typed.get(
    '/reports/submissions',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Which offices have submitted their quarterly report, and which have not',
        tags: ['reports'],
        querystring: QuarterParams.omit({ office: true }).extend(MinPosition),
        response: { 200: SubmissionsAnswer, ...readProblems },
      },
    },
    async (request) => {
      const { minPosition, ...quarter } = request.query;
      await awaitMinPosition(readSide, { minPosition }, minPositionWaitMs);
      const submissions = await documents<SubmissionDoc>(readSide, 'reports', SUBMISSIONS);
      return submissionStatus(submissions, { ...quarter, quarter: quarter.quarter as Quarter });
    },
  );
};
