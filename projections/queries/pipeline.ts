import { PIPELINE_STATUSES } from '../../commands/partnership/index.ts';
import { type PartnershipRow, rowAt } from '../register/rows.ts';
import type { RegisterView } from '../register/view.ts';
import { countryCache } from '../shared/country-views.ts';
import { daysBetween, dayNumber } from '../shared/dates.ts';
import { countByOffice } from '../shared/offices.ts';
import { type PipelineStage, rowSummary } from './relationships.ts';

const STAGES: ReadonlySet<string> = new Set(PIPELINE_STATUSES);
const inPipeline = (row: PartnershipRow): row is PartnershipRow & { status: PipelineStage } => STAGES.has(row.status);

/** The partnerships in the pipeline at the end of `day`, as they stood then. */
export function pipelineRows(view: RegisterView, day: string): (PartnershipRow & { status: PipelineStage })[] {
  const d = dayNumber(day);
  const rows: (PartnershipRow & { status: PipelineStage })[] = [];
  // Every partnership starts in the pipeline: the candidates of a past day are among all of them.
  for (const entry of view.entries.values()) {
    const row = rowAt(entry, d);
    if (row !== undefined && inPipeline(row)) rows.push(row);
  }
  return rows;
}

/** A file a level returned and the office has not yet sent back: nothing has moved it since the return. */
const awaitingResubmission = (row: PartnershipRow) =>
  row.status === 'intent_signed' && row.approvals.returned !== undefined && row.approvals.returned.on === row.statusSince;

/**
 * The candidate pipeline (储备意向结好友城) at the end of `day`: every
 * partnership proposed and not yet signed nor withdrawn, with how long it
 * had then been in its stage. The most advanced stages come first, and
 * within a stage the longest waiting.
 */
export function pipeline(view: RegisterView, { day }: { day: string }) {
  const country = countryCache(day);
  const candidates = pipelineRows(view, day);
  const stageIndex = (stage: PipelineStage) => PIPELINE_STATUSES.indexOf(stage);
  const items = candidates
    .map((row) => ({
      ...rowSummary(row),
      stage: row.status,
      country: country(row.partner.country),
      proposedOn: row.proposedOn,
      statusSince: row.statusSince,
      daysInStage: daysBetween(row.statusSince, day),
      daysSinceProposal: daysBetween(row.proposedOn, day),
      awaitingResubmission: awaitingResubmission(row),
      approvals: row.approvals,
    }))
    .sort((a, b) => stageIndex(b.stage) - stageIndex(a.stage) || b.daysInStage - a.daysInStage || a.id.localeCompare(b.id));

  const byStage = Object.fromEntries(PIPELINE_STATUSES.map((stage) => [stage, view.counts.at('status', stage, dayNumber(day))])) as Record<
    PipelineStage,
    number
  >;
  const returned = items.filter((item) => item.awaitingResubmission).length;
  return { today: day, total: candidates.length, byStage, returned, byOffice: countByOffice(candidates, (row) => row.local.cityCode), items };
}
