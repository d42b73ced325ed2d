import { CAMPAIGN_METRICS, type CampaignMetric } from '../../commands/campaign/index.ts';
import type { CampaignDoc } from '../campaigns/index.ts';
import type { ProjectRow } from '../portfolio/index.ts';
import type { ActivityDoc, PartnershipRow } from '../register/rows.ts';
import { within } from '../shared/dates.ts';
import { inPipeline, rowSummary } from './relationships.ts';

export interface CampaignProgressOptions {
  today: string;
  /** Count only reactivations that name this campaign; otherwise every reactivation in the period counts. */
  creditedOnly?: boolean;
}

const earliest = (...dates: (string | null)[]) => dates.filter((d): d is string => d !== null).sort()[0] ?? '';

/**
 * Targets against actuals. Flows (reactivations, new agreements, activities)
 * are counted from the campaign's start to the earliest of today, its end and
 * its closure, so a finished campaign's results stay put; stocks (candidate
 * reserve, planned projects) are counted as they stand today.
 */
export function campaignProgress(
  campaign: CampaignDoc,
  partnerships: readonly PartnershipRow[],
  activities: readonly ActivityDoc[],
  projects: readonly ProjectRow[],
  { today, creditedOnly = false }: CampaignProgressOptions,
) {
  const from = campaign.startsOn;
  const to = earliest(today, campaign.endsOn, campaign.closedOn);
  const credited = (campaignId: string | undefined) => !creditedOnly || campaignId === campaign.id;
  const reactivationsIn = (row: PartnershipRow) =>
    row.reactivations.filter((r) => within(r.date, from, to) && credited(r.campaignId));

  const actual: Record<CampaignMetric, number> = {
    reservePairs: partnerships.filter(inPipeline).length,
    plannedProjects: projects.filter((project) => project.status === 'planned').length,
    reactivations: partnerships.reduce((sum, row) => sum + reactivationsIn(row).length, 0),
    activities: activities.filter((activity) => within(activity.date, from, to)).length,
    newAgreements: partnerships.filter((row) => within(row.signedOn, from, to)).length,
  };
  const metrics = Object.fromEntries(
    CAMPAIGN_METRICS.map((metric) => {
      const target = campaign.targets[metric] ?? null;
      const percent = target === null || target === 0 ? null : Math.round((actual[metric] / target) * 1000) / 10;
      return [metric, { target, actual: actual[metric], percent }];
    }),
  ) as Record<CampaignMetric, { target: number | null; actual: number; percent: number | null }>;

  const byId = new Map(partnerships.map((row) => [row.id, row]));
  const enrolled = campaign.enrolled.flatMap(({ partnershipId, enrolledOn }) => {
    const row = byId.get(partnershipId);
    return row === undefined ? [] : [{ row, enrolledOn }];
  });
  const dormant = enrolled
    .filter(({ row }) => row.status === 'dormant')
    .map(({ row, enrolledOn }) => ({ ...rowSummary(row), enrolledOn, dormantSince: row.dormantSince }));
  const reactivated = enrolled.flatMap(({ row, enrolledOn }) => {
    const last = reactivationsIn(row).at(-1);
    if (last === undefined) return [];
    return [{ ...rowSummary(row), status: row.status, enrolledOn, reactivatedOn: last.date, credited: last.campaignId === campaign.id }];
  });

  const { id, name, status, startsOn, endsOn, closedOn } = campaign;
  return {
    campaign: { id, name, status, startsOn, endsOn, closedOn },
    today,
    period: { from, to },
    metrics,
    enrolled: { count: campaign.enrolled.length, dormant, reactivated },
  };
}
