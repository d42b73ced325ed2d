import { COUNTED_STATUSES, PIPELINE_STATUSES, type PartnershipStatus } from '../../commands/partnership/index.ts';
import { addMonths, dateOfDay, dayNumber } from '../shared/dates.ts';
import type { ActivityLog } from './activity-log.ts';
import type { Version } from './versions.ts';

/** One change of a dated count: a family, a member, the day it takes effect, by how much. */
export type Contribution = readonly [family: string, member: string, day: number, delta: number];

const COUNTED: ReadonlySet<PartnershipStatus> = new Set(COUNTED_STATUSES);
const PIPELINE: ReadonlySet<PartnershipStatus> = new Set(PIPELINE_STATUSES);

export const isCounted = (status: PartnershipStatus) => COUNTED.has(status);
export const isPipeline = (status: PartnershipStatus) => PIPELINE.has(status);

/** The first day on which a partnership last heard of on `contact` has been quiet for `months` months. */
export function quietFrom(contact: number, months: number): number {
  // Quiet on day t when the day `months` before t is on or after the contact; month lengths vary, so settle it exactly.
  const isQuiet = (day: number) => dayNumber(addMonths(dateOfDay(day), -months)) >= contact;
  let day = dayNumber(addMonths(dateOfDay(contact), months));
  while (isQuiet(day - 1)) day--;
  while (!isQuiet(day)) day++;
  return day;
}

/**
 * Gaps between signs of life (activities, the signing, reactivations) in
 * which a partnership could go quiet for `months` months: only those longer
 * than the shortest such period, so that a busy partnership costs a pass
 * over its days and no date arithmetic.
 */
function longGaps(versions: readonly Version[], log: ActivityLog, months: number): [number, number][] {
  const last = versions.at(-1);
  const others = [last?.state.signedOn, ...(last?.reactivations ?? []).map((r) => r.date)]
    .filter((date): date is string => typeof date === 'string')
    .map(dayNumber)
    .sort((a, b) => a - b);
  const shortest = 28 * months;
  const gaps: [number, number][] = [];
  let previous: number | undefined;
  const visit = (day: number) => {
    if (previous !== undefined && day > previous && day - previous > shortest) gaps.push([previous, day]);
    if (previous === undefined || day > previous) previous = day;
  };
  let j = 0;
  for (let i = 0; i < log.length; i++) {
    const day = log.days[i] as number;
    while (j < others.length && (others[j] as number) <= day) visit(others[j++] as number);
    visit(day);
  }
  while (j < others.length) visit(others[j++] as number);
  if (previous !== undefined) gaps.push([previous, Number.POSITIVE_INFINITY]);
  return gaps;
}

/**
 * The days on which an active partnership is on the dormancy indicator: no
 * sign of life for `months` months. After a contact it is quiet from
 * `quietFrom` of it until the next contact, counted only while active.
 */
function quietIntervals(versions: readonly Version[], log: ActivityLog, months: number): [number, number][] {
  const active: [number, number][] = versions.flatMap((version, i) =>
    version.state.status === 'active' ? [[version.from, versions[i + 1]?.from ?? Number.POSITIVE_INFINITY] as [number, number]] : [],
  );
  const intervals: [number, number][] = [];
  for (const [contact, until] of longGaps(versions, log, months)) {
    const from = quietFrom(contact, months);
    if (from >= until) continue;
    for (const [start, end] of active) {
      const a = Math.max(from, start);
      const b = Math.min(until, end);
      if (a < b) intervals.push([a, b]);
    }
  }
  return intervals;
}

/**
 * What one partnership adds to the dated counts: while each version holds,
 * its status, and while it counts (active or dormant) its kind, country,
 * office and year of signing; the days its lifecycle events happened; and the
 * days it is on the dormancy indicator. Activities count on their own (see
 * the view), so recording one does not recompute these.
 */
export function lifecycleContributions(versions: readonly Version[], log: ActivityLog, dormancyMonths: number): Contribution[] {
  const out: Contribution[] = [];
  const during = (family: string, member: string, from: number, until: number | undefined) => {
    out.push([family, member, from, 1]);
    if (until !== undefined) out.push([family, member, until, -1]);
  };
  versions.forEach((version, i) => {
    const until = versions[i + 1]?.from;
    const { state } = version;
    during('status', state.status, version.from, until);
    if (isCounted(state.status)) {
      during('counted', 'all', version.from, until);
      during('kind', state.kind, version.from, until);
      during('country', state.partner.country, version.from, until);
      during('office', state.local.cityCode, version.from, until);
      if (state.signedOn !== null) during('signedYear', state.signedOn.slice(0, 4), version.from, until);
    }
  });
  const last = versions.at(-1);
  if (last === undefined) return out;
  const office = last.state.local.cityCode;
  const happened = (family: string, day: number) => out.push([family, 'all', day, 1], [family, office, day, 1]);
  happened('proposed', dayNumber(last.state.proposedOn));
  if (last.state.signedOn !== null) happened('signed', dayNumber(last.state.signedOn));
  for (const reactivation of last.reactivations) {
    const day = dayNumber(reactivation.date);
    happened('reactivated', day);
    if (reactivation.campaignId !== undefined) out.push(['reactivatedFor', reactivation.campaignId, day, 1]);
  }
  for (const [from, until] of quietIntervals(versions, log, dormancyMonths)) {
    during('quiet', 'all', from, Number.isFinite(until) ? until : undefined);
  }
  return out;
}
