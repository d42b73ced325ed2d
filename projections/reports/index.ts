export { QUARTERLY_COLUMNS } from './columns.ts';
export { quarterlyReportCsv } from './csv.ts';
export * from './quarterly-report.ts';
export { submissionStatus } from './submission-status.ts';
export * from './submissions.ts';
export { quarterlyReportWorkbook } from './xlsx.ts';
