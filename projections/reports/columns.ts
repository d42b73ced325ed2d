import { ACTIVITY_TYPES } from '../../commands/partnership/index.ts';
import type { QuarterlyCounts, QuarterlyReport, QuarterlyRow } from './quarterly-report.ts';
import type { Sheet } from './sheet.ts';

/**
 * The columns of the exported quarterly report, shared by CSV and XLSX so
 * the two files always agree. Each has a stable key, the JSON field name
 * (`activities.<type>` for the activities of one type); the headers a
 * reader sees are the keys' labels in the caller's language.
 */
export interface Column {
  key: string;
  value: (row: QuarterlyRow) => string | number;
  /** The column's total, for the counts; the office columns have none. */
  total?: (totals: QuarterlyCounts) => number;
}

const count = (key: Exclude<keyof QuarterlyCounts, 'activitiesByType'>): Column => ({
  key,
  value: (row) => row[key],
  total: (totals) => totals[key],
});

export const QUARTERLY_COLUMNS: readonly Column[] = [
  { key: 'office', value: (row) => row.office },
  { key: 'nameZh', value: (row) => row.nameZh },
  { key: 'nameEn', value: (row) => row.nameEn },
  count('newProposals'),
  count('signings'),
  count('activities'),
  ...ACTIVITY_TYPES.map((type) => ({
    key: `activities.${type}`,
    value: (row: QuarterlyRow) => row.activitiesByType[type],
    total: (totals: QuarterlyCounts) => totals.activitiesByType[type],
  })),
  count('outcomes'),
  count('projectsStarted'),
  count('projectsCompleted'),
  count('reactivations'),
];

/** How a quarterly sheet is presented: the plain layout (keys as headers, rows only) when none is given. */
export interface SheetPresentation {
  /** The header of a column, from its key. */
  header: (key: string) => string;
  /** The lines above the header: the title, the office, the period. */
  title: readonly string[];
  /** The first cell of the totals row, e.g. 合计. */
  totalsLabel: string;
  sheetName: string;
}

/** The quarterly report as a sheet: in the plain layout, or with a title, labelled headers and a totals row. */
export function quarterlySheet(report: QuarterlyReport, presentation?: SheetPresentation): Sheet {
  const rows = report.rows.map((row) => QUARTERLY_COLUMNS.map((column) => column.value(row)));
  if (presentation === undefined) {
    return { name: `${report.year} Q${report.quarter}`, title: [], headers: QUARTERLY_COLUMNS.map((column) => column.key), rows };
  }
  return {
    name: presentation.sheetName,
    title: presentation.title,
    headers: QUARTERLY_COLUMNS.map((column) => presentation.header(column.key)),
    rows,
    totals: QUARTERLY_COLUMNS.map((column, index) => (index === 0 ? presentation.totalsLabel : (column.total?.(report.totals) ?? ''))),
  };
}
