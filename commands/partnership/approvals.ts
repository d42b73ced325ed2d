import type { ApprovalLevel, LocalLevel, PartnershipKind } from './vocabulary.ts';

/**
 * The approvals a relationship needs before it may be signed. Only formal
 * sister ties (友好城市/友好省州) go through central approval; the province
 * starts at its own level, everyone below starts at the city.
 */
export function requiredApprovals(kind: PartnershipKind, localLevel: LocalLevel): ApprovalLevel[] {
  if (kind !== 'sister') return [];
  return localLevel === 'province' ? ['province', 'national'] : ['city', 'province', 'national'];
}

/** The next level to request, given what has been granted so far in order. */
export function nextApprovalLevel(required: readonly ApprovalLevel[], grantedCount: number): ApprovalLevel | undefined {
  return required[grantedCount];
}

/** The levels still needed after the pending one is granted. */
export function levelsAfter(required: readonly ApprovalLevel[], level: ApprovalLevel): ApprovalLevel[] {
  return required.slice(required.indexOf(level) + 1);
}

/** Levels whose grant is a written reply that the file must cite (批复文号). */
export function grantNeedsReference(level: ApprovalLevel): boolean {
  return level !== 'city';
}
