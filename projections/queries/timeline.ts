import { ACTIVITY_TYPES, type ActivityType } from '../../commands/partnership/index.ts';
import type { ActivityLog } from '../register/activity-log.ts';
import { rowAt } from '../register/rows.ts';
import type { PartnershipEntry, RegisterView } from '../register/view.ts';
import { dateOfDay, dayNumber } from '../shared/dates.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './register-query.ts';

export interface TimelineQuery {
  /** The day it is read for: activities dated later do not count. */
  day: string;
  partnershipId?: string | undefined;
  /** The answering office: 370000 or a city code. */
  office?: string | undefined;
  type?: ActivityType | undefined;
  /** Inclusive date bounds (YYYY-MM-DD). */
  from?: string | undefined;
  to?: string | undefined;
  /** 1-based. */
  page?: number | undefined;
  pageSize?: number | undefined;
}

/** One activity of the timeline as the view knows it; its details (title, participants…) are in its event. */
export interface TimelineEntry {
  partnershipId: string;
  /** The activity's event: `partnership-<partnershipId>` at this revision. */
  revision: number;
  date: string;
  type: ActivityType;
  outcomeCount: number;
  entry: PartnershipEntry;
}

/** A cursor over one partnership's activities from the newest in range backwards. */
interface Cursor {
  entry: PartnershipEntry;
  log: ActivityLog;
  at: number;
  lowest: number;
}

/** Newer first; on the same day, by partnership and revision so pages are stable. */
function newer(a: Cursor, b: Cursor): boolean {
  const x = a.log.days[a.at] as number;
  const y = b.log.days[b.at] as number;
  if (x !== y) return x > y;
  if (a.entry.id !== b.entry.id) return a.entry.id < b.entry.id;
  return (a.log.revisions[a.at] as number) > (b.log.revisions[b.at] as number);
}

/** A binary heap of cursors, newest on top: the timeline is their merge. */
class Merge {
  private readonly heap: Cursor[] = [];
  push(cursor: Cursor) {
    const heap = this.heap;
    heap.push(cursor);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!newer(heap[i] as Cursor, heap[parent] as Cursor)) break;
      [heap[i], heap[parent]] = [heap[parent] as Cursor, heap[i] as Cursor];
      i = parent;
    }
  }
  pop(): Cursor | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last !== undefined) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        const right = left + 1;
        let best = i;
        if (left < heap.length && newer(heap[left] as Cursor, heap[best] as Cursor)) best = left;
        if (right < heap.length && newer(heap[right] as Cursor, heap[best] as Cursor)) best = right;
        if (best === i) break;
        [heap[i], heap[best]] = [heap[best] as Cursor, heap[i] as Cursor];
        i = best;
      }
    }
    return top;
  }
}

/**
 * The activity timeline as of `day`: exchanges newest first (activities are
 * often entered late, so the order is by the day they happened, not by
 * entry), filtered and paged like the register. The page is a merge of the
 * candidate partnerships' activity logs, read from the newest in range, so
 * only what the page needs is read; totals come from the view's dated
 * counts where they can.
 */
export function activityTimeline(view: RegisterView, query: TimelineQuery) {
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.trunc(query.pageSize ?? DEFAULT_PAGE_SIZE)));
  const page = Math.max(1, Math.trunc(query.page ?? 1));
  const day = dayNumber(query.day);
  const to = Math.min(day, query.to === undefined ? day : dayNumber(query.to));
  const from = query.from === undefined ? Number.NEGATIVE_INFINITY : dayNumber(query.from);
  const typeIndex = query.type === undefined ? undefined : ACTIVITY_TYPES.indexOf(query.type);

  const byPartnership = query.partnershipId === undefined ? undefined : view.entries.get(query.partnershipId);
  const entries =
    query.partnershipId !== undefined
      ? byPartnership !== undefined && (query.office === undefined || byPartnership.office === query.office)
        ? [byPartnership]
        : []
      : query.office !== undefined
        ? (view.indexes.byOffice.get(query.office) ?? [])
        : view.entries.values();

  const merge = new Merge();
  let total = 0;
  let outcomes = 0;
  for (const entry of entries) {
    const { log } = entry;
    const at = log.countUpTo(to) - 1;
    const lowest = Number.isFinite(from) ? log.countUpTo(from - 1) : 0;
    if (at >= lowest) merge.push({ entry, log, at, lowest });
    if (query.partnershipId !== undefined) {
      for (let i = lowest; i <= at; i++) {
        if (typeIndex !== undefined && log.types[i] !== typeIndex) continue;
        total++;
        outcomes += log.outcomes[i] as number;
      }
    }
  }
  // A range that starts after it ends (`from` past the day) is empty; `between` would subtract later activities.
  if (query.partnershipId === undefined && from <= to) {
    // The counts are kept per office (and office and type); the province's are their sum.
    const [counted, summed] = query.type === undefined ? ['activities', 'outcomes'] : ['activityTypes', 'outcomeTypes'];
    const which = (member: string) => {
      const [office, type] = member.split('|');
      return (query.office === undefined || office === query.office) && (query.type === undefined || type === query.type);
    };
    const between = (family: string) =>
      view.counts.total(family, to, which) - (Number.isFinite(from) ? view.counts.total(family, from - 1, which) : 0);
    total = between(counted as string);
    outcomes = between(summed as string);
  }

  const items: TimelineEntry[] = [];
  let skipped = 0;
  while (items.length < pageSize) {
    const cursor = merge.pop();
    if (cursor === undefined) break;
    const i = cursor.at;
    if (typeIndex === undefined || cursor.log.types[i] === typeIndex) {
      if (skipped < (page - 1) * pageSize) skipped++;
      else {
        items.push({
          partnershipId: cursor.entry.id,
          revision: cursor.log.revisions[i] as number,
          date: dateOfDay(cursor.log.days[i] as number),
          type: ACTIVITY_TYPES[cursor.log.types[i] as number] ?? 'other',
          outcomeCount: cursor.log.outcomes[i] as number,
          entry: cursor.entry,
        });
      }
    }
    if (i > cursor.lowest) merge.push({ ...cursor, at: i - 1 });
  }
  return { today: query.day, total, outcomes, page, pageSize, items };
}

/** The partnership an entry of the timeline belongs to, as it stood on the timeline's day. */
export const timelinePartnership = (item: TimelineEntry, day: number) => rowAt(item.entry, day);
