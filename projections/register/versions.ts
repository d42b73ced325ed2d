import type { PartnerCorrection, Partnership, PartnershipEvent, PartnershipStatus } from '../../commands/partnership/index.ts';
import { evolve, initialState } from '../../commands/partnership/state.ts';
import { dayNumber } from '../shared/dates.ts';
import { stateAt } from '../shared/versions.ts';
import type { LifecycleEvent, PartnershipDoc } from './docs.ts';

/** One step of the lifecycle: the status and the day it began. */
export interface Stage {
  status: PartnershipStatus;
  since: string;
}

/** A dormant partnership brought back, by an explicit decision or by an activity. */
export interface Reactivation {
  date: string;
  /** The campaign credited with it (e.g. 激活友城专项行动). */
  campaignId?: string;
  /** Set when recording an activity brought it back. */
  activityId?: string;
}

/**
 * How a partnership stood from one day on, by its lifecycle facts up to the
 * end of that day: the write side's own state (`evolve`), so both sides
 * agree on every date and status, plus what only readers need.
 */
export interface Version {
  /** The first day it holds (day number of the facts' date). */
  from: number;
  state: Partnership;
  stages: Stage[];
  reactivations: Reactivation[];
  /** The last lifecycle event included. */
  revision: number;
  recordedAt: string;
}

function reactivation(data: Record<string, unknown>): Reactivation {
  return {
    date: String(data.date),
    ...(typeof data.campaignId === 'string' && { campaignId: data.campaignId }),
    ...(typeof data.activityId === 'string' && { activityId: data.activityId }),
  };
}

/**
 * The partnership's versions, one per day on which its lifecycle moved, in
 * order. Lifecycle facts are recorded in the order they happened (the write
 * side refuses one dated before the step it follows), so a prefix of the
 * events is the state as of a day; several facts of one day make one version.
 * A correction is not a step: it says how the partner should have been
 * recorded all along, so every version reads the corrected fields (a view
 * built from the events known at an earlier moment still reads the old ones).
 */
export function versionsOf(doc: PartnershipDoc): Version[] {
  const versions: Version[] = [];
  let state = initialState;
  let stages: Stage[] = [];
  let reactivations: Reactivation[] = [];
  let corrected: PartnerCorrection | undefined;
  for (const event of doc.events as readonly LifecycleEvent[]) {
    if (event.type === 'PartnershipRecordCorrected') {
      corrected = { ...corrected, ...(event.data.partner as PartnerCorrection) };
      continue;
    }
    const next = evolve(state, { type: event.type, data: event.data } as PartnershipEvent);
    if (next.status === 'none') continue;
    if (state.status !== next.status) stages = [...stages, { status: next.status, since: next.statusSince }];
    if (event.type === 'PartnershipReactivated') reactivations = [...reactivations, reactivation(event.data)];
    state = next;
    const previous = versions.at(-1);
    const from = Math.max(dayNumber(String(event.data.date)), previous?.from ?? Number.NEGATIVE_INFINITY);
    const version: Version = { from, state: next, stages, reactivations, revision: event.revision, recordedAt: event.recordedAt };
    if (previous !== undefined && previous.from === from) versions[versions.length - 1] = version;
    else versions.push(version);
  }
  if (corrected === undefined) return versions;
  const fields = corrected;
  return versions.map((version) => ({ ...version, state: { ...version.state, partner: { ...version.state.partner, ...fields } } }));
}

/** The version that holds at the end of `day`, or undefined before the proposal. */
export const versionAt = (versions: readonly Version[], day: number): Version | undefined => stateAt(versions, day);
