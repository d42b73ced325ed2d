import type { DomainEvent } from '../decider.ts';
import type { LocalSide, PartnerSide } from './parties.ts';
import type {
  ActivityDirection,
  ActivityType,
  ApprovalLevel,
  ContactChannel,
  PartnershipKind,
  SignatorySide,
} from './vocabulary.ts';

/**
 * Facts about one partnership. Every event carries the partnership id and the
 * day the fact happened; `notes` is copied from the command when given.
 * Once released, an event type keeps its meaning (DESIGN §2). A type alias,
 * not an interface, so the data satisfies `DomainEvent`'s record constraint.
 */
type Fact = {
  partnershipId: string;
  date: string;
  notes?: string;
};

export interface ActivityOutcome {
  description: string;
  category?: string;
}

export interface Signatory {
  side: SignatorySide;
  name: string;
  title?: string;
}

export type PartnershipProposed = DomainEvent<
  'PartnershipProposed',
  Fact & {
    kind: PartnershipKind;
    local: LocalSide;
    partner: PartnerSide;
    /** Fixed at proposal, so a later change of the approval rules does not rewrite history. */
    approvalsRequired: ApprovalLevel[];
  }
>;
export type ContactEstablished = DomainEvent<'ContactEstablished', Fact & { channel?: ContactChannel }>;
export type LetterOfIntentSigned = DomainEvent<'LetterOfIntentSigned', Fact & { documentRef?: string }>;
export type ApprovalRequested = DomainEvent<
  'ApprovalRequested',
  Fact & {
    level: ApprovalLevel;
    /**
     * On the first request for upgrading an active friendly-cooperation tie
     * to sister: the chain the upgrade needs, fixed then as a proposal fixes its own.
     */
    upgradeRequires?: ApprovalLevel[];
  }
>;
export type ApprovalGranted = DomainEvent<
  'ApprovalGranted',
  Fact & {
    level: ApprovalLevel;
    reference?: string;
    reason?: string;
    /** Levels still to request; empty when this grant completes the approval. */
    levelsRemaining: ApprovalLevel[];
  }
>;
export type ApprovalRejected = DomainEvent<
  'ApprovalRejected',
  Fact & { level: ApprovalLevel; reason: string; reference?: string }
>;
/** The level asked for more material: the grants so far stand, the office resubmits at this level. */
export type ApprovalReturned = DomainEvent<'ApprovalReturned', Fact & { level: ApprovalLevel; reason: string; reference?: string }>;
export type AgreementSigned = DomainEvent<
  'AgreementSigned',
  Fact & { kind: PartnershipKind; place: string; signatories: Signatory[]; documentRef?: string }
>;
export type ActivityRecorded = DomainEvent<
  'ActivityRecorded',
  Fact & {
    activityId: string;
    type: ActivityType;
    direction: ActivityDirection;
    title: string;
    participants: number;
    audience?: number;
    /** The most senior leader's rank in one spelling (`normaliseRank`), so ranks compare. Since schema version 2. */
    leaderRank?: string;
    /** The rank as the office wrote it ("Vice Governor", "副省长"). Since schema version 2. */
    leaderTitle?: string;
    outcomes: ActivityOutcome[];
  }
>;
export type RelationshipUpgraded = DomainEvent<
  'RelationshipUpgraded',
  Fact & {
    from: 'friendly_cooperation';
    to: 'sister';
    /** The new agreement that completes the upgrade (absent on upgrades recorded before it was required). */
    place?: string;
    signatories?: Signatory[];
    documentRef?: string;
  }
>;
export type PartnershipMarkedDormant = DomainEvent<'PartnershipMarkedDormant', Fact & { reason: string }>;
export type PartnershipReactivated = DomainEvent<
  'PartnershipReactivated',
  Fact & {
    reason?: string;
    campaignId?: string;
    /** Set when an activity on a dormant partnership brought it back. */
    activityId?: string;
  }
>;
export type PartnershipTerminated = DomainEvent<'PartnershipTerminated', Fact & { reason: string; reference?: string }>;
export type ProposalWithdrawn = DomainEvent<'ProposalWithdrawn', Fact & { reason: string }>;

/** The partner's fields a correction can set. */
export type PartnerCorrection = Partial<Pick<PartnerSide, 'nameZh' | 'nameEn' | 'nameNative' | 'level'>>;

/** What was recorded about the partner, corrected: the fields as they should have been, and as they were. */
export type PartnershipRecordCorrected = DomainEvent<
  'PartnershipRecordCorrected',
  Fact & { reason: string; partner: PartnerCorrection; previous: PartnerCorrection }
>;

export type PartnershipEvent =
  | PartnershipProposed
  | ContactEstablished
  | LetterOfIntentSigned
  | ApprovalRequested
  | ApprovalGranted
  | ApprovalRejected
  | ApprovalReturned
  | AgreementSigned
  | ActivityRecorded
  | RelationshipUpgraded
  | PartnershipMarkedDormant
  | PartnershipReactivated
  | PartnershipTerminated
  | ProposalWithdrawn
  | PartnershipRecordCorrected;

export type PartnershipEventType = PartnershipEvent['type'];

