import type { DomainEvent } from '../decider.ts';
import type { CampaignMetric, CampaignTargets } from './commands.ts';

/** Every campaign fact carries the campaign id and the day it happened. */
type Fact = {
  campaignId: string;
  date: string;
  notes?: string;
};

export type CampaignLaunched = DomainEvent<
  'CampaignLaunched',
  Fact & { name: string; startsOn: string; endsOn: string; targets: CampaignTargets }
>;
export type PartnershipEnrolled = DomainEvent<'PartnershipEnrolled', Fact & { partnershipId: string }>;
export type CampaignTargetSet = DomainEvent<
  'CampaignTargetSet',
  Fact & {
    metric: CampaignMetric;
    value: number;
    /** The target it replaces, when there was one. */
    previous?: number;
  }
>;
export type CampaignClosed = DomainEvent<'CampaignClosed', Fact & { summary?: string }>;

export type CampaignEvent = CampaignLaunched | PartnershipEnrolled | CampaignTargetSet | CampaignClosed;

export type CampaignEventType = CampaignEvent['type'];
