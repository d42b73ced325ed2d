import { z } from 'zod';
import { issueCode } from '../errors.ts';
import { clientIdField, commonFields, type CommandOf, text, uuid } from '../shared/schemas.ts';
import { LocalSideBody, PartnerSideBody } from './parties.ts';
import {
  ACTIVITY_DIRECTIONS,
  ACTIVITY_TYPES,
  APPROVAL_DECISIONS,
  APPROVAL_LEVELS,
  CONTACT_CHANNELS,
  PARTNER_LEVELS,
  PARTNERSHIP_KINDS,
  SIGNATORY_SIDES,
} from './vocabulary.ts';

const reason = () => text(1000).describe('Why; kept in the audit trail');

export const ProposePartnershipBody = z
  .strictObject({
    ...clientIdField,
    local: LocalSideBody,
    partner: PartnerSideBody,
    kind: z.enum(PARTNERSHIP_KINDS).describe('sister (友好城市/友好省州), friendly_cooperation (友好合作关系) or institutional'),
    ...commonFields,
  })
  .meta({ id: 'ProposePartnershipBody', description: 'Records a candidate partnership (储备意向结好友城)' });

export const RecordContactBody = z
  .strictObject({ channel: z.enum(CONTACT_CHANNELS).optional(), ...commonFields })
  .meta({ id: 'RecordContactBody', description: 'First working contact with the partner' });

export const SignLetterOfIntentBody = z
  .strictObject({ documentRef: text(100).optional(), ...commonFields })
  .meta({ id: 'SignLetterOfIntentBody', description: 'A letter of intent (意向书) was signed' });

export const RequestApprovalBody = z
  .strictObject({
    level: z.enum(APPROVAL_LEVELS).describe('Must be the next level the partnership needs'),
    ...commonFields,
  })
  .meta({ id: 'RequestApprovalBody', description: 'Submits a sister partnership for approval at one level' });

export const RecordApprovalDecisionBody = z
  .strictObject({
    level: z.enum(APPROVAL_LEVELS).describe('Must be the level currently under review'),
    decision: z.enum(APPROVAL_DECISIONS),
    reference: text(200).describe('The approving document number').optional(),
    reason: reason().describe('Required when the file is returned or refused').optional(),
    ...commonFields,
  })
  .superRefine((body, ctx) => {
    if (body.decision !== 'granted' && body.reason === undefined) {
      const message = `a ${body.decision === 'returned' ? 'returned' : 'refused'} file needs a reason`;
      ctx.addIssue({ code: 'custom', message, path: ['reason'], params: issueCode('reason-required') });
    }
  })
  .meta({ id: 'RecordApprovalDecisionBody', description: 'The outcome of the pending approval' });

const Signatory = z
  .strictObject({ side: z.enum(SIGNATORY_SIDES), name: text(200), title: text(200).optional() })
  .meta({ id: 'Signatory' });

/** What an agreement records, the first one and the sister agreement of an upgrade alike. */
const agreementFields = {
  place: text(200).describe('Where the agreement was signed'),
  signatories: z.array(Signatory).min(1).max(10),
  documentRef: text(100).optional(),
};

export const SignAgreementBody = z
  .strictObject({ ...agreementFields, ...commonFields })
  .meta({
    id: 'SignAgreementBody',
    description: 'The partnership agreement was signed; the relationship becomes active',
  });

const Outcome = z
  .strictObject({
    description: text(1000).describe('A measure taken or a result achieved (举措和成果)'),
    category: text(100).optional(),
  })
  .meta({ id: 'Outcome' });

export const RecordActivityBody = z
  .strictObject({
    type: z.enum(ACTIVITY_TYPES),
    direction: z.enum(ACTIVITY_DIRECTIONS),
    title: text(300),
    participants: z.int().min(0).max(1_000_000),
    audience: z.int().min(0).describe('People reached, e.g. exhibition visitors or viewers').optional(),
    leaderRank: text(100).describe('Rank of the most senior leader taking part, e.g. vice-governor').optional(),
    outcomes: z.array(Outcome).max(50).optional(),
    ...commonFields,
  })
  .meta({
    id: 'RecordActivityBody',
    description: 'An exchange or cooperation activity; reactivates a dormant partnership',
  });

export const UpgradeRelationshipBody = z
  .strictObject({ to: z.enum(['sister']), ...agreementFields, ...commonFields })
  .meta({
    id: 'UpgradeRelationshipBody',
    description: 'The sister agreement that upgrades a friendly_cooperation relationship, once the approvals a sister tie needs are granted',
  });

export const MarkDormantBody = z
  .strictObject({ reason: reason(), ...commonFields })
  .meta({ id: 'MarkDormantBody' });

export const ReactivateBody = z
  .strictObject({
    reason: reason().optional(),
    campaignId: uuid().describe('The campaign (e.g. 激活友城专项行动) credited with the reactivation').optional(),
    ...commonFields,
  })
  .meta({ id: 'ReactivateBody' });

export const TerminatePartnershipBody = z
  .strictObject({
    reason: reason(),
    reference: text(200).describe("The province office's document ending a sister tie (required for sister ties)").optional(),
    ...commonFields,
  })
  .meta({ id: 'TerminatePartnershipBody' });

export const WithdrawProposalBody = z
  .strictObject({ reason: reason(), ...commonFields })
  .meta({ id: 'WithdrawProposalBody', description: 'Abandons a partnership that was never signed' });

export const CorrectPartnershipRecordBody = z
  .strictObject({
    partner: z
      .strictObject({
        nameZh: text(200).optional(),
        nameEn: text(200).optional(),
        nameNative: text(200).optional(),
        level: z.enum(PARTNER_LEVELS).optional(),
      })
      .refine((partner) => Object.keys(partner).length > 0, {
        message: 'name at least one of nameZh, nameEn, nameNative and level to correct',
        params: issueCode('nothing-to-correct'),
      })
      .describe('The partner’s fields as they should have been recorded; the others stay as they are'),
    reason: reason(),
    ...commonFields,
  })
  .meta({
    id: 'CorrectPartnershipRecordBody',
    description: 'Corrects what was recorded about the partner (a mistyped name, a wrong level); the history keeps both',
  });

/** Command type → body schema; the HTTP layer derives routes and OpenAPI from it. */
export const partnershipCommandSchemas = {
  ProposePartnership: ProposePartnershipBody,
  RecordContact: RecordContactBody,
  SignLetterOfIntent: SignLetterOfIntentBody,
  RequestApproval: RequestApprovalBody,
  RecordApprovalDecision: RecordApprovalDecisionBody,
  SignAgreement: SignAgreementBody,
  RecordActivity: RecordActivityBody,
  UpgradeRelationship: UpgradeRelationshipBody,
  MarkDormant: MarkDormantBody,
  Reactivate: ReactivateBody,
  TerminatePartnership: TerminatePartnershipBody,
  WithdrawProposal: WithdrawProposalBody,
  CorrectPartnershipRecord: CorrectPartnershipRecordBody,
} as const;

export type PartnershipCommand = CommandOf<typeof partnershipCommandSchemas>;
export type PartnershipCommandType = PartnershipCommand['type'];
