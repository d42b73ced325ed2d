import { ConcurrencyError, DuplicateEventIdError } from '../event-store/port.ts';
import { createAggregateCache, type AggregateCache } from './aggregate-cache.ts';
import { attemptGroup, type Outcome, type QueuedCommand } from './command-group.ts';
import { ConflictRetriesExhaustedError, PreconditionFailedError } from './errors.ts';
import { createStreamQueue } from './stream-queue.ts';
import type { CommandHandler, CommandHandlerOptions, CommandResult } from './types.ts';

export type * from './types.ts';

/** The system's own clock, for the service and its command-line tools. */
export const systemClock = (): string => new Date().toISOString();

/** Most commands decided together and written in one append. */
const MAX_GROUP = 64;

/**
 * The one command handler every aggregate uses: read the stream, fold
 * `evolve`, `decide`, append with the revision that was read. A recently
 * used stream is not read again: its folded state is kept and only the
 * events after it are read, so the expected revision of the append is still
 * the stream's real end and another process's write is never missed.
 *
 * Commands on one stream take turns in this process; those that queued
 * while the stream was busy are decided one after another and written in
 * one append. A conflict with another process is retried from the revision
 * held, a bounded number of times, unless the client sent If-Match, which
 * makes any mismatch a precondition failure; a group that conflicts is
 * taken apart and each command handled on its own.
 */
export function createCommandHandler(options: CommandHandlerOptions): CommandHandler {
  const cache = createAggregateCache(options.cacheSize ?? 0);
  const enqueue = createStreamQueue<QueuedCommand, CommandResult>(MAX_GROUP, async (stream, group) => {
    if (group.length > 1) {
      try {
        return await attemptGroup(options, cache, stream, group);
      } catch (error) {
        if (!(error instanceof ConcurrencyError || error instanceof DuplicateEventIdError)) throw error;
      }
    }
    const outcomes: Outcome[] = [];
    for (const queued of group) outcomes.push(await withRetries(options, cache, stream, queued));
    return outcomes;
  });
  return (decider, stream, command, metadata, handleOptions = {}) =>
    enqueue(stream, { decider, command, metadata, options: handleOptions });
}

async function withRetries(options: CommandHandlerOptions, cache: AggregateCache, stream: string, queued: QueuedCommand): Promise<Outcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      const [outcome] = await attemptGroup(options, cache, stream, [queued]);
      return outcome as Outcome;
    } catch (error) {
      const expected = queued.options.expectedRevision;
      if (!(error instanceof ConcurrencyError)) return { ok: false, error };
      if (expected !== undefined) return { ok: false, error: new PreconditionFailedError(expected) };
      if (attempt >= options.conflictRetries) return { ok: false, error: new ConflictRetriesExhaustedError(attempt + 1) };
    }
  }
}
