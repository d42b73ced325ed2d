import type { Quarter, ReportEvent, ReportEventType } from '../../commands/report/index.ts';
import type { Projection } from '../projection.ts';
import { isNew, stamp } from '../shared/revision.ts';

/** One office's report for one quarter, as last submitted. */
export type SubmissionDoc = {
  /** `<office>-<year>-q<quarter>`, the report aggregate's id. */
  id: string;
  office: string;
  year: number;
  quarter: Quarter;
  firstSubmittedOn: string;
  /** The latest submission: a correction replaces the report it corrects. */
  submittedOn: string;
  /** How many times it was submitted, corrections included. */
  submissions: number;
  /** Who submitted the latest version (from the event metadata). */
  actor: string;
  summary?: string;
  revision: number;
  updatedAt: string;
};

export const SUBMISSIONS = 'submissions';

const HANDLED: Record<ReportEventType, true> = { QuarterlyReportSubmitted: true };

export const reportsProjection: Projection = {
  name: 'reports',
  version: 1,
  collections: [SUBMISSIONS],
  handles: new Set(Object.keys(HANDLED)),
  touches: (recorded) => [[SUBMISSIONS, String(recorded.data.reportId)]],
  apply(recorded, docs) {
    // `handles` admits only report events, whose data the write side shaped.
    const { data } = { type: recorded.type, data: recorded.data } as ReportEvent;
    const doc = docs.get<SubmissionDoc>(SUBMISSIONS, data.reportId);
    if (!isNew(doc, recorded)) return;
    const next: SubmissionDoc = {
      id: data.reportId,
      office: data.office,
      year: data.year,
      quarter: data.quarter,
      firstSubmittedOn: doc?.firstSubmittedOn ?? data.date,
      submittedOn: data.date,
      submissions: (doc?.submissions ?? 0) + 1,
      actor: recorded.metadata.actor,
      ...(data.summary !== undefined && { summary: data.summary }),
      ...stamp(recorded),
    };
    docs.put(SUBMISSIONS, data.reportId, next);
  },
};
