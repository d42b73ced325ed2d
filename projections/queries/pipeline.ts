import type { PartnershipRow } from '../register/rows.ts';
import { countryCache } from '../shared/country-views.ts';
import { daysBetween } from '../shared/dates.ts';
import { countByOffice } from '../shared/offices.ts';
import { inPipeline, PIPELINE_STAGES, type PipelineStage, rowSummary } from './relationships.ts';

/**
 * The candidate pipeline (储备意向结好友城): every partnership not yet
 * signed nor withdrawn, with how long it has been in its current stage. The
 * most advanced stages come first, and within a stage the longest waiting.
 */
export function pipeline(partnerships: readonly PartnershipRow[], { today }: { today: string }) {
  const country = countryCache(today);
  const candidates = partnerships.filter(inPipeline);
  const stageIndex = (stage: PipelineStage) => PIPELINE_STAGES.indexOf(stage);
  const items = candidates
    .map((row) => ({
      ...rowSummary(row),
      stage: row.status,
      country: country(row.partner.country),
      proposedOn: row.proposedOn,
      statusSince: row.statusSince,
      daysInStage: daysBetween(row.statusSince, today),
      daysSinceProposal: daysBetween(row.proposedOn, today),
      approvals: row.approvals,
    }))
    .sort((a, b) => stageIndex(b.stage) - stageIndex(a.stage) || b.daysInStage - a.daysInStage || a.id.localeCompare(b.id));

  const byStage = Object.fromEntries(PIPELINE_STAGES.map((stage) => [stage, 0])) as Record<PipelineStage, number>;
  for (const row of candidates) byStage[row.status] += 1;

  return {
    today,
    total: candidates.length,
    byStage,
    byOffice: countByOffice(candidates, (row) => row.local.cityCode),
    items,
  };
}
