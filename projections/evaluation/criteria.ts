import type { ActivityDoc } from '../register/rows.ts';
import { addMonths, daysBetween } from '../shared/dates.ts';
import { type Criterion, normaliseRank } from './standard.ts';

/** What the criteria look at for one partnership. */
export interface PartnershipFacts {
  /** Its activities up to the evaluation day. */
  activities: readonly ActivityDoc[];
  /** Completed projects serving it. */
  projectsDelivered: number;
  /** Its last sign of life (activity, signing or reactivation). */
  lastContactOn: string | null;
}

export interface Measure {
  /** The raw measure: a count, a number of types, or days since the last contact (null: never). */
  value: number | null;
  /** How much of the criterion is met, 0 to 1. */
  fraction: number;
}

const upTo = (value: number, target: number): Measure => ({ value, fraction: Math.min(1, value / target) });

/** Activities after the day `months` before today; the complement of "quiet for `months` months". */
const inWindow = (activities: readonly ActivityDoc[], months: number, today: string) => {
  const since = addMonths(today, -months);
  return activities.filter((activity) => activity.date > since && activity.date <= today);
};

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

export function measure(criterion: Criterion, facts: PartnershipFacts, today: string): Measure {
  switch (criterion.id) {
    case 'activityFrequency': {
      const { windowMonths, target } = criterion.parameters;
      return upTo(inWindow(facts.activities, windowMonths, today).length, target);
    }
    case 'activityDiversity': {
      const { windowMonths, target } = criterion.parameters;
      return upTo(new Set(inWindow(facts.activities, windowMonths, today).map((a) => a.type)).size, target);
    }
    case 'highLevelVisits': {
      const { windowMonths, target, ranks } = criterion.parameters;
      const high = rankSet(ranks);
      const visits = inWindow(facts.activities, windowMonths, today).filter(
        (activity) => activity.leaderRank !== undefined && high.has(normaliseRank(activity.leaderRank)),
      );
      return upTo(visits.length, target);
    }
    case 'projectsDelivered':
      return upTo(facts.projectsDelivered, criterion.parameters.target);
    case 'recency': {
      if (facts.lastContactOn === null) return { value: null, fraction: 0 };
      const days = Math.max(0, daysBetween(facts.lastContactOn, today));
      return { value: days, fraction: Math.max(0, 1 - days / criterion.parameters.cutoffDays) };
    }
  }
}
