import { z } from 'zod';
import { issueCode } from '../errors.ts';
import { cityOf } from '../shared/divisions.ts';
import { commonFields, type CommandOf, text } from '../shared/schemas.ts';

/** The offices that report: the province (370000) and the 16 prefecture cities, not counties. */
export function isReportingOffice(code: string): boolean {
  return cityOf(code) === code;
}

const office = () =>
  z
    .string()
    .regex(/^\d{6}$/, { message: 'a 6-digit division code', abort: true })
    .refine(isReportingOffice, {
      message: 'reports come from the province (370000) or one of the 16 cities (37CC00)',
      params: issueCode('office-invalid'),
    })
    .describe('Division code of the reporting office: 370000 or one of the 16 cities');

export const SubmitQuarterlyReportBody = z
  .strictObject({
    office: office(),
    year: z.int().min(1980).max(2100),
    quarter: z.int().min(1).max(4),
    summary: text(4000).describe('The narrative part of the report').optional(),
    ...commonFields,
  })
  .meta({
    id: 'SubmitQuarterlyReportBody',
    description: 'An office submits (or corrects) its quarterly report (季度报告) once the quarter has ended',
  });

/** Command type → body schema; the HTTP layer derives routes and OpenAPI from it. */
export const reportCommandSchemas = {
  SubmitQuarterlyReport: SubmitQuarterlyReportBody,
} as const;

export type ReportCommand = CommandOf<typeof reportCommandSchemas>;
export type ReportCommandType = ReportCommand['type'];
