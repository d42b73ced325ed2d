import { campaignCommandSchemas as bodies, campaignDecider, campaignStream } from '../../../commands/campaign/index.ts';
import type { WriteRoute } from '../write-route.ts';
import type { AggregateReads } from '../read-route.ts';

const tag = 'campaigns';
const common = { decider: campaignDecider, stream: campaignStream, tag };

export const campaignWrites: WriteRoute[] = [
  { url: '/campaigns', command: 'LaunchCampaign', body: bodies.LaunchCampaign, creates: true, summary: 'Launch a campaign' },
  { url: '/campaigns/:id/enrollments', command: 'EnrollPartnership', body: bodies.EnrollPartnership, summary: 'Enroll a partnership' },
  { url: '/campaigns/:id/targets', command: 'SetCampaignTarget', body: bodies.SetCampaignTarget, summary: 'Set a campaign target' },
  { url: '/campaigns/:id/closure', command: 'CloseCampaign', body: bodies.CloseCampaign, summary: 'Close the campaign' },
].map((route) => ({ ...common, ...route }));

export const campaignReads: AggregateReads = { base: '/campaigns', noun: 'campaign', ...common };
