/** The closed vocabularies of the partnership aggregate, shared by schemas, events and state. */

export const PARTNERSHIP_KINDS = ['sister', 'friendly_cooperation', 'institutional'] as const;
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];

export const PARTNERSHIP_STATUSES = [
  'candidate',
  'in_contact',
  'intent_signed',
  'under_review',
  'approved',
  'active',
  'dormant',
  'terminated',
  'withdrawn',
] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

/** The candidate side of the lifecycle (储备意向结好友城), in lifecycle order: proposed, not yet signed nor given up. */
export const PIPELINE_STATUSES = ['candidate', 'in_contact', 'intent_signed', 'under_review', 'approved'] as const satisfies readonly PartnershipStatus[];
export type PipelineStatus = (typeof PIPELINE_STATUSES)[number];

/**
 * A relationship counts toward the province's total (the "598") from its
 * signing until it is terminated, whether active or dormant (DESIGN §3).
 */
export const COUNTED_STATUSES = ['active', 'dormant'] as const satisfies readonly PartnershipStatus[];

/** Central approval runs upward: a city's sister tie needs city, then province, then national approval. */
export const APPROVAL_LEVELS = ['city', 'province', 'national'] as const;
export type ApprovalLevel = (typeof APPROVAL_LEVELS)[number];

export const LOCAL_LEVELS = ['province', 'city', 'county', 'institution'] as const;
export type LocalLevel = (typeof LOCAL_LEVELS)[number];

export const PARTNER_LEVELS = [
  'state',
  'province',
  'prefecture',
  'region',
  'city',
  'county',
  'district',
  'institution',
] as const;
export type PartnerLevel = (typeof PARTNER_LEVELS)[number];

export const CONTACT_CHANNELS = ['visit', 'letter', 'video', 'event', 'other'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const ACTIVITY_TYPES = [
  'delegation_visit',
  'culture',
  'trade_investment',
  'education',
  'youth',
  'health_elderly_care',
  'science_technology',
  'tourism',
  'sports',
  'agriculture',
  'port_logistics',
  'forum',
  'online_meeting',
  'other',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const ACTIVITY_DIRECTIONS = ['incoming', 'outgoing', 'joint', 'online'] as const;
export type ActivityDirection = (typeof ACTIVITY_DIRECTIONS)[number];

export const SIGNATORY_SIDES = ['local', 'partner'] as const;
export type SignatorySide = (typeof SIGNATORY_SIDES)[number];

/**
 * A level grants (批准), returns the file for more material (退回补充材料:
 * the grants so far stand and the office resubmits at the same level) or
 * refuses it (不予批准: back to negotiation). `rejected` is the older word
 * for `refused`, still accepted from office tools.
 */
export const APPROVAL_DECISIONS = ['granted', 'returned', 'refused', 'rejected'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/**
 * Ranks arrive as free text: "Vice Governor", "vice_governor" and
 * "vice-governor" are one rank. Events store this form (schema version 2 of
 * ActivityRecorded) next to the wording given.
 */
export function normaliseRank(rank: string): string {
  return rank.normalize('NFKC').trim().toLocaleLowerCase('en').replace(/[\s_]+/g, '-');
}
