import type { ActivityDirection, ActivityType, Partnership, PartnershipStatus } from '../../commands/partnership/index.ts';
import type { Plain } from '../shared/revision.ts';

/** One step of the lifecycle: the status and the day it began. */
export interface Stage {
  status: PartnershipStatus;
  since: string;
}

/** A dormant partnership brought back, by an explicit decision or by an activity. */
export interface Reactivation {
  date: string;
  /** The campaign credited with it (e.g. 激活友城专项行动). */
  campaignId?: string;
  /** Set when recording an activity brought it back. */
  activityId?: string;
}

/**
 * One row of the register: the aggregate's own state (the write side's
 * `evolve`, so both sides agree on every date and counter) plus what only
 * readers need.
 */
export type PartnershipRow = Plain<Partnership> & {
  /** Every status the partnership went through, oldest first. */
  stages: Stage[];
  signedYear: number | null;
  reactivations: Reactivation[];
  /** Revision of the last event of `partnership-<id>` reflected here. */
  revision: number;
  /** When that event was recorded. */
  updatedAt: string;
};

/** One exchange activity, with the office it counts for, for timelines, reports and evaluation. */
export type ActivityDoc = {
  activityId: string;
  partnershipId: string;
  /** The local division and its office (prefecture city or 370000) at the time it was recorded. */
  divisionCode: string;
  cityCode: string;
  date: string;
  type: ActivityType;
  direction: ActivityDirection;
  title: string;
  participants: number;
  audience?: number;
  /** One spelling per rank, e.g. `vice-governor`. */
  leaderRank?: string;
  /** The rank as the office wrote it. */
  leaderTitle?: string;
  outcomeCount: number;
  /** The measures and results (举措和成果), one description each. */
  outcomes: string[];
  revision: number;
};

export const PARTNERSHIPS = 'partnerships';
export const ACTIVITIES = 'activities';
