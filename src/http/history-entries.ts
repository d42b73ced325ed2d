import diff from 'microdiff';
import { z } from 'zod';
import { foldEvents, type Decider, type DomainEvent } from '../../commands/decider.ts';
import type { RecordedEvent } from '../event-store/port.ts';
import { RecordedEventSchema } from './schemas.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDecider = Decider<any, any, DomainEvent<string, object>>;

export const Change = z
  .object({
    path: z.string().describe('Dot-joined path into the state, e.g. `status` or `approvals.granted.0`'),
    op: z.enum(['added', 'removed', 'changed']),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
  })
  .meta({ id: 'StateChange' });

export type Change = z.infer<typeof Change>;

export const HistoryEntry = RecordedEventSchema.extend({
  state: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('The aggregate state right after this event; left out with `?state=false`, and in exports unless `?state=true`'),
  changes: z.array(Change).describe('Field-level difference from the state before this event'),
})
  .meta({ id: 'HistoryEntry' });

export type HistoryEntry = z.infer<typeof HistoryEntry>;

const OPS = { CREATE: 'added', REMOVE: 'removed', CHANGE: 'changed' } as const;

/**
 * The field-level difference of two states. Folds share what an event left
 * alone, so a top-level field that is the same object on both sides is not
 * walked at all: a campaign with thousands of enrolments compares one list
 * per enrolment, not its whole state.
 */
export function changesBetween(before: object, after: object): Change[] {
  const [was, is] = [before as Record<string, unknown>, after as Record<string, unknown>];
  const changes: Change[] = [];
  for (const key of new Set([...Object.keys(was), ...Object.keys(is)])) {
    if (key in was && key in is && was[key] === is[key]) continue;
    const pick = (state: Record<string, unknown>) => (key in state ? { [key]: state[key] } : {});
    for (const d of diff(pick(was), pick(is))) {
      changes.push({
        path: d.path.join('.'),
        op: OPS[d.type],
        ...(d.type !== 'CREATE' && { before: d.oldValue }),
        ...(d.type !== 'REMOVE' && { after: d.value }),
      });
    }
  }
  return changes;
}

/**
 * The entries for revisions `from` to `from + limit - 1`, one at a time. The
 * fold always starts at revision 0: the first entry of a page needs the state
 * before it. Without `withState` an entry carries what changed, not the whole
 * state after it.
 */
export function* eachHistoryEntry(
  decider: AnyDecider,
  events: readonly RecordedEvent[],
  from: number,
  limit: number,
  withState = true,
): Generator<HistoryEntry> {
  let state: object = decider.initialState;
  for (const event of events.slice(0, from + limit)) {
    const next: object = foldEvents(decider, [event], state);
    if (event.revision >= from) {
      yield { ...event, ...(withState && { state: next as Record<string, unknown> }), changes: changesBetween(state, next) };
    }
    state = next;
  }
}

/** The entries of one page, as `eachHistoryEntry` yields them. */
export function historyEntries(decider: AnyDecider, events: readonly RecordedEvent[], from: number, limit: number, withState = true): HistoryEntry[] {
  return [...eachHistoryEntry(decider, events, from, limit, withState)];
}
