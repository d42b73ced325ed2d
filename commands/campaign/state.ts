import { unreachable } from '../shared/errors.ts';
import type { CampaignTargets } from './commands.ts';
import type { CampaignEvent } from './events.ts';

export const CAMPAIGN_STATUSES = ['open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export interface Campaign {
  id: string;
  status: CampaignStatus;
  name: string;
  launchedOn: string;
  startsOn: string;
  endsOn: string;
  targets: CampaignTargets;
  /** Enrolled partnership ids, in enrolment order. */
  enrolled: string[];
  closedOn: string | null;
}

export type CampaignState = { status: 'none' } | Campaign;

export const initialState: CampaignState = { status: 'none' };

export function evolve(state: CampaignState, event: CampaignEvent): CampaignState {
  if (event.type === 'CampaignLaunched') {
    const { campaignId, date, name, startsOn, endsOn, targets } = event.data;
    return {
      id: campaignId,
      status: 'open',
      name,
      launchedOn: date,
      startsOn,
      endsOn,
      targets,
      enrolled: [],
      closedOn: null,
    };
  }
  // Only a launch brings a campaign into being; anything else on an empty stream is ignored.
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'PartnershipEnrolled':
      return { ...state, enrolled: [...state.enrolled, event.data.partnershipId] };
    case 'CampaignTargetSet':
      return { ...state, targets: { ...state.targets, [event.data.metric]: event.data.value } };
    case 'CampaignClosed':
      return { ...state, status: 'closed', closedOn: event.data.date };
    default:
      return unreachable(event);
  }
}
