import type { Partnership } from '../../commands/partnership/index.ts';
import { dateOfDay } from '../shared/dates.ts';
import type { PartnershipEntry } from './view.ts';
import { type Reactivation, type Stage, versionAt } from './versions.ts';

export type { Reactivation, Stage } from './versions.ts';

/**
 * One row of the register as of a day: the aggregate's own state (the
 * write side's `evolve`) as its facts stood at the end of that day, with
 * its activities up to that day, plus what only readers need.
 */
export type PartnershipRow = Partnership & {
  /** Every status the partnership went through up to that day, oldest first. */
  stages: Stage[];
  signedYear: number | null;
  reactivations: Reactivation[];
  /** Revision of the last event of `partnership-<id>` the row reflects. */
  revision: number;
  /** When that event was recorded. */
  updatedAt: string;
};

/** The row as of the end of `day` (a day number), or undefined if the partnership was not yet proposed. */
export function rowAt(entry: PartnershipEntry, day: number): PartnershipRow | undefined {
  const version = versionAt(entry.versions, day);
  if (version === undefined) return undefined;
  const { count, outcomes, lastDay } = entry.log.asOf(day);
  const latest = entry.log.latestOfFirst(count);
  const activityIsLater = latest >= 0 && (entry.log.revisions[latest] as number) > version.revision;
  const { state } = version;
  return {
    ...state,
    lastActivityOn: lastDay === null ? null : dateOfDay(lastDay),
    activityCount: count,
    outcomeCount: outcomes,
    stages: version.stages,
    signedYear: state.signedOn === null ? null : Number(state.signedOn.slice(0, 4)),
    reactivations: version.reactivations,
    revision: activityIsLater ? (entry.log.revisions[latest] as number) : version.revision,
    updatedAt: activityIsLater ? new Date(entry.log.recordedAt[latest] as number).toISOString() : version.recordedAt,
  };
}
