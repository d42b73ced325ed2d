import type { CampaignCommand } from '../../commands/campaign/index.ts';
import { PROVINCE_CODE } from '../../commands/shared/divisions.ts';
import { CAMPAIGN_ID, CAMPAIGN_LAUNCH, type PartnershipPlan } from './partnerships.ts';
import { PROJECT_COUNTS, TARGETS } from './plan.ts';

export type CampaignBody = CampaignCommand extends infer C ? (C extends unknown ? Omit<C, 'id'> : never) : never;

export interface CampaignPlan {
  key: string;
  id: string;
  office: string;
  entries: { date: string; body: CampaignBody }[];
}

/**
 * The province's 激活友城专项行动, launched in March 2021 and still running on
 * the demo's day. Its reserve and project targets are the published
 * figures; dormant partnerships were enrolled in the weeks after the launch.
 */
export function buildCampaign(partnerships: readonly PartnershipPlan[]): CampaignPlan {
  const enrolled = partnerships
    .filter((p): p is PartnershipPlan & { enrolledOn: string } => p.enrolledOn !== undefined)
    .sort((a, b) => (a.enrolledOn === b.enrolledOn ? a.key.localeCompare(b.key) : a.enrolledOn < b.enrolledOn ? -1 : 1));
  return {
    key: 'campaign/activate-friendship-cities-2021',
    id: CAMPAIGN_ID,
    office: PROVINCE_CODE,
    entries: [
      {
        date: CAMPAIGN_LAUNCH,
        body: {
          type: 'LaunchCampaign',
          data: {
            name: 'Activate Friendship Cities (激活友城专项行动)',
            startsOn: CAMPAIGN_LAUNCH,
            endsOn: '2022-12-31',
            targets: {
              reservePairs: TARGETS.pipeline,
              plannedProjects: PROJECT_COUNTS.planned,
              reactivations: 40,
              activities: 300,
              newAgreements: TARGETS.signedIn2021,
            },
            notes: 'Demo data.',
          },
        },
      },
      ...enrolled.map((p) => ({
        date: p.enrolledOn,
        body: { type: 'EnrollPartnership' as const, data: { partnershipId: p.id } },
      })),
      {
        date: '2021-07-15',
        body: {
          type: 'SetCampaignTarget',
          data: { metric: 'activities', value: 360, notes: 'Raised at the mid-year review' },
        },
      },
    ],
  };
}
