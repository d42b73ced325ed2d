/** The quarterly report system over HTTP: submissions, the report and its exports, and who has submitted. */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { quarterlyReportId, reportCommandSchemas, reportDecider, reportStream, type Quarter } from '../../../commands/report/index.ts';
import {
  QuarterParams,
  QuarterlyReportAnswer,
  SubmissionsAnswer,
  quarterlyReport,
  quarterlyReportCsv,
  quarterlyReportWorkbook,
  submissionStatus,
} from '../../../projections/index.ts';
import { type CommandRoute, registerCommandRoutes } from '../command-route.ts';
import { readProblems } from '../schemas.ts';
import type { RouteServices } from '../services.ts';
import { readAt, TimeTravel } from '../time-travel.ts';

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
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/reports/quarterly',
    {
      config: { access: 'read' },
      schema: {
        summary: 'Quarterly report per office: proposals, signings, activities by type, outcomes, projects, reactivations',
        tags: ['reports'],
        querystring: QuarterParams.extend({ format: z.enum(['json', 'csv', 'xlsx']).default('json'), ...TimeTravel }),
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
      const { format, asOf, knownAt, minPosition, ...query } = request.query;
      const { views } = await readAt(services, { asOf, knownAt, minPosition });
      const report = quarterlyReport(views, { ...query, quarter: query.quarter as Quarter });
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
        querystring: QuarterParams.omit({ office: true }).extend(TimeTravel),
        response: { 200: SubmissionsAnswer, ...readProblems },
      },
    },
    async (request) => {
      const { asOf, knownAt, minPosition, ...quarter } = request.query;
      const { views, day } = await readAt(services, { asOf, knownAt, minPosition });
      return submissionStatus(views.reports, { ...quarter, quarter: quarter.quarter as Quarter, day });
    },
  );
};
