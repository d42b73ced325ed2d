import { PROJECT_SECTORS, PROJECT_STATUSES, type Project, type ProjectSector, type ProjectStatus } from '../../commands/project/index.ts';
import type { PortfolioView, ProjectEntry } from '../portfolio/view.ts';
import { daysBetween, dayNumber } from '../shared/dates.ts';
import { countByOffice } from '../shared/offices.ts';
import { stateAt } from '../shared/versions.ts';

export interface PortfolioQuery {
  /** The day it is read for: statuses as they stood at its end, overdue as judged that day. */
  day: string;
  status?: ProjectStatus | undefined;
  sector?: ProjectSector | undefined;
  /** The lead office's city code (or 370000); matches `leadOfficeCity`. */
  office?: string | undefined;
}

/** A project as it stood on a day, with the revision of the last event included. */
export type ProjectRow = Project & { revision: number; updatedAt: string };

/** The project as of the end of `day` (a day number), or undefined if it was not yet planned. */
export function projectAt(entry: ProjectEntry, day: number): ProjectRow | undefined {
  const version = stateAt(entry.versions, day);
  return version === undefined ? undefined : { ...version.state, revision: version.revision, updatedAt: version.recordedAt };
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** The projects as they stood at the end of `day` that the filters select, in planned-start order. */
export function projectsAt(view: PortfolioView, { day, status, sector, office }: PortfolioQuery): ProjectRow[] {
  const d = dayNumber(day);
  const rows: ProjectRow[] = [];
  for (const entry of view.entries.values()) {
    const row = projectAt(entry, d);
    if (row === undefined) continue;
    if ((status === undefined || row.status === status) && (sector === undefined || row.sector === sector) && (office === undefined || row.leadOfficeCity === office)) {
      rows.push(row);
    }
  }
  return rows.sort((a, b) => a.plannedStart.localeCompare(b.plannedStart) || a.id.localeCompare(b.id));
}

/**
 * The project portfolio (谋划合作项目) at the end of `day`: counts by
 * status, sector and office, and what was overdue that day: started projects
 * past their planned end, planned projects past their planned start that
 * never started, and planned milestones past their due day not yet recorded
 * on projects still open.
 */
export function portfolio(view: PortfolioView, query: PortfolioQuery) {
  const { day } = query;
  const selected = projectsAt(view, query);
  const byStatus = zeros<ProjectStatus>(PROJECT_STATUSES);
  const bySector = zeros<ProjectSector>(PROJECT_SECTORS);
  for (const project of selected) {
    byStatus[project.status] += 1;
    bySector[project.sector] += 1;
  }

  // A started project is late for its end; a planned one is late as soon as its start has passed without it.
  const overdueProjects = selected
    .flatMap(({ id, title, leadOfficeCity, status, plannedStart, plannedEnd }) => {
      const late =
        status === 'started' && plannedEnd < day
          ? { status, missed: 'end' as const, due: plannedEnd }
          : status === 'planned' && plannedStart < day
            ? { status, missed: 'start' as const, due: plannedStart }
            : undefined;
      if (late === undefined) return [];
      const { due, ...how } = late;
      return [{ id, title, leadOfficeCity, ...how, plannedStart, plannedEnd, daysOverdue: daysBetween(due, day) }];
    })
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.id.localeCompare(b.id));

  const overdueMilestones = selected
    .filter((project) => project.status === 'planned' || project.status === 'started')
    .flatMap((project) =>
      project.milestones.flatMap(({ milestoneId, title, dueDate, recordedOn }) =>
        dueDate !== null && recordedOn === null && dueDate < day
          ? [{ projectId: project.id, projectTitle: project.title, leadOfficeCity: project.leadOfficeCity, milestoneId, title, dueDate, daysOverdue: daysBetween(dueDate, day) }]
          : [],
      ),
    )
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.projectId.localeCompare(b.projectId) || a.milestoneId.localeCompare(b.milestoneId));

  return {
    today: day,
    total: selected.length,
    byStatus,
    bySector,
    byOffice: countByOffice(selected, (project) => project.leadOfficeCity),
    overdue: { projects: overdueProjects, milestones: overdueMilestones },
    items: selected,
  };
}
