import type { PartnershipStatus } from '../../commands/partnership/index.ts';
import type { PartnershipRow } from '../register/rows.ts';
import { latest } from '../shared/dates.ts';

/**
 * A relationship counts toward the province's total (the "598") from its
 * signing until it is terminated, whether active or dormant (DESIGN §3).
 */
export const COUNTED_STATUSES = ['active', 'dormant'] as const satisfies readonly PartnershipStatus[];

/** The candidate side of the lifecycle (储备意向结好友城), in lifecycle order. */
export const PIPELINE_STAGES = ['candidate', 'in_contact', 'intent_signed', 'under_review', 'approved'] as const satisfies readonly PartnershipStatus[];
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export const counts = (row: PartnershipRow): boolean => (COUNTED_STATUSES as readonly string[]).includes(row.status);

export const inPipeline = (row: PartnershipRow): row is PartnershipRow & { status: PipelineStage } =>
  (PIPELINE_STAGES as readonly string[]).includes(row.status);

/**
 * The last sign of life of a signed partnership: its latest activity, its
 * signing, or a decision to reactivate it, whichever is latest. Signing and
 * reactivation count so that a partnership just signed or just revived is
 * not reported as quiet because its last activity is old or missing.
 */
export function lastContactOn(row: PartnershipRow): string | null {
  return latest(row.lastActivityOn, row.signedOn, row.reactivations.at(-1)?.date);
}

/** The parts of a row a list on a dashboard shows, so lists stay small. */
export function rowSummary(row: PartnershipRow) {
  return {
    id: row.id,
    kind: row.kind,
    office: row.local.cityCode,
    local: row.local,
    partner: row.partner,
  };
}
