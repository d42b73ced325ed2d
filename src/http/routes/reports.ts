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
import { languageOf } from '../language.ts';
import { attachment, quarterlyFileName, quarterlyPresentation } from '../report-sheets.ts';
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
        description:
          'CSV and XLSX exports read in the caller’s language (Chinese by default): a title, office and period above ' +
          'labelled headers, one row per office, a totals row; the XLSX header is frozen and filtered. ' +
          '`columns=codes` gives the plain layout office tools parse: the field names as headers, rows only.',
        querystring: QuarterParams.extend({
          format: z.enum(['json', 'csv', 'xlsx']).default('json'),
          columns: z
            .enum(['labels', 'codes'])
            .default('labels')
            .describe('Exports: labelled headers with title and totals rows (default), or field names and rows only'),
          ...TimeTravel,
        }),
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
      const { format, columns, asOf, knownAt, minPosition, ...query } = request.query;
      const { views } = await readAt(services, { asOf, knownAt, minPosition });
      const report = quarterlyReport(views, { ...query, quarter: query.quarter as Quarter });
      if (format === 'json') return report;
      const language = languageOf(request);
      const presentation = columns === 'labels' ? quarterlyPresentation(report, query.office, language) : undefined;
      const ascii = `quarterly-report-${query.year}-q${query.quarter}${query.office ? `-${query.office}` : ''}`;
      const name = columns === 'labels' ? quarterlyFileName(report, query.office, language) : ascii;
      if (format === 'csv') {
        // The byte-order mark makes Excel read the Chinese names as UTF-8.
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', attachment(`${ascii}.csv`, `${name}.csv`))
          .send(`\ufeff${quarterlyReportCsv(report, presentation)}`);
      }
      // A workbook is bytes, not JSON: sent as it is, past the JSON response schema.
      return (reply as FastifyReply)
        .type(XLSX)
        .header('content-disposition', attachment(`${ascii}.xlsx`, `${name}.xlsx`))
        .send(await quarterlyReportWorkbook(report, presentation));
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
