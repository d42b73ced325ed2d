import { PROJECT_SECTORS, PROJECT_STATUSES, type ProjectSector, type ProjectStatus } from '../../commands/project/index.ts';
import type { ProjectRow } from '../portfolio/index.ts';
import { daysBetween } from '../shared/dates.ts';
import { countByOffice } from '../shared/offices.ts';

export interface PortfolioQuery {
  today: string;
  status?: ProjectStatus;
  sector?: ProjectSector;
  /** The lead office's city code (or 370000); matches `leadOfficeCity`. */
  office?: string;
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/**
 * The project portfolio (谋划合作项目): counts by status, sector and office,
 * and what is overdue: started projects past their planned end, and planned
 * milestones past their due day not yet recorded on projects still open.
 */
export function portfolio(projects: readonly ProjectRow[], { today, status, sector, office }: PortfolioQuery) {
  const selected = projects
    .filter(
      (project) =>
        (status === undefined || project.status === status) &&
        (sector === undefined || project.sector === sector) &&
        (office === undefined || project.leadOfficeCity === office),
    )
    .sort((a, b) => a.plannedStart.localeCompare(b.plannedStart) || a.id.localeCompare(b.id));

  const byStatus = zeros<ProjectStatus>(PROJECT_STATUSES);
  const bySector = zeros<ProjectSector>(PROJECT_SECTORS);
  for (const project of selected) {
    byStatus[project.status] += 1;
    bySector[project.sector] += 1;
  }

  const overdueProjects = selected
    .filter((project) => project.status === 'started' && project.plannedEnd < today)
    .map(({ id, title, leadOfficeCity, plannedEnd }) => ({ id, title, leadOfficeCity, plannedEnd, daysOverdue: daysBetween(plannedEnd, today) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.id.localeCompare(b.id));

  const overdueMilestones = selected
    .filter((project) => project.status === 'planned' || project.status === 'started')
    .flatMap((project) =>
      project.milestones.flatMap(({ milestoneId, title, dueDate, recordedOn }) =>
        dueDate !== null && recordedOn === null && dueDate < today
          ? [{ projectId: project.id, projectTitle: project.title, leadOfficeCity: project.leadOfficeCity, milestoneId, title, dueDate, daysOverdue: daysBetween(dueDate, today) }]
          : [],
      ),
    )
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.projectId.localeCompare(b.projectId) || a.milestoneId.localeCompare(b.milestoneId));

  return {
    today,
    total: selected.length,
    byStatus,
    bySector,
    byOffice: countByOffice(selected, (project) => project.leadOfficeCity),
    overdue: { projects: overdueProjects, milestones: overdueMilestones },
    items: selected,
  };
}
