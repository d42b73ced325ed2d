import { campaignCommandSchemas as bodies, campaignDecider, campaignStream } from '../../../commands/campaign/index.ts';
import { PROVINCE_CODE } from '../../../commands/shared/divisions.ts';
import type { WriteRoute } from '../write-route.ts';
import type { AggregateReads } from '../read-route.ts';

const tag = 'campaigns';
// Campaigns are the province's: only the province office (or an admin) runs them.
const common = { decider: campaignDecider, stream: campaignStream, tag, ownerOf: () => PROVINCE_CODE };

export const campaignWrites: WriteRoute[] = [
  { url: '/campaigns', command: 'LaunchCampaign', body: bodies.LaunchCampaign, creates: true, summary: 'Launch a campaign' },
  { url: '/campaigns/:id/enrollments', command: 'EnrollPartnership', body: bodies.EnrollPartnership, summary: 'Enroll a partnership' },
  { url: '/campaigns/:id/targets', command: 'SetCampaignTarget', body: bodies.SetCampaignTarget, summary: 'Set a campaign target' },
  { url: '/campaigns/:id/closure', command: 'CloseCampaign', body: bodies.CloseCampaign, summary: 'Close the campaign' },
].map((route) => ({ ...common, ...route }));

export const campaignReads: AggregateReads = { base: '/campaigns', noun: 'campaign', ...common };
