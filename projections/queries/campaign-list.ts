import type { CampaignTargets } from '../../commands/campaign/index.ts';
import { dayNumber } from '../shared/dates.ts';
import { stateAt } from '../shared/versions.ts';
import type { ReadViews } from './views.ts';

/** Where a campaign stands on a day: closed, or by its dates while open. */
export const CAMPAIGN_PHASES = ['upcoming', 'running', 'ended', 'closed'] as const;
export type CampaignPhase = (typeof CAMPAIGN_PHASES)[number];

export interface CampaignListItem {
  id: string;
  name: string;
  status: 'open' | 'closed';
  phase: CampaignPhase;
  launchedOn: string;
  startsOn: string;
  endsOn: string;
  closedOn: string | null;
  targets: CampaignTargets;
  enrolled: number;
}

/**
 * The campaigns launched by the end of `day`, newest start first, each as it
 * stood that day. `phase` tells an open campaign whose end date has passed
 * (`ended`) from one still running, so a list read years later does not
 * show a finished campaign as under way.
 */
export function campaignList(views: Pick<ReadViews, 'campaigns'>, { day }: { day: string }) {
  const d = dayNumber(day);
  const items: CampaignListItem[] = [];
  for (const entry of views.campaigns.entries.values()) {
    const campaign = stateAt(entry.versions, d)?.state;
    if (campaign === undefined) continue;
    const phase: CampaignPhase =
      campaign.status === 'closed' ? 'closed' : day < campaign.startsOn ? 'upcoming' : day > campaign.endsOn ? 'ended' : 'running';
    items.push({
      id: campaign.id,
      name: campaign.name,
      status: campaign.status,
      phase,
      launchedOn: campaign.launchedOn,
      startsOn: campaign.startsOn,
      endsOn: campaign.endsOn,
      closedOn: campaign.closedOn,
      targets: campaign.targets,
      enrolled: campaign.enrolled.length,
    });
  }
  items.sort((a, b) => b.startsOn.localeCompare(a.startsOn) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { today: day, total: items.length, items };
}
