import type { PartnershipRow } from '../register/rows.ts';
import { addMonths, daysBetween } from '../shared/dates.ts';
import { lastContactOn, rowSummary } from './relationships.ts';

export interface DormancyOptions {
  today: string;
  /** How long without activity makes an active partnership look dormant. */
  months: number;
}

/** The default quiet period dashboards use when none is asked for. */
export const DEFAULT_DORMANCY_MONTHS = 24;

/**
 * The derived dormancy indicator: active partnerships with no sign of life
 * (see `lastContactOn`) for `months` months, i.e. on or before the cutoff
 * day. Partnerships explicitly marked dormant are not listed: they already
 * are dormant.
 */
export function dormancyIndicator(partnerships: readonly PartnershipRow[], { today, months }: DormancyOptions) {
  const cutoff = addMonths(today, -months);
  const items = partnerships
    .filter((row) => row.status === 'active')
    .map((row) => ({ row, quietSince: lastContactOn(row) }))
    .filter((entry): entry is { row: PartnershipRow; quietSince: string } => entry.quietSince !== null && entry.quietSince <= cutoff)
    .sort((a, b) => a.quietSince.localeCompare(b.quietSince) || a.row.id.localeCompare(b.row.id))
    .map(({ row, quietSince }) => ({
      ...rowSummary(row),
      signedOn: row.signedOn,
      lastActivityOn: row.lastActivityOn,
      quietSince,
      daysQuiet: daysBetween(quietSince, today),
    }));
  return { today, months, cutoff, count: items.length, items };
}
