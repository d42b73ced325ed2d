import { z } from 'zod';
import { issueCode } from '../errors.ts';
import { clientIdField, commonFields, type CommandOf, isoDate, text, uuid } from '../shared/schemas.ts';

/** What a campaign can set targets for; the campaign-progress projection measures the same things. */
export const CAMPAIGN_METRICS = [
  'reservePairs',
  'plannedProjects',
  'reactivations',
  'activities',
  'newAgreements',
] as const;
export type CampaignMetric = (typeof CAMPAIGN_METRICS)[number];

const count = () => z.int().min(0).max(1_000_000);

const CampaignTargets = z
  .strictObject({
    reservePairs: count().describe('Candidate pairs in reserve (储备意向结好友城), e.g. 168').optional(),
    plannedProjects: count().describe('Planned cooperation projects (谋划合作项目), e.g. 127').optional(),
    reactivations: count().describe('Dormant partnerships brought back to life').optional(),
    activities: count().describe('Exchange activities recorded').optional(),
    newAgreements: count().describe('Partnerships signed').optional(),
  })
  .meta({ id: 'CampaignTargets' });

export const LaunchCampaignBody = z
  .strictObject({
    ...clientIdField,
    name: text(200),
    startsOn: isoDate(),
    endsOn: isoDate().describe('On or after startsOn'),
    targets: CampaignTargets.optional(),
    ...commonFields,
  })
  .superRefine((body, ctx) => {
    if (body.endsOn < body.startsOn) {
      const message = `endsOn ${body.endsOn} is before startsOn ${body.startsOn}`;
      ctx.addIssue({ code: 'custom', message, path: ['endsOn'], params: issueCode('ends-before-start') });
    }
  })
  .meta({ id: 'LaunchCampaignBody', description: 'Launches a campaign such as 激活友城专项行动' });

export const EnrollPartnershipBody = z
  .strictObject({ partnershipId: uuid(), ...commonFields })
  .meta({ id: 'EnrollPartnershipBody', description: 'Adds a partnership to the campaign; each only once' });

export const SetCampaignTargetBody = z
  .strictObject({ metric: z.enum(CAMPAIGN_METRICS), value: count(), ...commonFields })
  .meta({ id: 'SetCampaignTargetBody', description: 'Sets or revises one target' });

export const CloseCampaignBody = z
  .strictObject({ summary: text(2000).optional(), ...commonFields })
  .meta({ id: 'CloseCampaignBody' });

/** Command type → body schema; the HTTP layer derives routes and OpenAPI from it. */
export const campaignCommandSchemas = {
  LaunchCampaign: LaunchCampaignBody,
  EnrollPartnership: EnrollPartnershipBody,
  SetCampaignTarget: SetCampaignTargetBody,
  CloseCampaign: CloseCampaignBody,
} as const;

export type CampaignCommand = CommandOf<typeof campaignCommandSchemas>;
export type CampaignCommandType = CampaignCommand['type'];
export type CampaignTargets = z.infer<typeof CampaignTargets>;
