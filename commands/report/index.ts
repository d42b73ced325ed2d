import type { Decider } from '../decider.ts';
import type { ReportCommand } from './commands.ts';
import { decide } from './decide.ts';
import type { ReportEvent } from './events.ts';
import { quarterlyReportId } from './quarters.ts';
import { evolve, initialState, type ReportState } from './state.ts';

export const reportDecider: Decider<ReportCommand, ReportState, ReportEvent> = {
  name: 'quarterly report',
  initialState,
  evolve,
  decide,
};

/** The stream of one office's report for one quarter. */
export const quarterlyReportStream = (office: string, year: number, quarter: number): string =>
  reportStream(quarterlyReportId(office, year, quarter));

/** The same stream from an aggregate id such as `370200-2021-q4`, for route tables keyed by id. */
export const reportStream = (id: string): string => `quarterly-report-${id}`;

export * from './commands.ts';
export type * from './events.ts';
export * from './quarters.ts';
export type { QuarterlyReport, ReportState } from './state.ts';
