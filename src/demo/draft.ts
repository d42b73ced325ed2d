import type { ActivityContext } from './activities.ts';
import { addDays, DEMO_END } from './dates.ts';
import { demoUuid } from './ids.ts';
import { localName, officeOf } from './local-sides.ts';
import type { Entry, Parties } from './timeline.ts';
import { partnerNameEn } from '../../commands/partnership/index.ts';

/** What became of a partnership by the demo's day. */
export type Fate = 'signed' | 'pipeline' | 'terminated' | 'withdrawn';

/** How a signed partnership's dormancy played out, if it had one. */
export type Dormancy =
  | 'revived-by-campaign'
  | 'revived-by-activity'
  | 'still-dormant-enrolled'
  | 'still-dormant'
  | 'revived-before-2021';

export interface PartnershipPlan {
  key: string;
  id: string;
  office: string;
  parties: Parties;
  fate: Fate;
  real: boolean;
  /** Commands in date order: lifecycle and activities merged. */
  entries: Entry[];
  proposedOn: string;
  signedOn?: string;
  dormancy?: Dormancy;
  /** Enrolled in the 2021 campaign on this day. */
  enrolledOn?: string;
}

/** A plan under construction: lifecycle first, activities once the windows are known. */
export interface Draft {
  plan: PartnershipPlan;
  lifecycle: Entry[];
  windows: [string, string][];
  context: ActivityContext;
}

export const CAMPAIGN_ID = demoUuid('campaign:activate-friendship-cities-2021');
export const CAMPAIGN_LAUNCH = '2021-03-18';

export const SYNTHETIC_NOTE = 'Demo data: a synthetic partnership between real places.';

/** A plan's first draft: its lifecycle, and activities allowed from signing to the demo's day. */
export function draftOf(key: string, parties: Parties, fate: Fate, real: boolean, lifecycle: Entry[]): Draft {
  const first = lifecycle[0];
  if (first === undefined) throw new Error(`${key} has no lifecycle`);
  const signed = lifecycle.find((entry) => entry.body.type === 'SignAgreement');
  const port = parties.partner.level === 'institution' && /port/i.test(partnerNameEn(parties.partner));
  return {
    plan: {
      key,
      id: demoUuid(`partnership:${key}`),
      office: officeOf(parties.local.divisionCode),
      parties,
      fate,
      real,
      entries: [],
      proposedOn: first.date,
      ...(signed !== undefined && { signedOn: signed.date }),
    },
    lifecycle,
    windows: signed === undefined ? [] : [[addDays(signed.date, 14), DEMO_END]],
    context: { localName: localName(parties.local), partnerName: partnerNameEn(parties.partner), kind: parties.kind, port },
  };
}

