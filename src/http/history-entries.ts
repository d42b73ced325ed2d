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
  state: z.record(z.string(), z.unknown()).describe('The aggregate state right after this event'),
  changes: z.array(Change).describe('Field-level difference from the state before this event'),
})
  .meta({ id: 'HistoryEntry' });

export type HistoryEntry = z.infer<typeof HistoryEntry>;

const OPS = { CREATE: 'added', REMOVE: 'removed', CHANGE: 'changed' } as const;

export function changesBetween(before: object, after: object): Change[] {
  return diff(before as Record<string, unknown>, after as Record<string, unknown>).map((d) => ({
    path: d.path.join('.'),
    op: OPS[d.type],
    ...(d.type !== 'CREATE' && { before: d.oldValue }),
    ...(d.type !== 'REMOVE' && { after: d.value }),
  }));
}

/**
 * The entries for revisions `from` to `from + limit - 1`. The fold always
 * starts at revision 0: the first entry of a page needs the state before it.
 */
export function historyEntries(decider: AnyDecider, events: RecordedEvent[], from: number, limit: number): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  let state: object = decider.initialState;
  for (const event of events.slice(0, from + limit)) {
    const next: object = foldEvents(decider, [event], state);
    if (event.revision >= from) {
      entries.push({ ...event, state: next as Record<string, unknown>, changes: changesBetween(state, next) });
    }
    state = next;
  }
  return entries;
}
