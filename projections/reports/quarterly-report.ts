import { ACTIVITY_TYPES, type ActivityType } from '../../commands/partnership/index.ts';
import { type Quarter, quarterRange } from '../../commands/report/index.ts';
import type { ReadViews } from '../queries/views.ts';
import { dayNumber } from '../shared/dates.ts';
import { type Office, OFFICES, officeNamed } from '../shared/offices.ts';

export interface QuarterlyCounts {
  newProposals: number;
  signings: number;
  activities: number;
  activitiesByType: Record<ActivityType, number>;
  /** Measures and results (举措和成果) recorded with those activities. */
  outcomes: number;
  projectsStarted: number;
  projectsCompleted: number;
  reactivations: number;
}

export type QuarterlyRow = Office & QuarterlyCounts;

export interface QuarterlyReport {
  year: number;
  quarter: Quarter;
  from: string;
  to: string;
  rows: QuarterlyRow[];
  totals: QuarterlyCounts;
}

export interface QuarterlyReportQuery {
  year: number;
  quarter: Quarter;
  /** One office (370000 or a city code); all 17 when absent. */
  office?: string | undefined;
}

const empty = (): QuarterlyCounts => ({
  newProposals: 0,
  signings: 0,
  activities: 0,
  activitiesByType: Object.fromEntries(ACTIVITY_TYPES.map((type) => [type, 0])) as Record<ActivityType, number>,
  outcomes: 0,
  projectsStarted: 0,
  projectsCompleted: 0,
  reactivations: 0,
});

/**
 * The quarterly report (季度报告制度): for each office, what happened in the
 * quarter, by the facts' own dates. The province's row holds the province
 * office's own partnerships and projects, not the sum of the cities;
 * `totals` is that sum. Every figure is a dated count over the quarter.
 */
export function quarterlyReport(views: Pick<ReadViews, 'register' | 'portfolio'>, { year, quarter, office }: QuarterlyReportQuery): QuarterlyReport {
  const { from, to } = quarterRange(year, quarter);
  const [start, end] = [dayNumber(from), dayNumber(to)];
  const register = (family: string, member: string) => views.register.counts.between(family, member, start, end);
  const projects = (family: string, member: string) => views.portfolio.counts.between(family, member, start, end);
  const offices = office === undefined ? OFFICES : [officeNamed(office)];
  const rows = offices.map((o): QuarterlyRow => {
    const code = o.office;
    return {
      ...o,
      newProposals: register('proposed', code),
      signings: register('signed', code),
      activities: register('activities', code),
      activitiesByType: Object.fromEntries(ACTIVITY_TYPES.map((type) => [type, register('activityTypes', `${code}|${type}`)])) as Record<ActivityType, number>,
      outcomes: register('outcomes', code),
      projectsStarted: projects('started', code),
      projectsCompleted: projects('completed', code),
      reactivations: register('reactivated', code),
    };
  });
  return { year, quarter, from, to, rows, totals: sum(rows) };
}

function sum(rows: readonly QuarterlyCounts[]): QuarterlyCounts {
  const total = empty();
  for (const row of rows) {
    total.newProposals += row.newProposals;
    total.signings += row.signings;
    total.activities += row.activities;
    for (const type of ACTIVITY_TYPES) total.activitiesByType[type] += row.activitiesByType[type];
    total.outcomes += row.outcomes;
    total.projectsStarted += row.projectsStarted;
    total.projectsCompleted += row.projectsCompleted;
    total.reactivations += row.reactivations;
  }
  return total;
}
