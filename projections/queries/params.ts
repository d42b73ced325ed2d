import { z } from 'zod';
import { ACTIVITY_TYPES, PARTNERSHIP_KINDS, PARTNERSHIP_STATUSES } from '../../commands/partnership/index.ts';
import { PROJECT_SECTORS, PROJECT_STATUSES } from '../../commands/project/index.ts';
import { CONTINENTS, GROUP_IDS } from '../shared/country-views.ts';
import { MAX_PAGE_SIZE, REGISTER_SORTS } from './register-query.ts';

/**
 * Query-string shapes of the dashboards, so routes validate exactly what the
 * query functions accept. Numbers arrive as strings and are coerced; the
 * evaluation day is never a parameter (it is today in China).
 */

const office = () => z.string().regex(/^37\d{2}00$/, 'a city code (37CC00) or 370000').describe('Answering office: 370000 or a city code');
const year = () => z.coerce.number().int().min(1980).max(2100);

export const RegisterParams = z.strictObject({
  status: z.enum(PARTNERSHIP_STATUSES).optional(),
  kind: z.enum(PARTNERSHIP_KINDS).optional(),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code').optional(),
  continent: z.enum(CONTINENTS).optional(),
  group: z.enum(GROUP_IDS).optional(),
  office: office().optional(),
  signedYear: year().optional(),
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
