export { QUARTERLY_COLUMNS, type SheetPresentation } from './columns.ts';
export { quarterlyReportCsv } from './csv.ts';
export { reportsProjection } from './projection.ts';
export * from './quarterly-report.ts';
export { submissionStatus } from './submission-status.ts';
export { quarterKey, type ReportEntry, type ReportsView, SUBMISSIONS, type Submission } from './view.ts';
export { quarterlyReportWorkbook } from './xlsx.ts';
