import { ACTIVITY_TYPES } from '../../commands/partnership/index.ts';
import type { QuarterlyRow } from './quarterly-report.ts';

/**
 * The columns of the exported quarterly report, shared by CSV and XLSX so
 * the two files always agree. Headers are the JSON field names, so a file
 * and the API answer read the same.
 */
export interface Column {
  header: string;
  value: (row: QuarterlyRow) => string | number;
}

export const QUARTERLY_COLUMNS: readonly Column[] = [
  { header: 'office', value: (row) => row.office },
  { header: 'nameZh', value: (row) => row.nameZh },
  { header: 'nameEn', value: (row) => row.nameEn },
  { header: 'newProposals', value: (row) => row.newProposals },
  { header: 'signings', value: (row) => row.signings },
  { header: 'activities', value: (row) => row.activities },
  ...ACTIVITY_TYPES.map((type) => ({ header: `activities.${type}`, value: (row: QuarterlyRow) => row.activitiesByType[type] })),
  { header: 'outcomes', value: (row) => row.outcomes },
  { header: 'projectsStarted', value: (row) => row.projectsStarted },
  { header: 'projectsCompleted', value: (row) => row.projectsCompleted },
  { header: 'reactivations', value: (row) => row.reactivations },
];
