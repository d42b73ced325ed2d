import { unreachable } from '../shared/errors.ts';
import type { PartnershipEvent, PartnershipProposed, Signatory } from './events.ts';
import type { LocalSide, PartnerSide } from './parties.ts';
import type { ApprovalLevel, PartnershipKind, PartnershipStatus } from './vocabulary.ts';

export interface GrantedApproval {
  level: ApprovalLevel;
  on: string;
  reference?: string;
}

/** The latest return or refusal of the file, as the office reads it. */
export interface ApprovalSetback {
  level: ApprovalLevel;
  on: string;
  reason: string;
  reference?: string;
}

export interface Approvals {
  required: ApprovalLevel[];
  granted: GrantedApproval[];
  pending: ApprovalLevel | null;
  /** Present once a level returned the file for more material: how often, and the latest time. */
  returned?: ApprovalSetback & { times: number };
  /** Present once a level refused the file: the latest refusal. */
  refused?: ApprovalSetback;
}

/** An agreement as signed: where, by whom, under which document. */
export interface AgreementRecord {
  on: string;
  place: string;
  signatories: Signatory[];
  documentRef?: string;
}

/**
 * What the office recorded with each step, for every reader: the contact
 * channel, the letter of intent's and the agreements' documents, and why the
 * tie went dormant or ended. Present once something was recorded.
 */
export interface Recorded {
  contactChannel?: string;
  letterOfIntentRef?: string;
  agreement?: AgreementRecord;
  /** The sister agreement that upgraded a friendly-cooperation tie. */
  upgradeAgreement?: AgreementRecord;
  /** The latest time the tie went dormant. */
  dormancy?: { since: string; reason: string };
  termination?: { on: string; reason: string; reference?: string };
  withdrawal?: { on: string; reason: string };
}

/** A partnership that exists. Dates are ISO calendar days; null means "not yet". */
export interface Partnership {
  id: string;
  status: PartnershipStatus;
  /** The day the current status began; later lifecycle facts may not predate it. */
  statusSince: string;
  kind: PartnershipKind;
  local: LocalSide;
  partner: PartnerSide;
  proposedOn: string;
  contactOn: string | null;
  intentSignedOn: string | null;
  approvals: Approvals;
  recorded?: Recorded;
  /** Present once an active friendly-cooperation tie asked for the approvals of an upgrade to sister. */
  upgradeApprovals?: Approvals;
  signedOn: string | null;
  upgradedOn: string | null;
  lastActivityOn: string | null;
  activityCount: number;
  outcomeCount: number;
  dormantSince: string | null;
  terminatedOn: string | null;
  withdrawnOn: string | null;
}

export type PartnershipState = { status: 'none' } | Partnership;

export const initialState: PartnershipState = { status: 'none' };

function proposed({ data }: PartnershipProposed): Partnership {
  return {
    id: data.partnershipId,
    status: 'candidate',
    statusSince: data.date,
    kind: data.kind,
    local: data.local,
    partner: data.partner,
    proposedOn: data.date,
    contactOn: null,
    intentSignedOn: null,
    approvals: { required: data.approvalsRequired, granted: [], pending: null },
    signedOn: null,
    upgradedOn: null,
    lastActivityOn: null,
    activityCount: 0,
    outcomeCount: 0,
    dormantSince: null,
    terminatedOn: null,
    withdrawnOn: null,
  };
}

function setback({ level, date, reason, reference }: { level: ApprovalLevel; date: string; reason: string; reference?: string | undefined }): ApprovalSetback {
  return { level, on: date, reason, ...(reference !== undefined && { reference }) };
}

type ApprovalEvent = Extract<PartnershipEvent, { type: 'ApprovalRequested' | 'ApprovalGranted' | 'ApprovalRejected' | 'ApprovalReturned' }>;

/**
 * A file's approvals after one step. A grant adds to the grants; a return
 * (more material needed) keeps them and the office resubmits at the same
 * level; a refusal voids them.
 */
function nextApprovals(approvals: Approvals, event: ApprovalEvent): Approvals {
  const { data } = event;
  switch (event.type) {
    case 'ApprovalRequested':
      return { ...approvals, pending: data.level };
    case 'ApprovalGranted': {
      const { reference } = event.data;
      const granted = [...approvals.granted, { level: data.level, on: data.date, ...(reference !== undefined && { reference }) }];
      return { ...approvals, granted, pending: null };
    }
    case 'ApprovalReturned':
      return { ...approvals, pending: null, returned: { ...setback(event.data), times: (approvals.returned?.times ?? 0) + 1 } };
    case 'ApprovalRejected':
      return { ...approvals, granted: [], pending: null, refused: setback(event.data) };
    default:
      return unreachable(event);
  }
}

/** The approvals of an upgrade under way, or those an upgrade starts with. */
function upgradeApprovals(state: Partnership, event: ApprovalEvent): Approvals {
  const required = event.type === 'ApprovalRequested' ? event.data.upgradeRequires : undefined;
  return state.upgradeApprovals ?? { required: required ?? [], granted: [], pending: null };
}

/** An approval step of a file in the pipeline moves it: to review, back to the office, back to negotiation, or approved. */
function approvalStep(state: Partnership, event: ApprovalEvent): Partnership {
  const approvals = nextApprovals(state.approvals, event);
  const { date } = event.data;
  switch (event.type) {
    case 'ApprovalRequested':
      return { ...moved(state, 'under_review', date), approvals };
    case 'ApprovalGranted':
      return { ...moved(state, event.data.levelsRemaining.length === 0 ? 'approved' : 'intent_signed', date), approvals };
    case 'ApprovalReturned':
      return { ...moved(state, 'intent_signed', date), approvals };
    case 'ApprovalRejected':
      // Back to negotiation: a new letter of intent restarts the approvals.
      return { ...moved(state, 'in_contact', date), approvals };
    default:
      return unreachable(event);
  }
}

/** The state with these records added; a step that recorded nothing leaves it as it was. */
function withRecord(state: Partnership, records: { [K in keyof Recorded]?: Recorded[K] | undefined }): Partnership {
  const given = Object.entries(records).filter(([, value]) => value !== undefined);
  if (given.length === 0) return state;
  return { ...state, recorded: { ...state.recorded, ...Object.fromEntries(given) } };
}

function agreementOf(data: { date: string; place?: string; signatories?: Signatory[]; documentRef?: string | undefined }): AgreementRecord | undefined {
  if (data.place === undefined || data.signatories === undefined) return undefined;
  return { on: data.date, place: data.place, signatories: data.signatories, ...(data.documentRef !== undefined && { documentRef: data.documentRef }) };
}

const moved = (state: Partnership, status: PartnershipStatus, since: string): Partnership => ({
  ...state,
  status,
  statusSince: since,
});

export function evolve(state: PartnershipState, event: PartnershipEvent): PartnershipState {
  if (event.type === 'PartnershipProposed') return proposed(event);
  // Only a proposal brings a partnership into being; anything else on an empty stream is ignored.
  if (state.status === 'none') return state;
  const { date } = event.data;
  switch (event.type) {
    case 'ContactEstablished':
      return { ...withRecord(moved(state, 'in_contact', date), { contactChannel: event.data.channel }), contactOn: date };
    case 'LetterOfIntentSigned':
      return { ...withRecord(moved(state, 'intent_signed', date), { letterOfIntentRef: event.data.documentRef }), intentSignedOn: date };
    case 'ApprovalRequested':
    case 'ApprovalGranted':
    case 'ApprovalRejected':
    case 'ApprovalReturned':
      return state.status === 'active' ? { ...state, upgradeApprovals: nextApprovals(upgradeApprovals(state, event), event) } : approvalStep(state, event);
    case 'AgreementSigned':
      return { ...withRecord(moved(state, 'active', date), { agreement: agreementOf(event.data) }), signedOn: date };
    case 'ActivityRecorded': {
      const last = state.lastActivityOn;
      return {
        ...state,
        // Activities may be entered late and out of order; keep the most recent one.
        lastActivityOn: last === null || date > last ? date : last,
        activityCount: state.activityCount + 1,
        outcomeCount: state.outcomeCount + event.data.outcomes.length,
      };
    }
    case 'RelationshipUpgraded':
      return { ...withRecord(state, { upgradeAgreement: agreementOf(event.data) }), kind: event.data.to, upgradedOn: date };
    case 'PartnershipMarkedDormant':
      return { ...withRecord(moved(state, 'dormant', date), { dormancy: { since: date, reason: event.data.reason } }), dormantSince: date };
    case 'PartnershipReactivated':
      return { ...moved(state, 'active', date), dormantSince: null };
    case 'PartnershipTerminated': {
      const { reason, reference } = event.data;
      const termination = { on: date, reason, ...(reference !== undefined && { reference }) };
      return { ...withRecord(moved(state, 'terminated', date), { termination }), terminatedOn: date };
    }
    case 'ProposalWithdrawn':
      return { ...withRecord(moved(state, 'withdrawn', date), { withdrawal: { on: date, reason: event.data.reason } }), withdrawnOn: date };
    case 'PartnershipRecordCorrected':
      return { ...state, partner: { ...state.partner, ...event.data.partner } };
    default:
      return unreachable(event);
  }
}
