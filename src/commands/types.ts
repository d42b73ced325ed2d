/** What the command handler is given and answers; see handle-command.ts. */
import type { Decider, DomainEvent } from '../../commands/decider.ts';
import type { EventStore, Position } from '../event-store/port.ts';

/** Who asks, for which office, as part of which request chain. */
export interface CommandMetadata {
  actor: string;
  office?: string;
  correlationId: string;
  causationId?: string;
}

export interface Idempotency {
  key: string;
  /** Hash of what the request asked for (route and body). */
  requestHash: string;
}

/**
 * Checks, once the current state is known, that the caller may act on this
 * aggregate; throws to refuse. Returns the office the caller acts for, which
 * goes into the events' metadata.
 */
export type Authorize<C, S> = (command: C, state: S) => { office?: string } | void;

export interface HandleOptions {
  /** From If-Match: the write happens only if the stream is at this revision. */
  expectedRevision?: number | undefined;
  idempotency?: Idempotency | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  authorize?: Authorize<any, any>;
}

export interface CommandResult {
  /** The stream's revision after the command (-1: the stream still does not exist). */
  revision: number;
  /** Position of the last event written, or of the stream's last event when nothing was written. */
  position: Position | undefined;
  /** False when nothing was written: a replay of an earlier request, or a command that changed nothing. */
  appended: boolean;
  /** True when the answer replays an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

export type CommandHandler = <C, S, E extends DomainEvent<string, object>>(
  decider: Decider<C, S, E>,
  stream: string,
  command: C,
  metadata: CommandMetadata,
  options?: HandleOptions,
) => Promise<CommandResult>;

export interface CommandHandlerOptions {
  store: EventStore;
  /** The current instant (ISO 8601); deciders derive "today" from it. */
  clock: () => string;
  /** Fresh UUIDs: what deciders mint (activity ids…) and the ids of events without an Idempotency-Key. */
  newId: () => string;
  /** How often a write without If-Match is retried after losing a race with another process. */
  conflictRetries: number;
  /** How many recently used aggregates are kept folded in memory (0: none, every command reads its whole stream). */
  cacheSize?: number;
}
