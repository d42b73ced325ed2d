import type { DomainEvent } from '../decider.ts';
import type { ProjectSector } from './commands.ts';

/** Every project fact carries the project id and the day it happened. */
type Fact = {
  projectId: string;
  date: string;
  notes?: string;
};

export interface Budget {
  amount: number;
  currency: string;
}

export interface PlannedMilestone {
  milestoneId: string;
  title: string;
  dueDate: string;
}

export type ProjectPlanned = DomainEvent<
  'ProjectPlanned',
  Fact & {
    title: string;
    sector: ProjectSector;
    partnershipIds: string[];
    leadOffice: string;
    /** The prefecture city (or 370000) of the lead office, for scoping and reports. */
    leadOfficeCity: string;
    plannedStart: string;
    plannedEnd: string;
    budget?: Budget;
    milestones: PlannedMilestone[];
  }
>;
export type ProjectStarted = DomainEvent<'ProjectStarted', Fact>;
export type MilestoneRecorded = DomainEvent<
  'MilestoneRecorded',
  Fact & { milestoneId: string; title: string; planned: boolean }
>;
export type ProjectCompleted = DomainEvent<'ProjectCompleted', Fact & { summary?: string }>;
export type ProjectCancelled = DomainEvent<'ProjectCancelled', Fact & { reason: string }>;

export type ProjectEvent = ProjectPlanned | ProjectStarted | MilestoneRecorded | ProjectCompleted | ProjectCancelled;

export type ProjectEventType = ProjectEvent['type'];
