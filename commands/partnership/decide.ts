import type { DecideContext } from '../decider.ts';
import { DomainError } from '../errors.ts';
import { factDate } from '../shared/dates.ts';
import { alreadyExists, notFound, requireSameId, unreachable } from '../shared/errors.ts';
import { eventFactory } from '../shared/events.ts';
import { normaliseRank } from './vocabulary.ts';
import { grantNeedsReference, levelsAfter, nextApprovalLevel, requiredApprovals } from './approvals.ts';
import type { PartnershipCommand } from './commands.ts';
import type { PartnerCorrection, PartnershipEvent } from './events.ts';
import { checkPartnerSide, resolveLocalSide } from './parties.ts';
import type { Approvals, Partnership, PartnershipState } from './state.ts';
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
      return [upgrade(command, state, fact)];
    case 'MarkDormant':
      return [event('PartnershipMarkedDormant', { ...fact, reason: command.data.reason })];
    case 'Reactivate': {
      const { reason, campaignId } = command.data;
      return [event('PartnershipReactivated', { ...fact, reason, campaignId })];
    }
    case 'TerminatePartnership': {
      const { reason, reference } = command.data;
      if (state.kind === 'sister' && reference === undefined) {
        throw new DomainError('reference-required', "ending a sister tie cites the province office's document; give its reference", ['reference'], {
          values: { kind: state.kind },
        });
      }
      return [event('PartnershipTerminated', { ...fact, reason, reference })];
    }
    case 'WithdrawProposal':
      return [event('ProposalWithdrawn', { ...fact, reason: command.data.reason })];
    case 'CorrectPartnershipRecord':
      return correctRecord(command, state, fact);
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

/** Only friendly cooperation grows into a sister tie; institutional ties stay what they are. */
function requireUpgradable(state: Partnership): asserts state is Partnership & { kind: 'friendly_cooperation' } {
  if (state.kind !== 'friendly_cooperation') {
    const message = `only a friendly_cooperation relationship can be upgraded to sister; this one is ${state.kind}`;
    throw new DomainError('upgrade-not-allowed', message, undefined, { values: { kind: state.kind } });
  }
}

/**
 * The approvals a command works on: the file's own in the pipeline; for an
 * active tie, those of its upgrade to sister, which needs the chain a new
 * sister tie of its local level needs.
 */
function approvalsInPlay(state: Partnership): Approvals {
  if (state.status !== 'active') return state.approvals;
  requireUpgradable(state);
  return state.upgradeApprovals ?? { required: requiredApprovals('sister', state.local.level), granted: [], pending: null };
}

function requestApproval({ data }: Command<'RequestApproval'>, state: Partnership, fact: Fact) {
  const { required, granted, pending } = approvalsInPlay(state);
  if (pending !== null) {
    throw new DomainError('approval-out-of-order', `the ${pending} approval is already pending`);
  }
  const next = nextApprovalLevel(required, granted.length);
  if (next === undefined) {
    if (state.status === 'active') throw new DomainError('approval-not-required', 'the upgrade to sister has every approval it needs');
    throw new DomainError('approval-not-required', `a ${state.kind} partnership needs no approval`, undefined, { values: { kind: state.kind } });
  }
  if (data.level !== next) {
    throw new DomainError('approval-out-of-order', `the next approval needed is ${next}, not ${data.level}`, undefined, {
      values: { next, level: data.level },
    });
  }
  const upgradeRequires = state.status === 'active' && state.upgradeApprovals === undefined ? required : undefined;
  return event('ApprovalRequested', { ...fact, level: data.level, upgradeRequires });
}

function decideApproval({ data }: Command<'RecordApprovalDecision'>, state: Partnership, fact: Fact) {
  const { pending, required } = approvalsInPlay(state);
  if (pending === null) {
    throw new DomainError('approval-level-mismatch', `no approval is pending, so no ${data.level} decision can be recorded`);
  }
  if (data.level !== pending) {
    throw new DomainError('approval-level-mismatch', `the ${pending} approval is pending, not ${data.level}`, undefined, {
      values: { pending, level: data.level },
    });
  }
  const { level, reference, reason } = data;
  if (data.decision === 'granted') {
    if (reference === undefined && grantNeedsReference(level)) {
      throw new DomainError('reference-required', `a ${level} approval is granted by a document; give its reference`, ['reference'], { values: { level } });
    }
    const levelsRemaining = levelsAfter(required, level);
    return event('ApprovalGranted', { ...fact, level, reference, reason, levelsRemaining });
  }
  if (reason === undefined) {
    throw new DomainError('reason-required', `a ${data.decision} file needs a reason`, ['reason']);
  }
  if (data.decision === 'returned') return event('ApprovalReturned', { ...fact, level, reason, reference });
  // A refusal is stored as ApprovalRejected, the event that has always meant it.
  return event('ApprovalRejected', { ...fact, level, reason, reference });
}

/** The new sister agreement completes an upgrade whose approvals are all granted. */
function upgrade({ data }: Command<'UpgradeRelationship'>, state: Partnership, fact: Fact) {
  requireUpgradable(state);
  const { required, granted } = approvalsInPlay(state);
  const missing = required.slice(granted.length);
  if (missing.length > 0) {
    const message = `an upgrade to sister needs the approvals a new sister tie needs; still missing: ${missing.join(', ')}`;
    throw new DomainError('approvals-incomplete', message, undefined, { values: { missing: missing.join(', '), upgrade: 'sister' } });
  }
  const { to, place, signatories, documentRef } = data;
  return event('RelationshipUpgraded', { ...fact, from: state.kind, to, place, signatories, documentRef });
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

/** The fields that change, with what they were; nothing when the record already reads so. */
function correctRecord(command: Command<'CorrectPartnershipRecord'>, state: Partnership, fact: { partnershipId: string; date: string; notes?: string | undefined }): PartnershipEvent[] {
  const partner: PartnerCorrection = {};
  const previous: PartnerCorrection = {};
  for (const field of ['nameZh', 'nameEn', 'nameNative', 'level'] as const) {
    const value = command.data.partner[field];
    if (value === undefined || value === state.partner[field]) continue;
    Object.assign(partner, { [field]: value });
    if (state.partner[field] !== undefined) Object.assign(previous, { [field]: state.partner[field] });
  }
  if (Object.keys(partner).length === 0) return [];
  return [event('PartnershipRecordCorrected', { ...fact, reason: command.data.reason, partner, previous })];
}
