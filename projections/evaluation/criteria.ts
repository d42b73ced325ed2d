import type { ActivityLog } from '../register/activity-log.ts';
import { addMonths, daysBetween, dayNumber } from '../shared/dates.ts';
import { type Criterion, normaliseRank } from './standard.ts';
import { ACTIVITY_TYPES } from '../../commands/partnership/index.ts';

/** What the criteria look at for one partnership, on the evaluation day. */
export interface PartnershipFacts {
  /** Its activities (the log holds them all; the criteria read their windows up to the day). */
  log: ActivityLog;
  /** Completed projects serving it, by the day. */
  projectsDelivered: number;
  /** Its last sign of life (activity, signing or reactivation) by the day. */
  lastContactOn: string | null;
  /** When it was signed: a young partnership is judged on what could have happened since. */
  signedOn: string | null;
}

export interface Measure {
  /** The raw measure: a count, a number of types, or days since the last contact (null: never). */
  value: number | null;
  /** How much of the criterion is met, 0 to 1. */
  fraction: number;
}

/**
 * How much of a period ending on `day` the partnership has been signed: the
 * share of the period in which anything could have happened (1 for a
 * partnership signed before it began, 0 for one signed that day).
 */
function share(signedOn: string | null, periodStart: string, day: string): number {
  if (signedOn === null || signedOn <= periodStart) return 1;
  const length = daysBetween(periodStart, day);
  return length <= 0 ? 1 : Math.min(1, Math.max(0, daysBetween(signedOn, day) / length));
}

/**
 * How much of a target is met when only a share of the period could be
 * observed: the part of the period before the signing counts as met, the
 * rest by what happened since. A partnership signed yesterday has met it;
 * one signed a year into a two-year window with nothing recorded, half.
 */
const upTo = (value: number, target: number, observed: number): Measure => ({
  value,
  fraction: 1 - observed + observed * Math.min(1, value / target),
});

/** The log positions of the activities after the day `months` before `day`, up to `day`. */
function window(log: ActivityLog, months: number, day: string): { first: number; end: number; since: string } {
  const since = addMonths(day, -months);
  return { first: log.countUpTo(dayNumber(since)), end: log.countUpTo(dayNumber(day)), since };
}

/** Rank lists are normalised once per standard, not once per activity. */
const rankSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function rankSet(ranks: readonly string[]): ReadonlySet<string> {
  let set = rankSets.get(ranks);
  if (set === undefined) {
    set = new Set(ranks.map(normaliseRank));
    rankSets.set(ranks, set);
  }
  return set;
}

export function measure(criterion: Criterion, facts: PartnershipFacts, day: string): Measure {
  switch (criterion.id) {
    case 'activityFrequency': {
      const { windowMonths, target } = criterion.parameters;
      const { first, end, since } = window(facts.log, windowMonths, day);
      return upTo(end - first, target, share(facts.signedOn, since, day));
    }
    case 'activityDiversity': {
      const { windowMonths, target } = criterion.parameters;
      const { first, end, since } = window(facts.log, windowMonths, day);
      const types = new Set<string>();
      for (let i = first; i < end; i++) types.add(ACTIVITY_TYPES[facts.log.types[i] as number] ?? 'other');
      return upTo(types.size, target, share(facts.signedOn, since, day));
    }
    case 'highLevelVisits': {
      const { windowMonths, target, ranks } = criterion.parameters;
      const high = rankSet(ranks);
      const { first, end, since } = window(facts.log, windowMonths, day);
      let visits = 0;
      for (let i = first; i < end; i++) {
        const rank = facts.log.ranks[i];
        if (rank !== null && rank !== undefined && high.has(normaliseRank(rank))) visits++;
      }
      return upTo(visits, target, share(facts.signedOn, since, day));
    }
    case 'projectsDelivered': {
      const { target, expectedWithinMonths } = criterion.parameters;
      const expected = expectedWithinMonths === undefined ? 1 : share(facts.signedOn, addMonths(day, -expectedWithinMonths), day);
      return upTo(facts.projectsDelivered, target, expected);
    }
    case 'recency': {
      if (facts.lastContactOn === null) return { value: null, fraction: 0 };
      const days = Math.max(0, daysBetween(facts.lastContactOn, day));
      return { value: days, fraction: Math.max(0, 1 - days / criterion.parameters.cutoffDays) };
    }
  }
}
