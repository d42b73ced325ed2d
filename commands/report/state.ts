import { unreachable } from '../shared/errors.ts';
import type { ReportEvent } from './events.ts';
import type { Quarter } from './quarters.ts';

export interface QuarterlyReport {
  id: string;
  status: 'submitted';
  office: string;
  year: number;
  quarter: Quarter;
  firstSubmittedOn: string;
  lastSubmittedOn: string;
  /** How many times it was submitted, corrections included. */
  submissions: number;
}

export type ReportState = { status: 'none' } | QuarterlyReport;

export const initialState: ReportState = { status: 'none' };

export function evolve(state: ReportState, event: ReportEvent): ReportState {
  switch (event.type) {
    case 'QuarterlyReportSubmitted': {
      const { reportId, office, year, quarter, date } = event.data;
      if (state.status === 'none') {
        return {
          id: reportId,
          status: 'submitted',
          office,
          year,
          quarter,
          firstSubmittedOn: date,
          lastSubmittedOn: date,
          submissions: 1,
        };
      }
      return { ...state, lastSubmittedOn: date, submissions: state.submissions + 1 };
    }
    default:
      return unreachable(event.type);
  }
}
