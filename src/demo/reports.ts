import { quarterRange, quarterlyReportId } from '../../commands/report/index.ts';
import { OFFICE_CODES } from '../../projections/reference/index.ts';
import { addDays } from './dates.ts';
import type { Random } from './random.ts';

/** The quarters the demo offices report on: the reporting system's first three years. */
export const REPORTING_FIRST_YEAR = 2019;
const LAST = { year: 2021, quarter: 3 } as const;
/** Most offices report; a few miss a quarter, so the dashboard has someone to chase. */
const SUBMIT_CHANCE = 0.9;

export interface ReportPlan {
  id: string;
  office: string;
  key: string;
  date: string;
  body: { type: 'SubmitQuarterlyReport'; data: { office: string; year: number; quarter: number; summary: string } };
}

/**
 * Quarterly reports (季度报告) from 2019 Q1 to 2021 Q3, each submitted within
 * a month after its quarter ended. 2021 Q4 had not ended on the demo's day,
 * so no office could have reported on it.
 */
export function buildReports(rnd: Random): ReportPlan[] {
  const plans: ReportPlan[] = [];
  for (let year = REPORTING_FIRST_YEAR; year <= LAST.year; year++) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      if (year === LAST.year && quarter > LAST.quarter) break;
      const { to } = quarterRange(year, quarter as 1 | 2 | 3 | 4);
      for (const office of OFFICE_CODES) {
        if (!rnd.chance(SUBMIT_CHANCE)) continue;
        const id = quarterlyReportId(office, year, quarter);
        plans.push({
          id,
          office,
          key: `report/${id}`,
          date: addDays(to, rnd.int(5, 30)),
          body: {
            type: 'SubmitQuarterlyReport',
            data: { office, year, quarter, summary: `Friendship-city work of ${year} Q${quarter}: exchanges, projects and follow-up.` },
          },
        });
      }
    }
  }
  return plans;
}
