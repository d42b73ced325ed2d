import { CAMPAIGN_METRICS, type CampaignMetric } from '../../commands/campaign/index.ts';
import { rowAt } from '../register/rows.ts';
import { dayNumber } from '../shared/dates.ts';
import { stateAt } from '../shared/versions.ts';
import { candidatesOn } from './overview.ts';
import { rowSummary } from './relationships.ts';
import type { ReadViews } from './views.ts';

export interface CampaignProgressOptions {
  /** The day it is read for. */
  day: string;
  /** Count only reactivations that name this campaign; otherwise every reactivation in the period counts. */
  creditedOnly?: boolean | undefined;
}

const earliest = (...dates: (string | null)[]) => dates.filter((d): d is string => d !== null).sort()[0] ?? '';

/**
 * A campaign's targets against actuals as of the end of `day`, or undefined
 * when it was not launched by then. Flows (reactivations, new agreements,
 * activities) are counted from the campaign's start to the earliest of that
 * day, its end and its closure, so a finished campaign's results stay put;
 * stocks (candidate reserve, planned projects) are counted as they stood
 * that day. Every figure is a dated count of the views.
 */
export function campaignProgress(views: ReadViews, campaignId: string, { day, creditedOnly = false }: CampaignProgressOptions) {
  const entry = views.campaigns.entries.get(campaignId);
  const d = dayNumber(day);
  const version = entry === undefined ? undefined : stateAt(entry.versions, d);
  if (entry === undefined || version === undefined) return undefined;
  const campaign = version.state;
  const { counts } = views.register;
  const from = campaign.startsOn;
  const to = earliest(day, campaign.endsOn, campaign.closedOn);
  const inPeriod = (family: string, member: string) => (to < from ? 0 : counts.between(family, member, dayNumber(from), dayNumber(to)));
  const allInPeriod = (family: string) => (to < from ? 0 : counts.total(family, dayNumber(to)) - counts.total(family, dayNumber(from) - 1));

  const actual: Record<CampaignMetric, number> = {
    reservePairs: candidatesOn(counts, d),
    plannedProjects: views.portfolio.counts.at('status', 'planned', d),
    reactivations: creditedOnly ? inPeriod('reactivatedFor', campaign.id) : inPeriod('reactivated', 'all'),
    activities: allInPeriod('activities'),
    newAgreements: inPeriod('signed', 'all'),
  };
  const metrics = Object.fromEntries(
    CAMPAIGN_METRICS.map((metric) => {
      const target = campaign.targets[metric] ?? null;
      const percent = target === null || target === 0 ? null : Math.round((actual[metric] / target) * 1000) / 10;
      return [metric, { target, actual: actual[metric], percent }];
    }),
  ) as Record<CampaignMetric, { target: number | null; actual: number; percent: number | null }>;

  const enrolled = campaign.enrolled.flatMap((partnershipId) => {
    const partnership = views.register.entries.get(partnershipId);
    const row = partnership === undefined ? undefined : rowAt(partnership, d);
    const enrolledOn = entry.enrolledOn.get(partnershipId);
    return row === undefined || enrolledOn === undefined ? [] : [{ row, enrolledOn }];
  });
  const reactivationsIn = (reactivations: typeof enrolled[number]['row']['reactivations']) =>
    reactivations.filter((r) => r.date >= from && r.date <= to && (!creditedOnly || r.campaignId === campaign.id));
  const dormant = enrolled
    .filter(({ row }) => row.status === 'dormant')
    .map(({ row, enrolledOn }) => ({ ...rowSummary(row), enrolledOn, dormantSince: row.dormantSince }));
  const reactivated = enrolled.flatMap(({ row, enrolledOn }) => {
    const last = reactivationsIn(row.reactivations).at(-1);
    if (last === undefined) return [];
    return [{ ...rowSummary(row), status: row.status, enrolledOn, reactivatedOn: last.date, credited: last.campaignId === campaign.id }];
  });

  const { id, name, status, startsOn, endsOn, closedOn } = campaign;
  return {
    campaign: { id, name, status, startsOn, endsOn, closedOn },
    today: day,
    period: { from, to },
    metrics,
    enrolled: { count: campaign.enrolled.length, dormant, reactivated },
  };
}
