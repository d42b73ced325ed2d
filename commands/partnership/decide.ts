import type { DecideContext } from '../decider.ts';
import { DomainError } from '../errors.ts';
import { factDate } from '../shared/dates.ts';
import { alreadyExists, notFound, requireSameId, unreachable } from '../shared/errors.ts';
import { eventFactory } from '../shared/events.ts';
import { normaliseRank } from './vocabulary.ts';
import { levelsAfter, nextApprovalLevel, requiredApprovals } from './approvals.ts';
import type { PartnershipCommand } from './commands.ts';
import type { PartnershipEvent } from './events.ts';
import { checkPartnerSide, resolveLocalSide } from './parties.ts';
import type { Partnership, PartnershipState } from './state.ts';
import { requireDateOrder, requireTransition } from './transitions.ts';

const event = eventFactory<PartnershipEvent>();

type Command<T extends PartnershipCommand['type']> = Extract<PartnershipCommand, { type: T }>;

export function decide(
  command: PartnershipCommand,
  state: PartnershipState,
  context: DecideContext,
): PartnershipEvent[] {
  if (command.type === 'ProposePartnership') {
    if (state.status !== 'none') throw alreadyExists('partnership', command.id);
    return [propose(command, context)];
  }
  if (state.status === 'none') throw notFound('partnership', command.id);

  const date = factDate(command.data.date, context.now);
  requireTransition(command.type, state);
  requireDateOrder(command.type, date, state);
  const fact = { partnershipId: state.id, date, notes: command.data.notes };

  switch (command.type) {
    case 'RecordContact':
      return [event('ContactEstablished', { ...fact, channel: command.data.channel })];
    case 'SignLetterOfIntent':
      return [event('LetterOfIntentSigned', { ...fact, documentRef: command.data.documentRef })];
    case 'RequestApproval':
      return [requestApproval(command, state, fact)];
    case 'RecordApprovalDecision':
      return [decideApproval(command, state, fact)];
    case 'SignAgreement':
      return [signAgreement(command, state, fact)];
    case 'RecordActivity':
      return recordActivity(command, state, fact, context.newId());
    case 'UpgradeRelationship':
      if (state.kind !== 'friendly_cooperation') {
        const message = `only a friendly_cooperation relationship can be upgraded to sister; this one is ${state.kind}`;
        throw new DomainError('upgrade-not-allowed', message, undefined, { values: { kind: state.kind } });
      }
      return [event('RelationshipUpgraded', { ...fact, from: state.kind, to: command.data.to })];
    case 'MarkDormant':
      return [event('PartnershipMarkedDormant', { ...fact, reason: command.data.reason })];
    case 'Reactivate': {
      const { reason, campaignId } = command.data;
      return [event('PartnershipReactivated', { ...fact, reason, campaignId })];
    }
    case 'TerminatePartnership':
      return [event('PartnershipTerminated', { ...fact, reason: command.data.reason })];
    case 'WithdrawProposal':
      return [event('ProposalWithdrawn', { ...fact, reason: command.data.reason })];
    default:
      return unreachable(command);
  }
}

type Fact = { partnershipId: string; date: string; notes: string | undefined };

function propose({ id, data }: Command<'ProposePartnership'>, context: DecideContext) {
  requireSameId(data.id, id);
  const local = resolveLocalSide(data.local);
  return event('PartnershipProposed', {
    partnershipId: id,
    date: factDate(data.date, context.now),
    notes: data.notes,
    kind: data.kind,
    local,
    partner: checkPartnerSide(data.partner),
    approvalsRequired: requiredApprovals(data.kind, local.level),
  });
}

function requestApproval({ data }: Command<'RequestApproval'>, state: Partnership, fact: Fact) {
  const { required, granted } = state.approvals;
  const next = nextApprovalLevel(required, granted.length);
  if (next === undefined) {
    throw new DomainError('approval-not-required', `a ${state.kind} partnership needs no approval`, undefined, { values: { kind: state.kind } });
  }
  if (data.level !== next) {
    throw new DomainError('approval-out-of-order', `the next approval needed is ${next}, not ${data.level}`, undefined, {
      values: { next, level: data.level },
    });
  }
  return event('ApprovalRequested', { ...fact, level: data.level });
}

function decideApproval({ data }: Command<'RecordApprovalDecision'>, state: Partnership, fact: Fact) {
  const { pending, required } = state.approvals;
  if (data.level !== pending) {
    throw new DomainError('approval-level-mismatch', `the ${pending} approval is pending, not ${data.level}`, undefined, {
      values: { pending: pending ?? '', level: data.level },
    });
  }
  const { level, reference, reason } = data;
  if (data.decision === 'granted') {
    const levelsRemaining = levelsAfter(required, level);
    return event('ApprovalGranted', { ...fact, level, reference, reason, levelsRemaining });
  }
  if (reason === undefined) {
    throw new DomainError('reason-required', 'a rejection needs a reason', ['reason']);
  }
  return event('ApprovalRejected', { ...fact, level, reason, reference });
}

function signAgreement({ data }: Command<'SignAgreement'>, state: Partnership, fact: Fact) {
  if (state.status !== 'approved' && state.approvals.required.length > 0) {
    const missing = state.approvals.required.slice(state.approvals.granted.length).join(', ');
    const message = `a sister partnership is signed only once approved; approvals still missing: ${missing}`;
    throw new DomainError('approvals-incomplete', message, undefined, { values: { missing } });
  }
  const { place, signatories, documentRef } = data;
  return event('AgreementSigned', { ...fact, kind: state.kind, place, signatories, documentRef });
}

function recordActivity({ data }: Command<'RecordActivity'>, state: Partnership, fact: Fact, activityId: string) {
  const { type, direction, title, participants, audience, leaderRank } = data;
  const outcomes = data.outcomes ?? [];
  const recorded = event('ActivityRecorded', {
    ...fact,
    activityId,
    type,
    direction,
    title,
    participants,
    audience,
    leaderRank: leaderRank === undefined ? undefined : normaliseRank(leaderRank),
    leaderTitle: leaderRank,
    outcomes,
  });
  // An activity that happened before the partnership went dormant, entered late, does not revive it.
  if (state.status !== 'dormant' || (state.dormantSince !== null && fact.date < state.dormantSince)) return [recorded];
  const reason = `activity recorded: ${title}`;
  return [recorded, event('PartnershipReactivated', { partnershipId: state.id, date: fact.date, reason, activityId })];
}
