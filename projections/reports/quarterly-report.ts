import { ACTIVITY_TYPES, type ActivityType } from '../../commands/partnership/index.ts';
import { type Quarter, quarterRange } from '../../commands/report/index.ts';
import type { ProjectRow } from '../portfolio/index.ts';
import type { ActivityDoc, PartnershipRow } from '../register/rows.ts';
import { within } from '../shared/dates.ts';
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
  office?: string;
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
 * quarter. The province's row holds the province office's own partnerships
 * and projects, not the sum of the cities; `totals` is that sum.
 */
export function quarterlyReport(
  partnerships: readonly PartnershipRow[],
  activities: readonly ActivityDoc[],
  projects: readonly ProjectRow[],
  { year, quarter, office }: QuarterlyReportQuery,
): QuarterlyReport {
  const { from, to } = quarterRange(year, quarter);
  const inQuarter = (date: string | null) => within(date, from, to);
  const offices = office === undefined ? OFFICES : [officeNamed(office)];
  const counts = new Map(offices.map((o) => [o.office, empty()]));
  // Items of an office outside the selection have no entry and are skipped.
  const add = (code: string, change: (c: QuarterlyCounts) => void) => {
    const entry = counts.get(code);
    if (entry !== undefined) change(entry);
  };

  for (const row of partnerships) {
    const code = row.local.cityCode;
    if (inQuarter(row.proposedOn)) add(code, (c) => (c.newProposals += 1));
    if (inQuarter(row.signedOn)) add(code, (c) => (c.signings += 1));
    const revived = row.reactivations.filter((r) => inQuarter(r.date)).length;
    if (revived > 0) add(code, (c) => (c.reactivations += revived));
  }
  for (const activity of activities) {
    if (!inQuarter(activity.date)) continue;
    add(activity.cityCode, (c) => {
      c.activities += 1;
      c.activitiesByType[activity.type] += 1;
      c.outcomes += activity.outcomeCount;
    });
  }
  for (const project of projects) {
    if (inQuarter(project.startedOn)) add(project.leadOfficeCity, (c) => (c.projectsStarted += 1));
    if (inQuarter(project.completedOn)) add(project.leadOfficeCity, (c) => (c.projectsCompleted += 1));
  }

  const rows = offices.map((o) => ({ ...o, ...(counts.get(o.office) ?? empty()) }));
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
