import { DomainError } from '../errors.ts';
import { requireNotBefore } from '../shared/dates.ts';
import { illegalTransition } from '../shared/errors.ts';
import type { PartnershipCommandType } from './commands.ts';
import type { Partnership } from './state.ts';
import { PARTNERSHIP_STATUSES, PIPELINE_STATUSES, type PartnershipStatus } from './vocabulary.ts';

/**
 * The statuses each command may be applied in (DESIGN §3). SignAgreement is
 * listed for intent_signed because non-sister kinds may sign there; sister
 * partnerships are held back by their approvals instead.
 */
export const PARTNERSHIP_TRANSITIONS: Readonly<
  Record<Exclude<PartnershipCommandType, 'ProposePartnership'>, readonly PartnershipStatus[]>
> = {
  RecordContact: ['candidate'],
  SignLetterOfIntent: ['candidate', 'in_contact'],
  // While active, a friendly-cooperation tie goes through the sister approvals to be upgraded.
  RequestApproval: ['intent_signed', 'active'],
  RecordApprovalDecision: ['under_review', 'active'],
  SignAgreement: ['intent_signed', 'approved'],
  RecordActivity: [...PIPELINE_STATUSES, 'active', 'dormant'],
  UpgradeRelationship: ['active'],
  MarkDormant: ['active'],
  Reactivate: ['dormant'],
  TerminatePartnership: ['active', 'dormant'],
  WithdrawProposal: PIPELINE_STATUSES,
  // A mistyped name is corrected whatever became of the partnership.
  CorrectPartnershipRecord: PARTNERSHIP_STATUSES,
};

export function requireTransition(
  command: Exclude<PartnershipCommandType, 'ProposePartnership'>,
  state: Partnership,
): void {
  if (!PARTNERSHIP_TRANSITIONS[command].includes(state.status)) {
    throw illegalTransition(command, 'partnership', state.status);
  }
}

/**
 * Facts are appended in the order they happened. Nothing predates the
 * proposal; the agreement does not predate the letter of intent; and a
 * lifecycle step does not predate the step that led to the current status.
 * Activities and corrections are only held to the proposal date: offices
 * often enter them late, and a correction is about the record, not a step.
 */
export function requireDateOrder(command: PartnershipCommandType, date: string, state: Partnership): void {
  requireNotBefore(date, state.proposedOn, 'date-before-proposal', 'the proposal');
  if (command === 'RecordActivity' || command === 'CorrectPartnershipRecord') return;
  if (command === 'SignAgreement' && state.intentSignedOn !== null) {
    requireNotBefore(date, state.intentSignedOn, 'date-before-letter-of-intent', 'the letter of intent');
  }
  if (date < state.statusSince) {
    const message = `${command} dated ${date} is before the partnership became ${state.status} on ${state.statusSince}`;
    throw new DomainError('date-out-of-order', message, ['date'], {
      values: { date, aggregate: 'partnership', status: state.status, since: state.statusSince },
    });
  }
}
