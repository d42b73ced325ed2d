/** Everything about campaigns over HTTP: the commands, the list, and the state and history of one. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { campaignList, CampaignListAnswer } from '../../../projections/index.ts';
import { campaignCommandSchemas as bodies, campaignDecider, campaignStream } from '../../../commands/campaign/index.ts';
import { PROVINCE_CODE } from '../../../commands/shared/divisions.ts';
import { partnershipDecider, partnershipStream } from '../../../commands/partnership/index.ts';
import { requireEnrollable } from '../../../commands/shared/references.ts';
import { type AggregateReads, registerAggregateReads } from '../aggregate-reads.ts';
import { readAnswerRoute } from '../answer-cache.ts';
import { type CommandRoute, registerCommandRoutes } from '../command-route.ts';
import type { RouteServices } from '../services.ts';
import { readAt, TimeTravel } from '../time-travel.ts';

const tag = 'campaigns';
// Campaigns are the province's: only the province office (or an admin) runs them.
const common = { decider: campaignDecider, stream: campaignStream, tag, ownerOf: () => PROVINCE_CODE };

/** Only a signed partnership that has not ended is enrolled, as its own stream has it now. */
const enrollable: CommandRoute['checkReferences'] = async (data, { load }) => {
  const id = data.partnershipId as string;
  requireEnrollable(id, await load(partnershipDecider, partnershipStream(id)));
};

export const CAMPAIGN_COMMANDS: readonly CommandRoute[] = [
  { url: '/campaigns', command: 'LaunchCampaign', body: bodies.LaunchCampaign, creates: true, summary: 'Launch a campaign' },
  { url: '/campaigns/:id/enrollments', command: 'EnrollPartnership', body: bodies.EnrollPartnership, checkReferences: enrollable, summary: 'Enroll a partnership' },
  { url: '/campaigns/:id/targets', command: 'SetCampaignTarget', body: bodies.SetCampaignTarget, summary: 'Set a campaign target' },
  { url: '/campaigns/:id/closure', command: 'CloseCampaign', body: bodies.CloseCampaign, summary: 'Close the campaign' },
].map((route) => ({ ...common, ...route }));

const reads: AggregateReads = { base: '/campaigns', noun: 'campaign', ...common };

export const campaignRoutes: FastifyPluginAsync<RouteServices> = async (app, services) => {
  registerCommandRoutes(app, services, CAMPAIGN_COMMANDS);
  registerAggregateReads(app, services.store, reads);

  app.withTypeProvider<ZodTypeProvider>().get(
    '/campaigns',
    readAnswerRoute('The campaigns launched by a day, with their phase, targets and enrolments', [tag], z.strictObject({}).extend(TimeTravel), CampaignListAnswer),
    async (request) => {
      const { views, day } = await readAt(services, request.query);
      return campaignList(views, { day });
    },
  );
};
