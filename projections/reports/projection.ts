import type { ReportEventType } from '../../commands/report/index.ts';
import { streamDocProjection } from '../shared/stream-docs.ts';
import { reportsView, SUBMISSIONS } from './view.ts';

const HANDLED: Record<ReportEventType, true> = { QuarterlyReportSubmitted: true };

/** Quarterly report submissions: one document per office and quarter, every submission in order. */
export const reportsProjection = streamDocProjection({
  name: 'reports',
  version: 2,
  collection: SUBMISSIONS,
  handled: HANDLED,
  idField: 'reportId',
  creates: 'QuarterlyReportSubmitted',
  view: reportsView,
});
