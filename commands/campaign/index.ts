import type { Decider } from '../decider.ts';
import type { CampaignCommand } from './commands.ts';
import { decide } from './decide.ts';
import type { CampaignEvent } from './events.ts';
import { type CampaignState, evolve, initialState } from './state.ts';

export const campaignDecider: Decider<CampaignCommand, CampaignState, CampaignEvent> = {
  name: 'campaign',
  initialState,
  evolve,
  decide,
};

export const campaignStream = (id: string): string => `campaign-${id}`;

export * from './commands.ts';
export type * from './events.ts';
export { type Campaign, CAMPAIGN_STATUSES, type CampaignState, type CampaignStatus } from './state.ts';
