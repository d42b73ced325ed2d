/** Partnership events and commands shared by the partnership specs. */
import type {
  ApprovalLevel,
  PartnershipCommand,
  PartnershipEvent,
  PartnershipKind,
  PartnershipStatus,
} from '../../../commands/partnership/index.ts';

export const ID = '11111111-1111-4111-8111-111111111111';

export const qingdao = { divisionCode: '370200', cityCode: '370200', level: 'city', nameEn: 'Qingdao', nameZh: '青岛市' } as const;
export const province = {
  divisionCode: '370000',
  cityCode: '370000',
  level: 'province',
  nameEn: 'Shandong Province',
  nameZh: '山东省',
} as const;
export const dakar = { nameEn: 'Dakar', nameZh: '达喀尔', country: 'SN', level: 'city' } as const;

export function proposed(kind: PartnershipKind = 'sister', local: typeof qingdao | typeof province = qingdao): PartnershipEvent {
  const approvalsRequired: ApprovalLevel[] =
    kind !== 'sister' ? [] : local.level === 'province' ? ['province', 'national'] : ['city', 'province', 'national'];
  return {
    type: 'PartnershipProposed',
    data: { partnershipId: ID, date: '2021-03-01', kind, local, partner: dakar, approvalsRequired },
  };
}

const fact = (date: string) => ({ partnershipId: ID, date });

export const contact = (date = '2021-04-01'): PartnershipEvent => ({ type: 'ContactEstablished', data: fact(date) });
export const intent = (date = '2021-05-01'): PartnershipEvent => ({ type: 'LetterOfIntentSigned', data: fact(date) });
export const requested = (level: 'city' | 'province' | 'national', date: string): PartnershipEvent => ({
  type: 'ApprovalRequested',
  data: { ...fact(date), level },
});
export const granted = (
  level: 'city' | 'province' | 'national',
  date: string,
  levelsRemaining: ('province' | 'national')[],
): PartnershipEvent => ({ type: 'ApprovalGranted', data: { ...fact(date), level, ...approvalReference(level), levelsRemaining } });
/** Province and national grants cite their approving document; the city's may. */
export const approvalReference = (level: 'city' | 'province' | 'national'): { reference?: string } =>
  level === 'city' ? {} : { reference: `${level === 'province' ? 'LZB' : 'WB'}-2021-7` };
export const signed = (kind: PartnershipKind = 'sister', date = '2021-10-18'): PartnershipEvent => ({
  type: 'AgreementSigned',
  data: { ...fact(date), kind, place: 'Qingdao', signatories: [{ side: 'local', name: 'Zhao Haozhi' }] },
});
export const dormant = (date = '2022-06-01'): PartnershipEvent => ({
  type: 'PartnershipMarkedDormant',
  data: { ...fact(date), reason: 'no exchanges since 2019' },
});

/** A Qingdao sister partnership approved at city, province and national level. */
export const approvedSister: PartnershipEvent[] = [
  proposed(),
  contact(),
  intent(),
  requested('city', '2021-05-10'),
  granted('city', '2021-06-01', ['province', 'national']),
  requested('province', '2021-06-10'),
  granted('province', '2021-07-01', ['national']),
  requested('national', '2021-07-10'),
  granted('national', '2021-09-01', []),
];

/** Histories of a Qingdao sister partnership that end in each status. */
export const sisterHistory: Record<PartnershipStatus | 'none', PartnershipEvent[]> = {
  none: [],
  candidate: [proposed()],
  in_contact: [proposed(), contact()],
  intent_signed: [proposed(), contact(), intent()],
  under_review: [proposed(), contact(), intent(), requested('city', '2021-05-10')],
  approved: approvedSister,
  active: [...approvedSister, signed()],
  dormant: [...approvedSister, signed(), dormant()],
  terminated: [...approvedSister, signed(), { type: 'PartnershipTerminated', data: { ...fact('2023-01-01'), reason: 'merger' } }],
  withdrawn: [proposed(), { type: 'ProposalWithdrawn', data: { ...fact('2021-03-15'), reason: 'partner declined' } }],
};

/** One valid command of each type, dated after every history above. */
export const commands = {
  ProposePartnership: {
    type: 'ProposePartnership',
    id: ID,
    data: { local: { divisionCode: '370200' }, partner: dakar, kind: 'sister', date: '2024-06-01' },
  },
  RecordContact: { type: 'RecordContact', id: ID, data: { date: '2024-06-01' } },
  SignLetterOfIntent: { type: 'SignLetterOfIntent', id: ID, data: { date: '2024-06-01' } },
  RequestApproval: { type: 'RequestApproval', id: ID, data: { level: 'city', date: '2024-06-01' } },
  RecordApprovalDecision: {
    type: 'RecordApprovalDecision',
    id: ID,
    data: { level: 'city', decision: 'granted', date: '2024-06-01' },
  },
  SignAgreement: {
    type: 'SignAgreement',
    id: ID,
    data: { place: 'Jinan', signatories: [{ side: 'local', name: 'A' }], date: '2024-06-01' },
  },
  RecordActivity: {
    type: 'RecordActivity',
    id: ID,
    data: { type: 'culture', direction: 'outgoing', title: 'Exhibition', participants: 40, date: '2024-06-01' },
  },
  UpgradeRelationship: {
    type: 'UpgradeRelationship',
    id: ID,
    data: { to: 'sister', place: 'Dakar', signatories: [{ side: 'partner', name: 'B' }], date: '2024-06-01' },
  },
  MarkDormant: { type: 'MarkDormant', id: ID, data: { reason: 'quiet', date: '2024-06-01' } },
  Reactivate: { type: 'Reactivate', id: ID, data: { date: '2024-06-01' } },
  TerminatePartnership: { type: 'TerminatePartnership', id: ID, data: { reason: 'ended', reference: 'LZB-2024-1', date: '2024-06-01' } },
  WithdrawProposal: { type: 'WithdrawProposal', id: ID, data: { reason: 'declined', date: '2024-06-01' } },
  CorrectPartnershipRecord: { type: 'CorrectPartnershipRecord', id: ID, data: { partner: { nameZh: '达喀尔市' }, reason: 'mistyped', date: '2024-06-01' } },
} as const satisfies { [T in PartnershipCommand['type']]: Extract<PartnershipCommand, { type: T }> };
