/**
 * Rules for what a command refers to in other records: a project's
 * partnerships, a campaign's enrolled partnership, the campaign a
 * reactivation credits. Each is judged on the referenced record's current
 * state, read from its own stream when the command arrives, never from a
 * read model that may lag behind it.
 */
import type { CampaignState } from '../campaign/state.ts';
import { DomainError, type DomainFieldProblem } from '../errors.ts';
import type { PartnershipState } from '../partnership/state.ts';

/** Withdrawn before signing, or terminated after: the partnership no longer counts for anything new. */
const ended = (state: PartnershipState) => state.status === 'withdrawn' || state.status === 'terminated';

/** The partnerships a project serves must exist and be neither withdrawn nor terminated. */
export function requireServedPartnerships(ids: readonly string[], states: readonly PartnershipState[]): void {
  const problems: DomainFieldProblem[] = [];
  ids.forEach((id, index) => {
    const state = states[index];
    if (state === undefined || state.status === 'none') {
      problems.push({ path: ['partnershipIds', index], code: 'partnership-unknown', message: `partnership ${id} does not exist`, values: { id } });
    } else if (ended(state)) {
      const message = `partnership ${id} is ${state.status}; a project serves only partnerships that have not ended`;
      problems.push({ path: ['partnershipIds', index], code: 'partnership-ended', message, values: { id, status: state.status } });
    }
  });
  const [first] = problems;
  if (first !== undefined) throw new DomainError(first.code, first.message, first.path, { problems, values: first.values });
}

/** A pair is proposed again only once its earlier partnerships were withdrawn or terminated. */
export function requireNewPair(earlier: readonly { id: string; state: PartnershipState }[]): void {
  for (const { id, state } of earlier) {
    // A claim whose proposal never landed (or has not landed yet) blocks nothing.
    if (state.status === 'none' || ended(state)) continue;
    const message = `this pair already has partnership ${id} (${state.status}); propose it again only once that one is withdrawn or terminated`;
    throw new DomainError('duplicate-partnership', message, undefined, { values: { id, status: state.status } });
  }
}

/** Only a signed partnership that has not ended takes part in a campaign. */
export function requireEnrollable(id: string, state: PartnershipState): void {
  if (state.status === 'none') {
    throw new DomainError('partnership-unknown', `partnership ${id} does not exist`, ['partnershipId'], { values: { id } });
  }
  if (state.status !== 'active' && state.status !== 'dormant') {
    const message = `only a signed partnership that has not ended can be enrolled; partnership ${id} is ${state.status}`;
    throw new DomainError('partnership-not-enrollable', message, ['partnershipId'], { values: { id, status: state.status } });
  }
}

/** A campaign credited with a fact must exist and be running on the fact's date. */
export function requireCreditableCampaign(id: string, state: CampaignState, date: string): void {
  if (state.status === 'none') {
    throw new DomainError('campaign-unknown', `campaign ${id} does not exist`, ['campaignId'], { values: { id } });
  }
  const closedOn = state.status === 'closed' ? state.closedOn : null;
  if (date < state.launchedOn || date > state.endsOn || (closedOn !== null && date > closedOn)) {
    const message = `campaign ${id} runs from ${state.launchedOn} to ${closedOn ?? state.endsOn}; a fact dated ${date} cannot be credited to it`;
    throw new DomainError('campaign-ended', message, ['campaignId'], { values: { launchedOn: state.launchedOn, endsOn: closedOn ?? state.endsOn, date } });
  }
}
