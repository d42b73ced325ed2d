import type { DecideContext } from '../decider.ts';
import { DomainError } from '../errors.ts';
import { factDate, requireNotBefore } from '../shared/dates.ts';
import { cityOf } from '../shared/divisions.ts';
import { alreadyExists, illegalTransition, notFound, requireSameId, unreachable } from '../shared/errors.ts';
import { eventFactory } from '../shared/events.ts';
import type { ProjectCommand, ProjectCommandType } from './commands.ts';
import type { ProjectEvent } from './events.ts';
import type { Project, ProjectState, ProjectStatus } from './state.ts';

const event = eventFactory<ProjectEvent>();

type Command<T extends ProjectCommandType> = Extract<ProjectCommand, { type: T }>;

/**
 * The statuses each command may be applied in. Milestones are progress of
 * execution, so they are recorded only once the project has started; a
 * completed or cancelled project is closed for good.
 */
export const PROJECT_TRANSITIONS: Readonly<
  Record<Exclude<ProjectCommandType, 'PlanProject'>, readonly ProjectStatus[]>
> = {
  StartProject: ['planned'],
  RecordMilestone: ['started'],
  CompleteProject: ['started'],
  CancelProject: ['planned', 'started'],
};

export function decide(command: ProjectCommand, state: ProjectState, context: DecideContext): ProjectEvent[] {
  if (command.type === 'PlanProject') {
    if (state.status !== 'none') throw alreadyExists('project', command.id);
    return [plan(command, context)];
  }
  if (state.status === 'none') throw notFound('project', command.id);

  const date = factDate(command.data.date, context.now);
  if (!PROJECT_TRANSITIONS[command.type].includes(state.status)) {
    throw illegalTransition(command.type, 'project', state.status);
  }
  requireNotBefore(date, state.plannedOn, 'date-before-planning', 'the project was planned');
  if (date < state.statusSince) {
    const message =
      `${command.type} dated ${date} is before the project became ${state.status} on ${state.statusSince}`;
    throw new DomainError('date-out-of-order', message, ['date'], {
      values: { date, aggregate: 'project', status: state.status, since: state.statusSince },
    });
  }
  const fact = { projectId: state.id, date, notes: command.data.notes };

  switch (command.type) {
    case 'StartProject':
      return [event('ProjectStarted', fact)];
    case 'RecordMilestone':
      return [recordMilestone(command, state, fact, context)];
    case 'CompleteProject':
      return [event('ProjectCompleted', { ...fact, summary: command.data.summary })];
    case 'CancelProject':
      return [event('ProjectCancelled', { ...fact, reason: command.data.reason })];
    default:
      return unreachable(command);
  }
}

function plan({ id, data }: Command<'PlanProject'>, context: DecideContext) {
  requireSameId(data.id, id);
  const leadOfficeCity = cityOf(data.leadOffice);
  if (leadOfficeCity === undefined) {
    const message = `${data.leadOffice} is not a Shandong division code`;
    throw new DomainError('division-invalid', message, ['leadOffice'], { values: { code: data.leadOffice } });
  }
  if (data.plannedEnd < data.plannedStart) {
    const message = `plannedEnd ${data.plannedEnd} is before plannedStart ${data.plannedStart}`;
    throw new DomainError('planned-end-before-start', message, ['plannedEnd'], {
      values: { plannedEnd: data.plannedEnd, plannedStart: data.plannedStart },
    });
  }
  const { title, sector, leadOffice, plannedStart, plannedEnd, budget } = data;
  return event('ProjectPlanned', {
    projectId: id,
    date: factDate(data.date, context.now),
    notes: data.notes,
    title,
    sector,
    // Duplicates are a schema error for HTTP callers; other callers get them collapsed.
    partnershipIds: [...new Set(data.partnershipIds)],
    leadOffice,
    leadOfficeCity,
    plannedStart,
    plannedEnd,
    budget,
    milestones: (data.milestones ?? []).map(({ title, dueDate }) => ({ milestoneId: context.newId(), title, dueDate })),
  });
}

type Fact = { projectId: string; date: string; notes: string | undefined };

function recordMilestone({ data }: Command<'RecordMilestone'>, state: Project, fact: Fact, context: DecideContext) {
  if (data.milestoneId === undefined) {
    return event('MilestoneRecorded', { ...fact, milestoneId: context.newId(), title: data.title, planned: false });
  }
  const milestone = state.milestones.find((m) => m.milestoneId === data.milestoneId);
  if (milestone === undefined) {
    const message = `milestone ${data.milestoneId} is not one of this project's milestones`;
    throw new DomainError('unknown-milestone', message, ['milestoneId'], { values: { milestoneId: data.milestoneId } });
  }
  if (milestone.recordedOn !== null) {
    const message = `milestone "${milestone.title}" was already recorded on ${milestone.recordedOn}`;
    throw new DomainError('milestone-already-recorded', message, undefined, {
      values: { title: milestone.title, recordedOn: milestone.recordedOn },
    });
  }
  return event('MilestoneRecorded', { ...fact, milestoneId: milestone.milestoneId, title: data.title, planned: true });
}
