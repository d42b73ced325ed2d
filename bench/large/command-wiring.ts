import { randomUUID } from 'node:crypto';
import type { Decider, DomainEvent } from '../../commands/decider.ts';
import { createCommandHandler, systemClock } from '../../src/commands/handle-command.ts';
import type { EventStore } from '../../src/event-store/port.ts';

/** Sends one command to its stream as the generator's actor, for the given office. */
export type SendCommand = <C, S, E extends DomainEvent<string, object>>(
  decider: Decider<C, S, E>,
  stream: string,
  command: C,
  office: string,
) => Promise<unknown>;

/**
 * The only place the generator touches the command handler's API: when its
 * factory or its call change, this function is all that has to follow.
 * Commands are handled "now" (wall clock, random ids); their fact dates
 * travel in the bodies, as over HTTP. No retries: the generator is the only
 * writer.
 */
export function createSendCommand(store: EventStore): SendCommand {
  const handle = createCommandHandler({ store, clock: systemClock, newId: randomUUID, conflictRetries: 0 });
  return (decider, stream, command, office) => handle(decider, stream, command, { actor: 'bench-generator', office, correlationId: randomUUID() });
}
