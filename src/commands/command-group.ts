/**
 * Deciding the commands that queued for one stream, one after another on
 * the state each leaves, and appending all their events at once with one
 * expected revision: a hot stream costs one read and one append per group,
 * not per command. Each command keeps its own answer and its own refusal.
 */
import type { Decider, DomainEvent } from '../../commands/decider.ts';
import { currentSchemaVersion } from '../../commands/upcasters.ts';
import type { NewEvent, Position } from '../event-store/port.ts';
import { derivedUuid } from '../ids.ts';
import { earlierRequest, type AggregateCache } from './aggregate-cache.ts';
import { IdempotencyKeyReusedError, PreconditionFailedError } from './errors.ts';
import type { CommandHandlerOptions, CommandMetadata, CommandResult, HandleOptions, Idempotency } from './types.ts';

export interface QueuedCommand {
  // Commands on one stream share their decider; its types are the caller's.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  decider: Decider<any, any, DomainEvent<string, object>>;
  command: unknown;
  metadata: CommandMetadata;
  options: HandleOptions;
}

export type Outcome = { ok: true; result: CommandResult } | { ok: false; error: unknown };

/** A decided command's place in the group: its events end at `revision`. */
type Decided = { result: Omit<CommandResult, 'position'>; hash?: string; position?: Position };

/**
 * One attempt at the whole group. Refusals are outcomes; what throws is the
 * read or the append, for the caller to retry (a ConcurrencyError: another
 * process wrote the stream) or to pass on.
 */
export async function attemptGroup(
  options: CommandHandlerOptions,
  cache: AggregateCache,
  stream: string,
  group: readonly QueuedCommand[],
): Promise<Outcome[]> {
  const decider = (group[0] as QueuedCommand).decider;
  const aggregate = await cache.load(options.store, decider, stream);
  let { state, revision } = aggregate;
  const decided: (Decided | { error: unknown })[] = [];
  const events: NewEvent[] = [];
  const keyed = new Map<string, Decided>();

  for (const { command, metadata, options: handleOptions } of group) {
    try {
      // Authorization comes first: a caller who may not write here learns nothing, not even from a replay.
      const office = handleOptions.authorize?.(command, state)?.office;
      const idempotency = handleOptions.idempotency;
      const key = idempotency ? `${metadata.actor}\u0000${idempotency.key}` : undefined;
      if (idempotency && key) {
        // A retry whose first attempt reached the store, or is in this group, answers as that one does.
        const earlier = earlierRequest(aggregate, idempotency, metadata.actor);
        if (earlier) {
          decided.push({ result: { revision: earlier.revision, appended: false, replayed: true }, position: earlier.position });
          continue;
        }
        const inGroup = keyed.get(key);
        if (inGroup && inGroup.hash !== idempotency.requestHash) throw new IdempotencyKeyReusedError();
        if (inGroup) {
          decided.push({ ...inGroup, result: { ...inGroup.result, appended: false, replayed: true } });
          continue;
        }
      }
      const expected = handleOptions.expectedRevision;
      if (expected !== undefined && expected !== revision) throw new PreconditionFailedError(expected, revision);

      const now = options.clock();
      const produced = decider.decide(command, state, { now, newId: options.newId });
      const envelope = { ...metadata, ...(office !== undefined ? { office } : {}) };
      const proposed = produced.map((event, index) => toNewEvent(event, index, stream, envelope, now, options.newId, idempotency));
      // The next command is decided on the state these events leave, folded as the store will hold them.
      proposed.forEach((event, index) => {
        state = decider.evolve(state, { ...event, revision: revision + 1 + index });
      });
      revision += proposed.length;
      events.push(...proposed);
      const entry: Decided = { result: { revision, appended: proposed.length > 0, replayed: false } };
      if (key && idempotency && proposed.length > 0) keyed.set(key, { ...entry, hash: idempotency.requestHash });
      decided.push(entry);
    } catch (error) {
      decided.push({ error });
    }
  }

  const positions = new Map<number, Position>();
  if (aggregate.last) positions.set(aggregate.last.revision, aggregate.last.position);
  if (events.length > 0) {
    const { last } = aggregate;
    const appended = await options.store.append(stream, events, {
      expectedRevision: last ? last.revision : 'no_stream',
      ...(last ? { previous: last } : {}),
    });
    positions.set(appended.nextRevision, appended.position);
    // Commands before the last one need the positions of their own last events.
    if (decided.filter((entry) => 'result' in entry && entry.result.appended).length > 1) {
      const written = await options.store.readStream(stream, { fromRevision: aggregate.revision + 1, maxCount: events.length });
      for (const event of written) positions.set(event.revision, event.position);
    }
  }
  return decided.map((entry) =>
    'error' in entry
      ? { ok: false, error: entry.error }
      : { ok: true, result: { ...entry.result, position: entry.position ?? positions.get(entry.result.revision) } },
  );
}

function toNewEvent(
  event: DomainEvent,
  index: number,
  stream: string,
  metadata: CommandMetadata,
  now: string,
  newId: () => string,
  idempotency: Idempotency | undefined,
): NewEvent {
  return {
    // Ids derived from the actor and key let a store recognise a retried append by its event ids.
    id: idempotency ? derivedUuid('event', metadata.actor, idempotency.key, stream, String(index)) : newId(),
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: {
      actor: metadata.actor,
      ...(metadata.office ? { office: metadata.office } : {}),
      correlationId: metadata.correlationId,
      ...(metadata.causationId ? { causationId: metadata.causationId } : {}),
      occurredAt: now,
      schemaVersion: currentSchemaVersion(event.type),
      ...(idempotency ? { idempotencyKey: idempotency.key, requestHash: idempotency.requestHash } : {}),
    },
  };
}
