import { type Quarter, quarterRange } from '../../commands/report/index.ts';
import { addDays } from '../shared/dates.ts';
import { OFFICES } from '../shared/offices.ts';
import type { SubmissionDoc } from './submissions.ts';

/**
 * Which of the 17 offices have submitted their report for a quarter and
 * which have not, for the dashboard that chases the latecomers.
 */
export function submissionStatus(submissions: readonly SubmissionDoc[], { year, quarter }: { year: number; quarter: Quarter }) {
  const forQuarter = new Map(
    submissions.filter((doc) => doc.year === year && doc.quarter === quarter).map((doc) => [doc.office, doc]),
  );
  const submitted = OFFICES.flatMap((office) => {
    const doc = forQuarter.get(office.office);
    if (doc === undefined) return [];
    const { submittedOn, firstSubmittedOn, submissions: times, actor } = doc;
    return [{ ...office, submittedOn, firstSubmittedOn, submissions: times, actor }];
  });
  const missing = OFFICES.filter((office) => !forQuarter.has(office.office));
  return {
    year,
    quarter,
    /** The first day a report can be submitted. */
    openFrom: addDays(quarterRange(year, quarter).to, 1),
    submittedCount: submitted.length,
    missingCount: missing.length,
    submitted,
    missing,
  };
}
