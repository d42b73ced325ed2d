import type {
  ApprovalLevel,
  LocalSideInput,
  PartnerSide,
  PartnershipCommand,
  PartnershipKind,
} from '../../commands/partnership/index.ts';
import { requiredApprovals, partnerNameEn } from '../../commands/partnership/index.ts';
import { resolveDivision } from '../../commands/shared/divisions.ts';
import { addDays, dayNumber, fromDayNumber } from './dates.ts';
import { localName } from './local-sides.ts';
import type { Random } from './random.ts';

/** A partnership command without its target id, as a timeline lists them. */
export type PartnershipBody = PartnershipCommand extends infer C ? (C extends unknown ? Omit<C, 'id'> : never) : never;

export interface Entry {
  date: string;
  body: PartnershipBody;
}

/** Who the partnership is between; enough to write every command of its path. */
export interface Parties {
  kind: PartnershipKind;
  local: LocalSideInput;
  partner: PartnerSide;
  notes: string;
}

/** A step whose body is written once its date is known (references carry the year). */
type Proto = { gap: number; make: (date: string) => PartnershipBody };

function layOut(start: string, protos: readonly Proto[]): Entry[] {
  let day = dayNumber(start);
  return protos.map(({ gap, make }, index) => {
    if (index > 0) day += gap;
    const date = fromDayNumber(day);
    return { date, body: make(date) };
  });
}

/** Lays the steps out so the last one falls on `end`. */
function endingOn(end: string, protos: readonly Proto[]): Entry[] {
  const span = protos.reduce((sum, proto, index) => sum + (index === 0 ? 0 : proto.gap), 0);
  return layOut(addDays(end, -span), protos);
}

const year = (date: string) => date.slice(0, 4);
const serial = (rnd: Random) => String(rnd.int(1, 180)).padStart(3, '0');

/** Who approves at each level; the national level for sister ties is CPAFFC (全国对外友协). */
const APPROVER: Readonly<Record<ApprovalLevel, string>> = { city: 'CFAO', province: 'SDFAO', national: 'CPAFFC' };

const REJECTION_REASONS = [
  'The partner city is already paired with another city of similar standing in the province',
  'The draft agreement needs revising before it can be approved',
  'The exchange record so far is too thin for a formal sister tie',
];

const CHANNELS = ['visit', 'letter', 'video', 'event', 'other'] as const;

export class PathBuilder {
  constructor(
    private readonly rnd: Random,
    private readonly parties: Parties,
  ) {}

  private get required(): ApprovalLevel[] {
    return this.requiredFor(this.parties.kind);
  }

  private requiredFor(kind: PartnershipKind): ApprovalLevel[] {
    const { local } = this.parties;
    const level = local.institution !== undefined ? 'institution' : (resolveDivision(local.divisionCode)?.level ?? 'city');
    return requiredApprovals(kind, level);
  }

  private propose(): Proto {
    const { local, partner, kind, notes } = this.parties;
    return { gap: 0, make: () => ({ type: 'ProposePartnership', data: { local, partner, kind, notes } }) };
  }

  private contact(): Proto {
    const channel = this.rnd.pick(CHANNELS);
    return { gap: this.rnd.int(30, 200), make: () => ({ type: 'RecordContact', data: { channel } }) };
  }

  private letterOfIntent(gap = this.rnd.int(30, 300)): Proto {
    const n = serial(this.rnd);
    return { gap, make: (date) => ({ type: 'SignLetterOfIntent', data: { documentRef: `LOI-${year(date)}-${n}` } }) };
  }

  private request(level: ApprovalLevel): Proto {
    return { gap: this.rnd.int(10, 60), make: () => ({ type: 'RequestApproval', data: { level } }) };
  }

  private grant(level: ApprovalLevel): Proto {
    const n = serial(this.rnd);
    const gap = level === 'national' ? this.rnd.int(45, 180) : this.rnd.int(15, 90);
    return {
      gap,
      make: (date) => ({
        type: 'RecordApprovalDecision',
        data: { level, decision: 'granted', reference: `${APPROVER[level]}-${year(date)}-${n}` },
      }),
    };
  }

  private reject(level: ApprovalLevel): Proto {
    const reason = this.rnd.pick(REJECTION_REASONS);
    return {
      gap: this.rnd.int(30, 120),
      make: () => ({ type: 'RecordApprovalDecision', data: { level, decision: 'rejected', reason } }),
    };
  }

  /** Where and by whom an agreement is signed. */
  private agreement() {
    const { local, partner } = this.parties;
    const here = localName(local);
    const place = this.rnd.chance(0.55) ? here : partnerNameEn(partner);
    const n = serial(this.rnd);
    const provincial = local.divisionCode === '370000';
    const signatories = [
      { side: 'local' as const, name: `${here} representative`, title: provincial ? 'Governor' : 'Mayor' },
      { side: 'partner' as const, name: `${partnerNameEn(partner)} representative`, title: partner.level === 'city' ? 'Mayor' : 'Head of government' },
    ];
    return { place, signatories, documentRef: (date: string) => `SD-FAO-${year(date)}-${n}` };
  }

  private sign(): Proto {
    const { place, signatories, documentRef } = this.agreement();
    return {
      gap: this.rnd.int(15, 90),
      make: (date) => ({ type: 'SignAgreement', data: { place, signatories, documentRef: documentRef(date) } }),
    };
  }

  /**
   * A friendly-cooperation tie upgraded to sister on `upgradedOn`: the
   * approvals a new sister tie needs, then the new agreement.
   */
  upgraded(upgradedOn: string): Entry[] {
    const { place, signatories, documentRef } = this.agreement();
    const agreement: Proto = {
      gap: this.rnd.int(15, 90),
      make: (date) => ({ type: 'UpgradeRelationship', data: { to: 'sister', place, signatories, documentRef: documentRef(date) } }),
    };
    return endingOn(upgradedOn, [...this.approvals(this.requiredFor('sister')), agreement]);
  }

  private approvals(levels: readonly ApprovalLevel[]): Proto[] {
    return levels.flatMap((level) => [this.request(level), this.grant(level)]);
  }

  /** Proposal, negotiation and a refusal above the first level: the file is back in negotiation. */
  private refusedOnce(contact: boolean): Proto[] {
    const required = this.required;
    const at = this.rnd.int(1, required.length - 1);
    const level = required[at] as ApprovalLevel;
    const protos = [this.propose(), ...(contact ? [this.contact()] : []), this.letterOfIntent()];
    return [...protos, ...this.approvals(required.slice(0, at)), this.request(level), this.reject(level)];
  }

  /**
   * Proposal up to full approval. With `rejection`, one approval above the
   * first level was refused first, and a new letter of intent restarted the
   * approvals.
   */
  private toApproval(options: { contact: boolean; rejection: boolean }): Proto[] {
    const required = this.required;
    const protos =
      options.rejection && required.length > 1
        ? [...this.refusedOnce(options.contact), this.letterOfIntent(this.rnd.int(90, 400))]
        : [this.propose(), ...(options.contact ? [this.contact()] : []), this.letterOfIntent()];
    return [...protos, ...this.approvals(required)];
  }

  /** From proposal to the agreement signed on `signedOn`. */
  signed(signedOn: string, options: { contact: boolean; rejection: boolean }): Entry[] {
    return endingOn(signedOn, [...this.toApproval(options), this.sign()]);
  }

  /** A tie still being prepared, its last step on `lastOn`. Only sister ties reach review and approval. */
  pipeline(stage: Stage, lastOn: string, options: PipelineOptions): Entry[] {
    const required = this.required;
    switch (stage) {
      case 'candidate':
        return endingOn(lastOn, [this.propose()]);
      case 'in_contact':
        return endingOn(
          lastOn,
          options.rejection && required.length > 1 ? this.refusedOnce(true) : [this.propose(), this.contact()],
        );
      case 'intent_signed': {
        const protos = [this.propose(), ...(options.contact ? [this.contact()] : []), this.letterOfIntent()];
        // Some sister files have cleared their first level and wait to go further up.
        if (required.length > 1 && this.rnd.chance(0.3)) protos.push(...this.approvals(required.slice(0, 1)));
        return endingOn(lastOn, protos);
      }
      case 'under_review': {
        if (required.length === 0) throw new Error(`a ${this.parties.kind} tie is never under review`);
        const pendingAt = options.pendingAt !== undefined ? required.indexOf(options.pendingAt) : this.rnd.int(0, required.length - 1);
        if (pendingAt < 0) throw new Error(`a ${this.parties.kind} tie never waits for ${options.pendingAt} approval`);
        const protos = [this.propose(), ...(options.contact ? [this.contact()] : []), this.letterOfIntent()];
        protos.push(...this.approvals(required.slice(0, pendingAt)), this.request(required[pendingAt] as ApprovalLevel));
        return endingOn(lastOn, protos);
      }
      case 'approved':
        if (required.length === 0) throw new Error(`a ${this.parties.kind} tie is never approved`);
        return endingOn(lastOn, this.toApproval(options));
    }
  }
}

export const STAGES = ['candidate', 'in_contact', 'intent_signed', 'under_review', 'approved'] as const;
export type Stage = (typeof STAGES)[number];

export interface PipelineOptions {
  contact: boolean;
  /** Refused once on the way (sister ties only). */
  rejection: boolean;
  /** For `under_review`: the level the file waits at; random when absent. */
  pendingAt?: ApprovalLevel;
}
