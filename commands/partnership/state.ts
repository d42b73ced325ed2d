import { unreachable } from '../shared/errors.ts';
import type { PartnershipEvent, PartnershipProposed } from './events.ts';
import type { LocalSide, PartnerSide } from './parties.ts';
import type { ApprovalLevel, PartnershipKind, PartnershipStatus } from './vocabulary.ts';

export interface GrantedApproval {
  level: ApprovalLevel;
  on: string;
  reference?: string;
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
  approvals: { required: ApprovalLevel[]; granted: GrantedApproval[]; pending: ApprovalLevel | null };
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
      return { ...moved(state, 'in_contact', date), contactOn: date };
    case 'LetterOfIntentSigned':
      return { ...moved(state, 'intent_signed', date), intentSignedOn: date };
    case 'ApprovalRequested':
      return { ...moved(state, 'under_review', date), approvals: { ...state.approvals, pending: event.data.level } };
    case 'ApprovalGranted': {
      const { level, reference, levelsRemaining } = event.data;
      const granted = [...state.approvals.granted, { level, on: date, ...(reference !== undefined && { reference }) }];
      const status = levelsRemaining.length === 0 ? 'approved' : 'intent_signed';
      return { ...moved(state, status, date), approvals: { ...state.approvals, granted, pending: null } };
    }
    case 'ApprovalRejected':
      // A rejection sends the file back to negotiation: a new letter of intent restarts the approvals.
      return { ...moved(state, 'in_contact', date), approvals: { ...state.approvals, granted: [], pending: null } };
    case 'AgreementSigned':
      return { ...moved(state, 'active', date), signedOn: date };
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
      return { ...state, kind: event.data.to, upgradedOn: date };
    case 'PartnershipMarkedDormant':
      return { ...moved(state, 'dormant', date), dormantSince: date };
    case 'PartnershipReactivated':
      return { ...moved(state, 'active', date), dormantSince: null };
    case 'PartnershipTerminated':
      return { ...moved(state, 'terminated', date), terminatedOn: date };
    case 'ProposalWithdrawn':
      return { ...moved(state, 'withdrawn', date), withdrawnOn: date };
    default:
      return unreachable(event);
  }
}
