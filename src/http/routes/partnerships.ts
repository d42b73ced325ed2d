/** Everything about partnerships over HTTP: the commands, the state and history of one, and the register. */
import type { FastifyPluginAsync } from 'fastify';
import { campaignDecider, campaignStream } from '../../../commands/campaign/index.ts';
import { requireCreditableCampaign, requireNewPair } from '../../../commands/shared/references.ts';
import { pairClaimsDecider, pairKeys, pairStream } from '../../../commands/partnership/pair-claims.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type ApprovalLevel,
  decidingOffice,
  type PartnershipKind,
  type PartnerSide,
  terminatingOffice,
  partnershipCommandSchemas as bodies,
  partnershipDecider,
  partnershipStream,
} from '../../../commands/partnership/index.ts';
import { RegisterAnswer, RegisterParams, registerQuery } from '../../../projections/index.ts';
import { type AggregateReads, registerAggregateReads } from '../aggregate-reads.ts';
import { type CommandRoute, registerCommandRoutes } from '../command-route.ts';
import type { RouteServices } from '../services.ts';
import { readAnswerRoute } from '../answer-cache.ts';
import { readAt, TimeTravel } from '../time-travel.ts';

const tag = 'partnerships';
const common = { decider: partnershipDecider, stream: partnershipStream, tag };

/** A partnership belongs to its local side's office: from the proposal, then from the state. */
const ownerOf: CommandRoute['ownerOf'] = (command, state) =>
  ((command.data.local as { divisionCode?: string } | undefined) ?? (state.local as { divisionCode?: string } | undefined))
    ?.divisionCode;

/** Province and national decisions are the province office's to record, whichever city owns the file. */
const decisionBy: CommandRoute['decidedBy'] = (command) => {
  const level = command.data.level as ApprovalLevel;
  const office = decidingOffice(level);
  return office === 'owner' ? undefined : { office, what: `A ${level}-level approval decision`, values: { level } };
};

/** The end of a sister tie is the province office's to record. */
const terminationBy: CommandRoute['decidedBy'] = (_command, state) => {
  const kind = state.kind as PartnershipKind | undefined;
  const office = kind === undefined ? 'owner' : terminatingOffice(kind);
  return office === 'owner' || kind === undefined ? undefined : { office, what: `The end of a ${kind} tie`, values: { kind } };
};

/** The keys of the pair a proposal names (by English and by Chinese name). */
const keysOf = (data: Record<string, unknown>) => pairKeys((data.local as { divisionCode: string }).divisionCode, data.partner as PartnerSide);

/** The keys of the pair a correction makes the record name: its division and country, with the corrected names. */
const correctedKeysOf = (data: Record<string, unknown>, state: Record<string, unknown>) =>
  pairKeys((state.local as { divisionCode: string }).divisionCode, { ...(state.partner as PartnerSide), ...(data.partner as Partial<PartnerSide>) });

type PairKeys = (data: Record<string, unknown>, state: Record<string, unknown>) => string[];

/** A pair already proposed and still alive is not proposed again, nor made again by a correction. */
const newPair =
  (keys: PairKeys): CommandRoute['checkReferences'] =>
  async (data, { id, state, load }) => {
    for (const key of keys(data, state)) {
      const { claims } = await load(pairClaimsDecider, pairStream(key));
      const earlier = claims.filter((claim) => claim !== id);
      requireNewPair(await Promise.all(earlier.map(async (claim) => ({ id: claim, state: await load(partnershipDecider, partnershipStream(claim)) }))));
    }
  };

/**
 * Once the proposal (or a correction of its names) is recorded, each of the
 * pair's streams lists it, so the next proposal of the pair finds it on the
 * write side. Two proposals of one pair in the same instant could both pass
 * the check; the lists keep both, and the next one is refused.
 */
const claimPair =
  (keys: PairKeys): CommandRoute['afterCommand'] =>
  async (data, { id, state, handle }) => {
    for (const key of keys(data, state)) {
      await handle(pairClaimsDecider, pairStream(key), { type: 'ClaimPair', id: key, data: { key, partnershipId: id } });
    }
  };

/** The campaign a reactivation credits exists and runs on the reactivation's date. */
const creditedCampaign: CommandRoute['checkReferences'] = async (data, { today, load }) => {
  const id = data.campaignId as string | undefined;
  if (id === undefined) return;
  requireCreditableCampaign(id, await load(campaignDecider, campaignStream(id)), (data.date as string | undefined) ?? today);
};

/** DESIGN §7: one resource action per partnership command. */
export const PARTNERSHIP_COMMANDS: readonly CommandRoute[] = [
  { url: '/partnerships', command: 'ProposePartnership', body: bodies.ProposePartnership, creates: true, checkReferences: newPair(keysOf), afterCommand: claimPair(keysOf), summary: 'Propose a candidate partnership' },
  { url: '/partnerships/:id/contact', command: 'RecordContact', body: bodies.RecordContact, summary: 'Record first contact' },
  { url: '/partnerships/:id/letter-of-intent', command: 'SignLetterOfIntent', body: bodies.SignLetterOfIntent, summary: 'Record a signed letter of intent' },
  { url: '/partnerships/:id/approval-requests', command: 'RequestApproval', body: bodies.RequestApproval, summary: 'Request approval at the next level' },
  { url: '/partnerships/:id/approval-decisions', command: 'RecordApprovalDecision', body: bodies.RecordApprovalDecision, decidedBy: decisionBy, summary: 'Record an approval decision' },
  { url: '/partnerships/:id/agreement', command: 'SignAgreement', body: bodies.SignAgreement, summary: 'Record the signed agreement' },
  { url: '/partnerships/:id/activities', command: 'RecordActivity', body: bodies.RecordActivity, summary: 'Record an exchange activity' },
  { url: '/partnerships/:id/upgrade', command: 'UpgradeRelationship', body: bodies.UpgradeRelationship, summary: 'Upgrade friendly cooperation to sister' },
  { url: '/partnerships/:id/dormancy', command: 'MarkDormant', body: bodies.MarkDormant, summary: 'Mark the partnership dormant' },
  { url: '/partnerships/:id/reactivation', command: 'Reactivate', body: bodies.Reactivate, checkReferences: creditedCampaign, summary: 'Reactivate a dormant partnership' },
  { url: '/partnerships/:id/termination', command: 'TerminatePartnership', body: bodies.TerminatePartnership, decidedBy: terminationBy, summary: 'Terminate the partnership' },
  { url: '/partnerships/:id/withdrawal', command: 'WithdrawProposal', body: bodies.WithdrawProposal, summary: 'Withdraw the proposal' },
  {
    url: '/partnerships/:id/corrections',
    command: 'CorrectPartnershipRecord',
    body: bodies.CorrectPartnershipRecord,
    checkReferences: newPair(correctedKeysOf),
    afterCommand: claimPair(correctedKeysOf),
    summary: 'Correct the partner’s names or level (the history keeps both)',
  },
].map((route) => ({ ...common, ownerOf, ...route }));

const reads: AggregateReads = { base: '/partnerships', noun: 'partnership', ...common };

export const partnershipRoutes: FastifyPluginAsync<RouteServices> = async (app, services) => {
  registerCommandRoutes(app, services, PARTNERSHIP_COMMANDS);
  registerAggregateReads(app, services.store, reads);

  app.withTypeProvider<ZodTypeProvider>().get(
    '/partnerships',
    readAnswerRoute('The partnership register as of a day: filter, sort, page', [tag], RegisterParams.extend(TimeTravel), RegisterAnswer),
    async (request) => {
      const { asOf, knownAt, minPosition, ...query } = request.query;
      const { views, day } = await readAt(services, { asOf, knownAt, minPosition });
      return registerQuery(views.register, { ...query, day });
    },
  );
};
