import type { DecideContext } from '../decider.ts';
import { DomainError } from '../errors.ts';
import { chinaToday, factDate } from '../shared/dates.ts';
import { unreachable } from '../shared/errors.ts';
import { eventFactory } from '../shared/events.ts';
import { isReportingOffice, type ReportCommand } from './commands.ts';
import type { ReportEvent } from './events.ts';
import { isQuarter, quarterlyReportId, quarterRange } from './quarters.ts';
import type { ReportState } from './state.ts';

const event = eventFactory<ReportEvent>();

export function decide(command: ReportCommand, state: ReportState, context: DecideContext): ReportEvent[] {
  switch (command.type) {
    case 'SubmitQuarterlyReport':
      return [submit(command, state, context)];
    default:
      return unreachable(command.type);
  }
}

function submit({ id, data }: ReportCommand, state: ReportState, context: DecideContext) {
  const { office, year, quarter, summary, notes } = data;
  // Checked again here for callers that bypass the schema (CLI, imports).
  if (!isReportingOffice(office)) {
    const message = `${office} is not a reporting office: use 370000 or one of the 16 cities`;
    throw new DomainError('office-invalid', message, ['office'], { values: { office } });
  }
  if (!Number.isInteger(year) || year < 1980 || year > 2100 || !isQuarter(quarter)) {
    throw new DomainError('period-invalid', `${year} Q${quarter} is not a reportable quarter`, ['quarter'], { values: { year, quarter } });
  }
  // The stream is named after the office and quarter, so the id the handler uses must say the same.
  const reportId = quarterlyReportId(office, year, quarter);
  if (id !== reportId) {
    throw new DomainError('id-mismatch', `report id ${id} does not match ${reportId} from the body`, ['id'], { values: { given: reportId, id } });
  }
  const { to } = quarterRange(year, quarter);
  const today = chinaToday(context.now);
  if (today <= to) {
    const message = `${year} Q${quarter} ends on ${to}; its report can be submitted from the next day (today is ${today})`;
    throw new DomainError('quarter-not-ended', message, ['quarter'], { values: { year, quarter, end: to, today } });
  }
  const date = factDate(data.date, context.now);
  if (date <= to) {
    const message = `a report of ${year} Q${quarter} cannot be dated ${date}, before the quarter ended on ${to}`;
    throw new DomainError('date-before-quarter-end', message, ['date'], { values: { year, quarter, end: to, date } });
  }
  if (state.status !== 'none' && date < state.lastSubmittedOn) {
    const message = `date ${date} is before the previous submission on ${state.lastSubmittedOn}`;
    throw new DomainError('date-out-of-order', message, ['date'], { values: { date, previous: state.lastSubmittedOn } });
  }
  const resubmission = state.status !== 'none';
  return event('QuarterlyReportSubmitted', { reportId, office, year, quarter, date, summary, notes, resubmission });
}
