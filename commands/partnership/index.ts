import type { Decider } from '../decider.ts';
import type { PartnershipCommand } from './commands.ts';
import { decide } from './decide.ts';
import type { PartnershipEvent } from './events.ts';
import { evolve, initialState, type PartnershipState } from './state.ts';

export const partnershipDecider: Decider<PartnershipCommand, PartnershipState, PartnershipEvent> = {
  name: 'partnership',
  initialState,
  evolve,
  decide,
};

export const partnershipStream = (id: string): string => `partnership-${id}`;

export * from './approvals.ts';
export * from './authority.ts';
export * from './commands.ts';
export type * from './events.ts';
export * from './parties.ts';
export type { GrantedApproval, Partnership, PartnershipState } from './state.ts';
export * from './transitions.ts';
export * from './vocabulary.ts';
