import { z } from 'zod';
import {
  CONTACT_CHANNELS,
  LocalSideBody,
  PARTNERSHIP_KINDS,
  PartnerSideBody,
  RecordActivityBody,
  partnerNameEn,
} from '../../commands/partnership/index.ts';
import { jsonTable, why } from './data-files.ts';
import { DEMO_END } from './dates.ts';
import { SHANDONG_PARTNERSHIPS } from './sourced-partnerships.ts';
import type { Entry, Parties } from './timeline.ts';

/**
 * What the report of the press conference of 7 December 2021 adds
 * (`data/press-conference-2021.json`): the exchanges it names with sourced
 * partners, recorded on their partnerships, and the new contacts it names,
 * in the reserve as candidates in contact. Values the report does not give
 * are chosen, each with its reason.
 */

/** A day of 2021 up to the conference: the report looks back on the year. */
const dayOf2021 = () =>
  z.iso.date().refine((date) => date >= '2021-01-01' && date <= DEMO_END, `a day from 2021-01-01 to ${DEMO_END}`);

const Activity = z
  .strictObject({
    ...RecordActivityBody.shape,
    /** The sourced partnership, by the source's partner name. */
    partner: z.string().refine((name) => SHANDONG_PARTNERSHIPS.some((row) => row.partner === name), 'no sourced row has this partner'),
    date: dayOf2021(),
    why: why(),
  })
  .transform(({ partner, date, why: _reason, ...data }) => ({ partner, date, data }));

const Candidate = z
  .strictObject({
    partner: PartnerSideBody,
    local: LocalSideBody,
    kind: z.enum(PARTNERSHIP_KINDS),
    proposedOn: dayOf2021(),
    contact: z.strictObject({ date: dayOf2021(), channel: z.enum(CONTACT_CHANNELS) }),
    notes: z.string().min(1),
    why: why(),
  })
  .refine((candidate) => candidate.proposedOn < candidate.contact.date, {
    path: ['contact', 'date'],
    message: 'the contact comes after the proposal',
  })
  .transform(({ why: _reason, ...candidate }) => candidate);

const REPORT = jsonTable(
  'press-conference-2021.json',
  z.strictObject({ source: z.url({ protocol: /^https?$/ }), why: why(), activities: z.array(Activity), candidates: z.array(Candidate) }),
);

export const PRESS_CONFERENCE_SOURCE: string = REPORT.source;

const NAMED_IN = `Named in the report of the press conference of ${DEMO_END} (${REPORT.source})`;

/** The named exchanges as RecordActivity entries, by the source's partner name. */
export function pressConferenceActivities(partner: string): Entry[] {
  return REPORT.activities
    .filter((activity) => activity.partner === partner)
    .map(({ date, data }) => {
      const notes = [`${NAMED_IN}; date and details chosen.`, ...(data.notes === undefined ? [] : [data.notes])].join(' ');
      return { date, body: { type: 'RecordActivity', data: { ...data, notes } } };
    });
}

export interface PressConferenceCandidate {
  /** Part of the dataset's key: the partner's English name. */
  name: string;
  parties: Parties;
  /** The proposal and the first working contact. */
  lifecycle: Entry[];
}

/** The new contacts the report names: proposed, then in working contact. */
export const PRESS_CONFERENCE_CANDIDATES: readonly PressConferenceCandidate[] = REPORT.candidates.map((candidate) => {
  const notes = `${NAMED_IN}. ${candidate.notes}`;
  const parties: Parties = { kind: candidate.kind, local: candidate.local, partner: candidate.partner, notes };
  const { local, partner, kind } = parties;
  return {
    name: partnerNameEn(candidate.partner),
    parties,
    lifecycle: [
      { date: candidate.proposedOn, body: { type: 'ProposePartnership', data: { local, partner, kind, notes } } },
      { date: candidate.contact.date, body: { type: 'RecordContact', data: { channel: candidate.contact.channel } } },
    ],
  };
});
