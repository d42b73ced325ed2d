/**
 * The shape every aggregate has. Deciders are pure: no I/O, no clock, no
 * random ids — time and ids arrive in the context.
 */

/** A domain event before the store gives it an envelope. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
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
  evolve(state: State, event: Event): State;
  /** Returns the new events or throws a DomainError. */
  decide(command: Command, state: State, context: DecideContext): Event[];
}
