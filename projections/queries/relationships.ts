import { COUNTED_STATUSES, PIPELINE_STATUSES as PIPELINE_STAGES, type PipelineStatus as PipelineStage } from '../../commands/partnership/index.ts';
import type { PartnershipRow } from '../register/rows.ts';
import { latest } from '../shared/dates.ts';

export { COUNTED_STATUSES, PIPELINE_STAGES, type PipelineStage };

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
