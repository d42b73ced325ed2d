import type { ActivityRecorded } from '../../commands/partnership/index.ts';
import { rowAt, type TimelineEntry } from '../../projections/index.ts';
import { dayNumber } from '../../projections/shared/dates.ts';
import type { EventStore } from '../event-store/port.ts';

/**
 * The timeline's entries with what they say: the view knows when, what type
 * and for whom; the title, participants, leader and outcomes are in each
 * activity's event, read from the log (one small read each, the page only).
 * The partnership is shown as it stood on the timeline's day.
 */
export async function withDetails(store: EventStore, entries: readonly TimelineEntry[], day: string) {
  const d = dayNumber(day);
  return Promise.all(
    entries.map(async (entry) => {
      const [event] = await store.readStream(`partnership-${entry.partnershipId}`, { fromRevision: entry.revision, maxCount: 1 });
      if (event === undefined || event.type !== 'ActivityRecorded') {
        throw new Error(`partnership-${entry.partnershipId}@${entry.revision} is not the activity the timeline names`);
      }
      const data = event.data as ActivityRecorded['data'];
      // An activity of the day is never before its partnership's proposal.
      const row = rowAt(entry.entry, d) ?? rowAt(entry.entry, Number.POSITIVE_INFINITY);
      if (row === undefined) throw new Error(`no partnership ${entry.partnershipId} for its activity`);
      return {
        activityId: data.activityId,
        partnershipId: entry.partnershipId,
        divisionCode: row.local.divisionCode,
        cityCode: row.local.cityCode,
        date: entry.date,
        type: entry.type,
        direction: data.direction,
        title: data.title,
        participants: data.participants,
        ...(data.audience !== undefined && { audience: data.audience }),
        ...(data.leaderRank !== undefined && { leaderRank: data.leaderRank }),
        ...(data.leaderTitle !== undefined && { leaderTitle: data.leaderTitle }),
        outcomeCount: entry.outcomeCount,
        outcomes: data.outcomes.map((outcome) => outcome.description),
        revision: entry.revision,
        partner: row.partner,
        local: row.local,
      };
    }),
  );
}
