import type { ActivityType } from '../../commands/partnership/index.ts';
import type { ActivityDoc } from '../register/rows.ts';
import { within } from '../shared/dates.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './register-query.ts';

export interface TimelineQuery {
  partnershipId?: string;
  /** The answering office: 370000 or a city code. */
  office?: string;
  type?: ActivityType;
  /** Inclusive date bounds (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

/**
 * The activity timeline: exchanges newest first (activities are often
 * entered late, so the order is by the day they happened, not by entry),
 * filtered and paged like the register.
 */
export function activityTimeline(activities: readonly ActivityDoc[], query: TimelineQuery = {}) {
  const matches = activities
    .filter(
      (activity) =>
        (query.partnershipId === undefined || activity.partnershipId === query.partnershipId) &&
        (query.office === undefined || activity.cityCode === query.office) &&
        (query.type === undefined || activity.type === query.type) &&
        within(activity.date, query.from, query.to),
    )
    .sort((a, b) => b.date.localeCompare(a.date) || a.activityId.localeCompare(b.activityId));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(query.pageSize ?? DEFAULT_PAGE_SIZE)));
  const page = Math.max(1, Math.trunc(query.page ?? 1));
  return {
    total: matches.length,
    outcomes: matches.reduce((sum, activity) => sum + activity.outcomeCount, 0),
    page,
    pageSize,
    items: matches.slice((page - 1) * pageSize, page * pageSize),
  };
}
