import type { CampaignEvent, CampaignEventType, CampaignStatus, CampaignTargets } from '../../commands/campaign/index.ts';
import { unreachable } from '../../commands/shared/errors.ts';
import type { ProjectedEvent, Projection } from '../projection.ts';
import { isNew, stamp } from '../shared/revision.ts';

/** One campaign with its targets and the partnerships enrolled in it, each with the day it joined. */
export type CampaignDoc = {
  id: string;
  name: string;
  status: CampaignStatus;
  launchedOn: string;
  startsOn: string;
  endsOn: string;
  targets: CampaignTargets;
  enrolled: { partnershipId: string; enrolledOn: string }[];
  closedOn: string | null;
  summary?: string;
  /** Revision of the last event of `campaign-<id>` reflected here. */
  revision: number;
  updatedAt: string;
};

export const CAMPAIGNS = 'campaigns';

/** A Record, not a list, so a new campaign event type fails to compile until it is handled here. */
const HANDLED: Record<CampaignEventType, true> = {
  CampaignLaunched: true,
  PartnershipEnrolled: true,
  CampaignTargetSet: true,
  CampaignClosed: true,
};

function fold(doc: CampaignDoc | undefined, event: CampaignEvent, recorded: ProjectedEvent): CampaignDoc | undefined {
  if (event.type === 'CampaignLaunched') {
    const { campaignId, date, name, startsOn, endsOn, targets } = event.data;
    const launched = { id: campaignId, name, status: 'open', launchedOn: date, startsOn, endsOn, targets } as const;
    return { ...launched, enrolled: [], closedOn: null, ...stamp(recorded) };
  }
  // Only a launch creates a document; a stray event before it has nothing to attach to.
  if (doc === undefined) return undefined;
  const next = { ...doc, ...stamp(recorded) };
  switch (event.type) {
    case 'PartnershipEnrolled':
      return { ...next, enrolled: [...doc.enrolled, { partnershipId: event.data.partnershipId, enrolledOn: event.data.date }] };
    case 'CampaignTargetSet':
      return { ...next, targets: { ...doc.targets, [event.data.metric]: event.data.value } };
    case 'CampaignClosed': {
      const { date, summary } = event.data;
      return { ...next, status: 'closed', closedOn: date, ...(summary !== undefined && { summary }) };
    }
    default:
      return unreachable(event);
  }
}

export const campaignsProjection: Projection = {
  name: 'campaigns',
  version: 1,
  collections: [CAMPAIGNS],
  handles: new Set(Object.keys(HANDLED)),
  touches: (recorded) => [[CAMPAIGNS, String(recorded.data.campaignId)]],
  apply(recorded, docs) {
    // `handles` admits only campaign events, whose data the write side shaped.
    const event = { type: recorded.type, data: recorded.data } as CampaignEvent;
    const id = event.data.campaignId;
    const doc = docs.get<CampaignDoc>(CAMPAIGNS, id);
    if (!isNew(doc, recorded)) return;
    const next = fold(doc, event, recorded);
    if (next !== undefined) docs.put(CAMPAIGNS, id, next);
  },
};
