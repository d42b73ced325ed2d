import { ACTIVITY_TYPES, type PartnershipKind, type PartnershipStatus } from '../../commands/partnership/index.ts';
import type { ViewDefinition, ViewOptions } from '../view.ts';
import { DatedCounts, type Series } from '../shared/dated-counts.ts';
import { ActivityLog } from './activity-log.ts';
import { type Contribution, lifecycleContributions } from './contributions.ts';
import { ACTIVITIES, type ActivityChunkDoc, PARTNERSHIPS, type PartnershipDoc } from './docs.ts';
import { searchText } from './search-text.ts';
import { type Version, versionsOf } from './versions.ts';

/** One partnership as the register's queries read it. */
export interface PartnershipEntry {
  id: string;
  versions: Version[];
  log: ActivityLog;
  /** The revision of its proposal: an activity before it (never written by the write side) is not counted. */
  proposedRevision: number;
  /** The office answering for it (its city, or 370000), and its partner country: fixed at the proposal. */
  office: string;
  country: string;
  /** Every name of both sides, folded for search. */
  text: string;
  contributions: readonly Contribution[];
}

export interface RegisterIndexes {
  byCountry: Map<string, Set<PartnershipEntry>>;
  byOffice: Map<string, Set<PartnershipEntry>>;
  /** Every partnership that has ever had the status or kind, for filters as of any day. */
  everStatus: Map<PartnershipStatus, Set<PartnershipEntry>>;
  everKind: Map<PartnershipKind, Set<PartnershipEntry>>;
  bySignedYear: Map<number, Set<PartnershipEntry>>;
}

export interface RegisterView {
  options: ViewOptions;
  entries: Map<string, PartnershipEntry>;
  counts: DatedCounts;
  indexes: RegisterIndexes;
  /** Activity documents seen before their partnership's, by partnership and document id (kept until it comes). */
  waiting: Map<string, Map<string, ActivityChunkDoc>>;
  /** By proposal day, partner name and id: the register's default order. Rebuilt after a partnership is added. */
  byProposal: PartnershipEntry[] | undefined;
  /** The counts an activity goes into, by office and type (see `activitySeries`). */
  activitySeries: Map<string, ActivitySeries>;
  /** Partnerships whose lifecycle contributions are not counted as they now stand (see `settle`). */
  unsettled: Set<string>;
}

interface ActivitySeries {
  activities: Series[];
  outcomes: Series[];
}

function indexed<K>(index: Map<K, Set<PartnershipEntry>>, key: K, entry: PartnershipEntry, add: boolean) {
  let set = index.get(key);
  if (add) {
    if (set === undefined) index.set(key, (set = new Set()));
    set.add(entry);
  } else {
    set?.delete(entry);
    if (set?.size === 0) index.delete(key);
  }
}

/** The index keys a partnership is filed under. */
function keysOf(entry: PartnershipEntry) {
  const states = entry.versions.map((version) => version.state);
  const signed = states.at(-1)?.signedOn;
  return {
    statuses: [...new Set(states.map((state) => state.status))],
    kinds: [...new Set(states.map((state) => state.kind))],
    signedYear: signed === null || signed === undefined ? undefined : Number(signed.slice(0, 4)),
  };
}

function file(view: RegisterView, entry: PartnershipEntry, add: boolean) {
  const { indexes } = view;
  const keys = keysOf(entry);
  indexed(indexes.byCountry, entry.country, entry, add);
  indexed(indexes.byOffice, entry.office, entry, add);
  for (const status of keys.statuses) indexed(indexes.everStatus, status, entry, add);
  for (const kind of keys.kinds) indexed(indexes.everKind, kind, entry, add);
  if (keys.signedYear !== undefined) indexed(indexes.bySignedYear, keys.signedYear, entry, add);
}

function count(view: RegisterView, contributions: readonly Contribution[], sign: 1 | -1) {
  for (const [family, member, day, delta] of contributions) view.counts.add(family, member, day, sign * delta);
}

/**
 * The counts an activity of one office and type goes into: the office's
 * activities and outcomes, in all and of the type (the province's totals are
 * the sum of its 17 offices). Looked up once per office and type: a catch-up
 * adds a million activities.
 */
function activitySeries(view: RegisterView, office: string, typeIndex: number): ActivitySeries {
  const key = `${office}|${typeIndex}`;
  let found = view.activitySeries.get(key);
  if (found === undefined) {
    const type = ACTIVITY_TYPES[typeIndex] ?? 'other';
    found = {
      activities: [view.counts.series('activities', office), view.counts.series('activityTypes', `${office}|${type}`)],
      outcomes: [view.counts.series('outcomes', office), view.counts.series('outcomeTypes', `${office}|${type}`)],
    };
    view.activitySeries.set(key, found);
  }
  return found;
}

/** One activity of a chunk in and out of the counts. */
function countActivity(view: RegisterView, office: string, chunk: ActivityChunkDoc, i: number, sign: 1 | -1) {
  const day = chunk.days[i] as number;
  const outcomes = (chunk.outcomes[i] as number) * sign;
  const series = activitySeries(view, office, chunk.types[i] as number);
  for (const counted of series.activities) counted.add(day, sign);
  if (outcomes !== 0) for (const summed of series.outcomes) summed.add(day, outcomes);
}

function entryFor(doc: PartnershipDoc, existing: PartnershipEntry | undefined): PartnershipEntry {
  const versions = versionsOf(doc);
  const first = versions[0]?.state;
  const last = versions.at(-1)?.state;
  return {
    id: doc.id,
    versions,
    proposedRevision: doc.events[0]?.revision ?? 0,
    log: existing?.log ?? new ActivityLog(),
    office: first?.local.cityCode ?? '',
    country: first?.partner.country ?? '',
    text: last === undefined ? '' : searchText(last),
    contributions: existing?.contributions ?? [],
  };
}

/** The activity at `i` of a chunk into (or out of) a partnership's log and the counts. */
function changeActivity(view: RegisterView, entry: PartnershipEntry, chunk: ActivityChunkDoc, i: number, sign: 1 | -1) {
  const revision = chunk.revisions[i] as number;
  // As the write side's fold ignores anything before a proposal, so does the view.
  if (revision <= entry.proposedRevision) return;
  if (sign < 0) entry.log.remove(chunk.days[i] as number, revision);
  else {
    entry.log.insert({
      day: chunk.days[i] as number,
      revision,
      type: chunk.types[i] as number,
      outcomes: chunk.outcomes[i] as number,
      rank: chunk.ranks[i] ?? null,
      recordedAt: chunk.recordedAt[i] as number,
    });
  }
  countActivity(view, entry.office, chunk, i, sign);
}

/** How many leading activities two versions of a chunk share (the same revisions in the same places). */
function sharedPrefix(before: ActivityChunkDoc, after: ActivityChunkDoc): number {
  const shortest = Math.min(before.revisions.length, after.revisions.length);
  let i = 0;
  while (i < shortest && before.revisions[i] === after.revisions[i]) i++;
  return i;
}

/** Applies one activity document's change to its partnership's log and to the counts. */
function changeActivities(view: RegisterView, entry: PartnershipEntry, before: ActivityChunkDoc | undefined, after: ActivityChunkDoc | undefined) {
  const shared = before === undefined || after === undefined ? 0 : sharedPrefix(before, after);
  // The usual change appends to a chunk: only its new activities are counted, without building sets.
  if (before !== undefined && shared < before.revisions.length) {
    const kept = new Set(after?.revisions ?? []);
    for (let i = shared; i < before.revisions.length; i++) {
      if (!kept.has(before.revisions[i] as number)) changeActivity(view, entry, before, i, -1);
    }
  }
  if (after === undefined) return;
  const had = before !== undefined && shared < before.revisions.length ? new Set(before.revisions) : undefined;
  for (let i = shared; i < after.revisions.length; i++) {
    if (had === undefined || !had.has(after.revisions[i] as number)) changeActivity(view, entry, after, i, 1);
  }
}

export const registerView: ViewDefinition<RegisterView> = {
  create: (options) => ({
    options,
    entries: new Map(),
    counts: new DatedCounts(),
    indexes: { byCountry: new Map(), byOffice: new Map(), everStatus: new Map(), everKind: new Map(), bySignedYear: new Map() },
    waiting: new Map(),
    byProposal: undefined,
    activitySeries: new Map(),
    unsettled: new Set(),
  }),

  apply(view, changes) {
    const touched = new Set<PartnershipEntry>();
    // Lifecycles first: a commit may bring a partnership and its first activities together.
    // Lifecycle contributions (status, counted, quiet intervals…) are recomputed by `settle`, once per partnership.
    for (const change of changes) {
      if (change.collection !== PARTNERSHIPS || change.after === undefined) continue;
      const existing = view.entries.get(change.id);
      if (existing !== undefined) file(view, existing, false);
      const entry = entryFor(change.after as PartnershipDoc, existing);
      if (existing === undefined) view.byProposal = undefined;
      else if (existing.versions[0]?.state.proposedOn !== entry.versions[0]?.state.proposedOn) view.byProposal = undefined;
      view.entries.set(entry.id, entry);
      file(view, entry, true);
      touched.add(entry);
      for (const chunk of view.waiting.get(entry.id)?.values() ?? []) changeActivities(view, entry, undefined, chunk);
      view.waiting.delete(entry.id);
    }
    for (const change of changes) {
      if (change.collection !== ACTIVITIES) continue;
      const after = change.after as ActivityChunkDoc | undefined;
      const before = change.before as ActivityChunkDoc | undefined;
      const partnershipId = (after ?? before)?.partnershipId as string;
      const entry = view.entries.get(partnershipId);
      if (entry === undefined) {
        const waiting = view.waiting.get(partnershipId) ?? new Map<string, ActivityChunkDoc>();
        if (after === undefined) waiting.delete(change.id);
        else waiting.set(change.id, after);
        view.waiting.set(partnershipId, waiting);
        continue;
      }
      changeActivities(view, entry, before, after);
      touched.add(entry);
    }
    for (const entry of touched) view.unsettled.add(entry.id);
  },

  settle(view) {
    for (const id of view.unsettled) {
      const entry = view.entries.get(id);
      if (entry === undefined) continue;
      count(view, entry.contributions, -1);
      entry.contributions = lifecycleContributions(entry.versions, entry.log, view.options.dormancyMonths);
      count(view, entry.contributions, 1);
    }
    view.unsettled.clear();
  },
};
