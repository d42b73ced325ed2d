import { z } from 'zod';
import { issueCode } from '../errors.ts';
import {
  clientIdField,
  commonFields,
  type CommandOf,
  divisionCode,
  isoDate,
  reportDuplicates,
  text,
  uuid,
} from '../shared/schemas.ts';

export const PROJECT_SECTORS = [
  'culture',
  'trade_investment',
  'education',
  'health',
  'science_technology',
  'tourism',
  'agriculture',
  'port_logistics',
  'environment',
  'urban_development',
  'youth',
  'other',
] as const;
export type ProjectSector = (typeof PROJECT_SECTORS)[number];

// ICU's list is the ISO 4217 table the runtime ships with; it avoids vendoring a copy.
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

const Budget = z
  .strictObject({
    amount: z.number().min(0).max(1e13),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { message: 'an upper-case ISO 4217 code, e.g. CNY', abort: true })
      .refine((code) => CURRENCIES.has(code), {
        message: 'not an ISO 4217 currency code',
        params: issueCode('currency-unknown'),
      }),
  })
  .meta({ id: 'Budget' });

const PlannedMilestone = z.strictObject({ title: text(300), dueDate: isoDate() }).meta({ id: 'PlannedMilestone' });

export const PlanProjectBody = z
  .strictObject({
    ...clientIdField,
    title: text(300),
    sector: z.enum(PROJECT_SECTORS),
    partnershipIds: z
      .array(uuid())
      .min(1)
      .max(50)
      .superRefine((ids, ctx) => reportDuplicates(ids, ctx, 'partnership listed twice'))
      .describe('The partnerships the project serves'),
    leadOffice: divisionCode().describe('Division code of the office leading the project'),
    plannedStart: isoDate(),
    plannedEnd: isoDate().describe('On or after plannedStart'),
    budget: Budget.optional(),
    milestones: z.array(PlannedMilestone).max(100).optional(),
    ...commonFields,
  })
  .superRefine((body, ctx) => {
    if (body.plannedEnd < body.plannedStart) {
      const message = `plannedEnd ${body.plannedEnd} is before plannedStart ${body.plannedStart}`;
      ctx.addIssue({ code: 'custom', message, path: ['plannedEnd'], params: issueCode('planned-end-before-start') });
    }
  })
  .meta({ id: 'PlanProjectBody', description: 'Plans a cooperation project (谋划合作项目)' });

export const StartProjectBody = z.strictObject({ ...commonFields }).meta({ id: 'StartProjectBody' });

export const RecordMilestoneBody = z
  .strictObject({
    title: text(300),
    milestoneId: uuid().describe('One of the planned milestones; omit for an unplanned one').optional(),
    ...commonFields,
  })
  .meta({ id: 'RecordMilestoneBody', description: 'A milestone reached while the project runs' });

export const CompleteProjectBody = z
  .strictObject({ summary: text(2000).optional(), ...commonFields })
  .meta({ id: 'CompleteProjectBody' });

export const CancelProjectBody = z
  .strictObject({ reason: text(1000), ...commonFields })
  .meta({ id: 'CancelProjectBody' });

/** Command type → body schema; the HTTP layer derives routes and OpenAPI from it. */
export const projectCommandSchemas = {
  PlanProject: PlanProjectBody,
  StartProject: StartProjectBody,
  RecordMilestone: RecordMilestoneBody,
  CompleteProject: CompleteProjectBody,
  CancelProject: CancelProjectBody,
} as const;

export type ProjectCommand = CommandOf<typeof projectCommandSchemas>;
export type ProjectCommandType = ProjectCommand['type'];
