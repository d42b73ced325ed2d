import { createHash } from 'node:crypto';
import type { Decider, DomainEvent } from '../decider.ts';
import { foldText } from '../shared/text.ts';

/**
 * One pair of a local division and a foreign partner, by name: the same
 * Shandong division, the same partner country, and the same partner name
 * (case, accents, punctuation and spacing aside) or the same Chinese name.
 * Each pair's stream lists the partnerships that were proposed for it, so a
 * second proposal of a pair still alive is found on the write side, not in a
 * read model that may lag.
 */
export function pairKeys(divisionCode: string, partner: { country: string; nameEn?: string | undefined; nameZh?: string | undefined }): string[] {
  const names = [
    ...(partner.nameEn !== undefined ? [`en:${foldText(partner.nameEn)}`] : []),
    ...(partner.nameZh !== undefined ? [`zh:${foldText(partner.nameZh)}`] : []),
  ];
  return names.map((name) => `${divisionCode}|${partner.country}|${name}`);
}

export const pairStream = (key: string): string => `pair-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;

export type PairClaimed = DomainEvent<'PartnershipPairClaimed', { key: string; partnershipId: string }>;
export interface ClaimPair {
  type: 'ClaimPair';
  id: string;
  data: { key: string; partnershipId: string };
}

/** The partnerships proposed for the pair, oldest first. */
export interface PairClaims {
  claims: string[];
}

export const pairClaimsDecider: Decider<ClaimPair, PairClaims, PairClaimed> = {
  name: 'partnership-pair',
  initialState: { claims: [] },
  evolve: (state, event) => (state.claims.includes(event.data.partnershipId) ? state : { claims: [...state.claims, event.data.partnershipId] }),
  // Whether the earlier claims are still alive is judged by the caller, who reads their streams.
  decide: (command, state) =>
    state.claims.includes(command.data.partnershipId) ? [] : [{ type: 'PartnershipPairClaimed', data: command.data }],
};
