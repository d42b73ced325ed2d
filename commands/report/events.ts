import type { DomainEvent } from '../decider.ts';
import type { Quarter } from './quarters.ts';

/**
 * An office submitted its quarterly report (季度报告). Offices correct their
 * reports, so the same quarter may be submitted again; `resubmission` tells
 * a correction from the first submission without reading the stream.
 */
export type QuarterlyReportSubmitted = DomainEvent<
  'QuarterlyReportSubmitted',
  {
    reportId: string;
    /** Division code of the province (370000) or one of the 16 cities. */
    office: string;
    year: number;
    quarter: Quarter;
    /** The day it was submitted. */
    date: string;
    summary?: string;
    notes?: string;
    resubmission: boolean;
  }
>;

export type ReportEvent = QuarterlyReportSubmitted;

export type ReportEventType = ReportEvent['type'];
