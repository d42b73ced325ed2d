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

type Existing<S extends { status: string }> = S & { status: Exclude<S['status'], 'none'> };

/** Where a dated fold stands: the states so far, the state after the last event folded, and how many were. */
export interface DatedFold<S extends { status: string }> {
  states: DatedState<Existing<S>>[];
  state: S;
  folded: number;
  /** The revision of the last event folded; -1 before the first. */
  revision: number;
}

/** Whether `events` extend the ones an earlier fold went through, so that it can go on from where it stopped. */
export function foldContinues<S extends { status: string }>(start: DatedFold<S> | undefined, events: readonly StoredEvent[]): start is DatedFold<S> {
  return start !== undefined && start.folded <= events.length && (start.folded === 0 || events[start.folded - 1]?.revision === start.revision);
}

/**
 * An aggregate's states day by day, folded with its own `evolve`: one per
 * day on which it changed, in order. Facts are recorded in the order they
 * happened, so a prefix of the events is the state as of a day; an event
 * dated before the one it follows counts from that one's day. Given where
 * an earlier fold of the same events stopped (`start`), only the events
 * after it are folded; the fold starts over when they are not the same.
 */
export function foldDated<S extends { status: string }>(
  events: readonly StoredEvent[],
  evolve: (state: S, event: { type: string; data: Record<string, unknown> }) => S,
  initial: S,
  start?: DatedFold<S>,
): DatedFold<S> {
  const continues = foldContinues(start, events);
  const states = continues ? [...start.states] : [];
  let state = continues ? start.state : initial;
  let revision = continues ? start.revision : -1;
  for (let index = continues ? start.folded : 0; index < events.length; index++) {
    const event = events[index] as StoredEvent;
    state = evolve(state, event);
    revision = event.revision;
    if (state.status === 'none') continue;
    const previous = states.at(-1);
    const from = Math.max(dayNumber(String(event.data.date)), previous?.from ?? Number.NEGATIVE_INFINITY);
    const dated = { from, state: state as Existing<S>, revision: event.revision, recordedAt: event.recordedAt };
    if (previous !== undefined && previous.from === from) states[states.length - 1] = dated;
    else states.push(dated);
  }
  return { states, state, folded: events.length, revision };
}

/** The states day by day of a whole history; see foldDated. */
export function datedStates<S extends { status: string }>(
  events: readonly StoredEvent[],
  evolve: (state: S, event: { type: string; data: Record<string, unknown> }) => S,
  initial: S,
): DatedState<Existing<S>>[] {
  return foldDated(events, evolve, initial).states;
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
