import type { Quarter } from '../../commands/report/index.ts';
import { dayNumber } from '../shared/dates.ts';
import type { StoredEvent, StreamDoc } from '../shared/stream-docs.ts';
import type { ViewDefinition } from '../view.ts';

export const SUBMISSIONS = 'submissions';

/** One submission of an office's report for a quarter (a resubmission corrects it). */
export interface Submission {
  day: number;
  date: string;
  actor: string;
  summary: string | undefined;
  revision: number;
  recordedAt: string;
}

export interface ReportEntry {
  id: string;
  office: string;
  year: number;
  quarter: Quarter;
  submissions: Submission[];
}

export interface ReportsView {
  /** By `<year>-q<quarter>`, then by office. */
  byQuarter: Map<string, Map<string, ReportEntry>>;
}

export const quarterKey = (year: number, quarter: number): string => `${year}-q${quarter}`;

function submission(event: StoredEvent): Submission {
  const date = String(event.data.date);
  return {
    day: dayNumber(date),
    date,
    actor: event.actor,
    summary: typeof event.data.summary === 'string' ? event.data.summary : undefined,
    revision: event.revision,
    recordedAt: event.recordedAt,
  };
}

export const reportsView: ViewDefinition<ReportsView> = {
  create: () => ({ byQuarter: new Map() }),
  apply(view, changes) {
    for (const change of changes) {
      if (change.collection !== SUBMISSIONS || change.after === undefined) continue;
      const { id, events } = change.after as StreamDoc;
      const first = events[0]?.data;
      if (first === undefined) continue;
      const entry: ReportEntry = {
        id,
        office: String(first.office),
        year: Number(first.year),
        quarter: Number(first.quarter) as Quarter,
        submissions: events.map(submission),
      };
      const key = quarterKey(entry.year, entry.quarter);
      const offices = view.byQuarter.get(key) ?? new Map<string, ReportEntry>();
      offices.set(entry.office, entry);
      view.byQuarter.set(key, offices);
    }
  },
};
