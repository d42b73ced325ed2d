import { type Quarter, quarterRange } from '../../commands/report/index.ts';
import { addDays, dayNumber } from '../shared/dates.ts';
import { OFFICES } from '../shared/offices.ts';
import { quarterKey, type ReportsView } from './view.ts';

/**
 * Which of the 17 offices had submitted their report for a quarter by the end
 * of `day`, and which had not, for the dashboard that chases the latecomers.
 */
export function submissionStatus(view: ReportsView, { year, quarter, day }: { year: number; quarter: Quarter; day: string }) {
  const d = dayNumber(day);
  const forQuarter = view.byQuarter.get(quarterKey(year, quarter));
  const submitted = OFFICES.flatMap((office) => {
    const made = forQuarter?.get(office.office)?.submissions.filter((submission) => submission.day <= d) ?? [];
    const first = made[0];
    const last = made.at(-1);
    if (first === undefined || last === undefined) return [];
    return [{ ...office, submittedOn: last.date, firstSubmittedOn: first.date, submissions: made.length, actor: last.actor }];
  });
  const done = new Set(submitted.map((office) => office.office));
  const missing = OFFICES.filter((office) => !done.has(office.office));
  return {
    today: day,
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
