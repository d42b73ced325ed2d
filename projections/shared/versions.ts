import { dayNumber } from './dates.ts';
import type { StoredEvent } from './stream-docs.ts';

/** How an aggregate stood from one day on: its state after its facts up to the end of that day. */
export interface DatedState<S> {
  /** The first day it holds (a day number). */
  from: number;
  state: S;
  /** The last event included. */
  revision: number;
  recordedAt: string;
}

/**
 * An aggregate's states day by day, folded with its own `evolve`: one per
 * day on which it changed, in order. Facts are recorded in the order they
 * happened, so a prefix of the events is the state as of a day; an event
 * dated before the one it follows counts from that one's day.
 */
export function datedStates<S extends { status: string }>(
  events: readonly StoredEvent[],
  evolve: (state: S, event: { type: string; data: Record<string, unknown> }) => S,
  initial: S,
): DatedState<S & { status: Exclude<S['status'], 'none'> }>[] {
  type Existing = S & { status: Exclude<S['status'], 'none'> };
  const states: DatedState<Existing>[] = [];
  let state = initial;
  for (const event of events) {
    state = evolve(state, event);
    if (state.status === 'none') continue;
    const previous = states.at(-1);
    const from = Math.max(dayNumber(String(event.data.date)), previous?.from ?? Number.NEGATIVE_INFINITY);
    const dated = { from, state: state as Existing, revision: event.revision, recordedAt: event.recordedAt };
    if (previous !== undefined && previous.from === from) states[states.length - 1] = dated;
    else states.push(dated);
  }
  return states;
}

/** The state that holds at the end of `day`, or undefined before the aggregate existed. */
export function stateAt<T extends { from: number }>(states: readonly T[], day: number): T | undefined {
  let low = 0;
  let high = states.length - 1;
  let found: T | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const state = states[middle] as T;
    if (state.from <= day) {
      found = state;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
