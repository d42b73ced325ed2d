import { z } from 'zod';
import { ACTIVITY_TYPES, PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES } from '../../commands/partnership/index.ts';
import { PROJECT_SECTORS, PROJECT_STATUSES } from '../../commands/project/index.ts';
import { CONTINENTS, GROUP_IDS } from '../shared/country-views.ts';
import { MAX_PAGE_SIZE, REGISTER_SORTS } from './register-query.ts';

/**
 * Query-string shapes of the dashboards, so routes validate exactly what the
 * query functions accept. Numbers arrive as strings and are coerced. The day
 * a dashboard is read for (`asOf`) is added by the routes, with `knownAt`.
 */

const office = () => z.string().regex(/^37\d{2}00$/, 'a city code (37CC00) or 370000').describe('Answering office: 370000 or a city code');
/** Years of relationships: the People's Republic's own, from 1949; the province's first tie dates from 1979. */
const year = () => z.coerce.number().int().min(1949).max(2100);

/** Comma-separated values, each one of `values`, e.g. `status=active,dormant`. */
const oneOrMore = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1))
    .describe(`One or more of ${values.join(', ')}, comma-separated`);

export const RegisterParams = z.strictObject({
  status: oneOrMore(PARTNERSHIP_STATUSES).optional(),
  kind: oneOrMore(PARTNERSHIP_KINDS).optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code').optional(),
  continent: z.enum(CONTINENTS).optional(),
  group: z.enum(GROUP_IDS).optional(),
  office: office().optional(),
  signedYear: year().optional(),
  signedFrom: z.iso.date().optional().describe('Signed on or after this day'),
  signedTo: z.iso.date().optional().describe('Signed on or before this day'),
  text: z.string().max(200).optional(),
  sort: z.enum([...REGISTER_SORTS, ...REGISTER_SORTS.map((key) => `-${key}` as const)]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});

export const DormancyParams = z.strictObject({ months: z.coerce.number().int().min(1).max(120).optional() });

export const PortfolioParams = z.strictObject({
  status: z.enum(PROJECT_STATUSES).optional(),
  sector: z.enum(PROJECT_SECTORS).optional(),
  office: office().optional(),
});

export const CampaignProgressParams = z.strictObject({
  creditedOnly: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
});

export const QuarterParams = z.strictObject({
  year: year(),
  quarter: z.coerce.number().int().min(1).max(4),
  office: office().optional(),
});

export const EvaluationParams = z.strictObject({ office: office().optional() });

export const TimelineParams = z.strictObject({
  partnershipId: z.string().min(1).max(100).optional(),
  office: office().optional(),
  type: z.enum(ACTIVITY_TYPES).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});

export const SeriesParams = z.strictObject({
  from: z.iso.date().default('1979-01-01').describe('The first day of the first step; default 1979-01-01'),
  to: z.iso.date().optional().describe('The last day of the last step; default the day the series is read for'),
  step: z.enum(['year', 'quarter', 'month']).default('year'),
});
