import type { CampaignEventType } from '../../commands/campaign/index.ts';
import type { Projection } from '../projection.ts';
import { appendToStreamDoc } from '../shared/stream-docs.ts';
import { CAMPAIGNS, campaignsView, type CampaignsView } from './view.ts';

/** A Record, not a list, so a new campaign event type fails to compile until it is handled here. */
const HANDLED: Record<CampaignEventType, true> = {
  CampaignLaunched: true,
  PartnershipEnrolled: true,
  CampaignTargetSet: true,
  CampaignClosed: true,
};

/** Campaigns: one document per campaign, its events in order. */
export const campaignsProjection: Projection<CampaignsView> = {
  name: 'campaigns',
  version: 2,
  collections: [CAMPAIGNS],
  handles: new Set(Object.keys(HANDLED)),
  touches: (event) => [[CAMPAIGNS, String(event.data.campaignId)]],
  apply: (event, docs) => appendToStreamDoc(docs, CAMPAIGNS, String(event.data.campaignId), event, 'CampaignLaunched'),
  view: campaignsView,
};
