import { z } from 'zod';
import { chinaInstant, chinaToday, isBareDate } from '../../commands/shared/dates.ts';
import type { RecordedEvent } from '../event-store/port.ts';
import { dateOrInstant } from './schemas.ts';

/**
 * Which events make up a past state. A ledger has two clocks: the day a fact
 * happened (`data.date`, which offices may enter late) and the moment the
 * ledger learnt of it (`recordedAt`). A bare-date `asOf` asks the first
 * question with everything known today; an instant asks both at once, i.e.
 * "what did the ledger say then"; `knownAt` caps the second on its own.
 */
export const StateQuery = z
  .object({
    revision: z.coerce
      .number()
      .int()
      .min(0)
      .optional()
      .describe('The state right after this revision; not combinable with asOf or knownAt'),
    asOf: dateOrInstant()
      .optional()
      .describe(
        'A date (YYYY-MM-DD): the state on that day by the facts’ own dates, as the ledger knows them now. ' +
          'A date-time with offset: the state at that instant as the ledger knew it then (events recorded by then ' +
          'whose fact date is on or before that day in China Standard Time).',
      ),
    knownAt: dateOrInstant()
      .optional()
      .describe(
        'Only events recorded by then; a bare date means the end of that day in China Standard Time. ' +
          'Combinable with a bare-date asOf (the state on that day as the ledger knew it at knownAt).',
      ),
  })
  .strict()
  .superRefine((query, ctx) => {
    if (query.revision !== undefined && (query.asOf !== undefined || query.knownAt !== undefined)) {
      const message = 'revision cannot be combined with asOf or knownAt';
      ctx.addIssue({ code: 'custom', path: ['revision'], message, params: { code: 'revision-with-time' } });
    }
    if (query.knownAt !== undefined && query.asOf !== undefined && !isBareDate(query.asOf)) {
      const message = 'an asOf instant already fixes what the ledger knew; use a bare-date asOf with knownAt';
      ctx.addIssue({ code: 'custom', path: ['knownAt'], message, params: { code: 'known-at-with-instant' } });
    }
  });

export type StateQuery = z.infer<typeof StateQuery>;

/**
 * The day a fact happened. Every command event carries `date`; an event
 * without one (e.g. written by a tool) counts on the China day it was handled.
 */
export const factDay = (event: RecordedEvent): string =>
  typeof event.data.date === 'string' ? event.data.date : chinaToday(event.metadata.occurredAt);

/** The events of a stream that make up the requested past state, in log order. */
export function selectPastEvents(events: RecordedEvent[], query: StateQuery): RecordedEvent[] {
  const { revision, asOf, knownAt } = query;
  if (revision !== undefined) return events.filter((e) => e.revision <= revision);
  let selected = events;
  if (asOf !== undefined) {
    const lastDay = isBareDate(asOf) ? asOf : chinaToday(asOf);
    selected = selected.filter((e) => factDay(e) <= lastDay);
    if (!isBareDate(asOf)) selected = recordedBy(selected, Date.parse(asOf));
  }
  if (knownAt !== undefined) selected = recordedBy(selected, chinaInstant(knownAt, 'end'));
  return selected;
}

const recordedBy = (events: RecordedEvent[], until: number) => events.filter((e) => Date.parse(e.recordedAt) <= until);
