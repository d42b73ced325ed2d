import type { CampaignEventType } from '../../commands/campaign/index.ts';
import { streamDocProjection } from '../shared/stream-docs.ts';
import { CAMPAIGNS, campaignsView } from './view.ts';

const HANDLED: Record<CampaignEventType, true> = {
  CampaignLaunched: true,
  PartnershipEnrolled: true,
  CampaignTargetSet: true,
  CampaignClosed: true,
};

/** Campaigns: one document per campaign, its events in order. */
export const campaignsProjection = streamDocProjection({
  name: 'campaigns',
  version: 2,
  collection: CAMPAIGNS,
  handled: HANDLED,
  idField: 'campaignId',
  creates: 'CampaignLaunched',
  view: campaignsView,
});
