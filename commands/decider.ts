/**
 * The shape every aggregate has. Deciders are pure: no I/O, no clock, no
 * random ids — time and ids arrive in the context.
 */

/** A domain event before the store gives it an envelope. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
}

/**
 * What the store adds to an event. Folds run over stored events and may read
 * it (who issued an API key, and when); `decide` never produces it.
 */
export interface EventEnvelope {
  id: string;
  revision: number;
  metadata: { actor: string; occurredAt: string };
}

export interface DecideContext {
  /** When the command is handled (ISO 8601 instant); "today" is derived from it. */
  now: string;
  /** A fresh UUID per call, for ids a decider must mint (activity ids, milestone ids…). */
  newId: () => string;
}

export interface Decider<Command, State, Event extends DomainEvent> {
  /** Aggregate name used in error messages and the stream prefix. */
  name: string;
  initialState: State;
  evolve(state: State, event: Event & Partial<EventEnvelope>): State;
  /** Returns the new events (none when the command changes nothing) or throws a DomainError. */
  decide(command: Command, state: State, context: DecideContext): Event[];
}

/** An event as stored: its type and data, with or without the store's envelope. */
export type StoredEvent = { type: string; data: object } & Partial<EventEnvelope>;

/**
 * The state a stream's events fold into. Stored events are trusted to be of
 * the decider's own types: the stream name chose the decider.
 */
export function foldEvents<S, E extends DomainEvent>(
  decider: Pick<Decider<never, S, E>, 'initialState' | 'evolve'>,
  events: readonly StoredEvent[],
  from: S = decider.initialState,
): S {
  let state = from;
  for (const event of events) state = decider.evolve(state, event as E & Partial<EventEnvelope>);
  return state;
}
