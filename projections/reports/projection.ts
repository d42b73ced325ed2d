import type { ReportEventType } from '../../commands/report/index.ts';
import type { Projection } from '../projection.ts';
import { appendToStreamDoc } from '../shared/stream-docs.ts';
import { reportsView, SUBMISSIONS, type ReportsView } from './view.ts';

const HANDLED: Record<ReportEventType, true> = { QuarterlyReportSubmitted: true };

/** Quarterly report submissions: one document per office and quarter, every submission in order. */
export const reportsProjection: Projection<ReportsView> = {
  name: 'reports',
  version: 2,
  collections: [SUBMISSIONS],
  handles: new Set(Object.keys(HANDLED)),
  touches: (event) => [[SUBMISSIONS, String(event.data.reportId)]],
  apply: (event, docs) => appendToStreamDoc(docs, SUBMISSIONS, String(event.data.reportId), event, 'QuarterlyReportSubmitted'),
  view: reportsView,
};
