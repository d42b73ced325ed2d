import { type PartnershipRow, rowAt } from '../register/rows.ts';
import type { RegisterView } from '../register/view.ts';
import { addMonths, daysBetween, dayNumber } from '../shared/dates.ts';
import { lastContactOn, rowSummary } from './relationships.ts';

export interface DormancyOptions {
  /** The day it is judged on. */
  day: string;
  /** How long without activity makes an active partnership look dormant. */
  months: number;
}

/** The default quiet period dashboards use when none is asked for. */
export const DEFAULT_DORMANCY_MONTHS = 24;

/**
 * The derived dormancy indicator on `day`: partnerships active then with no
 * sign of life (see `lastContactOn`) for `months` months, i.e. on or before
 * the cutoff day. Partnerships explicitly marked dormant are not listed:
 * they already are dormant.
 */
export function dormancyIndicator(view: RegisterView, { day, months }: DormancyOptions) {
  const d = dayNumber(day);
  const cutoff = addMonths(day, -months);
  const items: { row: PartnershipRow; quietSince: string }[] = [];
  for (const entry of view.indexes.everStatus.get('active') ?? []) {
    const row = rowAt(entry, d);
    if (row?.status !== 'active') continue;
    const quietSince = lastContactOn(row);
    if (quietSince !== null && quietSince <= cutoff) items.push({ row, quietSince });
  }
  const listed = items
    .sort((a, b) => a.quietSince.localeCompare(b.quietSince) || a.row.id.localeCompare(b.row.id))
    .map(({ row, quietSince }) => ({
      ...rowSummary(row),
      signedOn: row.signedOn,
      lastActivityOn: row.lastActivityOn,
      quietSince,
      daysQuiet: daysBetween(quietSince, day),
    }));
  return { today: day, months, cutoff, count: listed.length, items: listed };
}
