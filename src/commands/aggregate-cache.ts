import { LRUCache } from 'lru-cache';
import { foldEvents, type Decider, type DomainEvent } from '../../commands/decider.ts';
import type { EventStore, Position, RecordedEvent } from '../event-store/port.ts';
import { IdempotencyKeyReusedError } from './errors.ts';

/** What an earlier request with one actor's Idempotency-Key left in the stream. */
interface EarlierRequest {
  /** Every request hash its events carry; more than one only if the key was misused before. */
  hashes: Set<string>;
  /** Its last event: the answer a retry gets. */
  revision: number;
  position: Position;
}

/**
 * A stream folded up to `revision`. Only events read back from the store go
 * into it, never what this process meant to append: the next command reads
 * what came after `revision` (its own earlier writes and anyone else's), so
 * the cache can lag but never disagree with the log.
 */
export interface Aggregate<S> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  decider: Decider<any, S, any>;
  state: S;
  /** -1: the stream does not exist yet. */
  revision: number;
  /** The event at `revision`: the hash chain links the next append to it without a read. */
  last: RecordedEvent | undefined;
  /** Idempotency-Keys seen in the stream, by actor and key, so a retry is found without the stream's history. */
  requests: Map<string, EarlierRequest>;
}

const requestKey = (actor: string, key: string) => `${actor}\u0000${key}`;

/**
 * The request this actor made earlier with this key, if it reached the
 * stream. A key is its actor's own: the same key from another caller is
 * another request, so it neither replays an answer the caller may not see
 * nor tells, by a 422, that the key was used.
 */
export function earlierRequest(
  aggregate: Aggregate<unknown>,
  idempotency: { key: string; requestHash: string },
  actor: string,
): { revision: number; position: Position } | undefined {
  const earlier = aggregate.requests.get(requestKey(actor, idempotency.key));
  if (earlier === undefined) return undefined;
  for (const hash of earlier.hashes) if (hash !== idempotency.requestHash) throw new IdempotencyKeyReusedError();
  return earlier;
}

function folded<S>(aggregate: Aggregate<S>, events: readonly RecordedEvent[]): Aggregate<S> {
  const last = events.at(-1);
  if (last === undefined) return aggregate;
  // Folded before the index is touched: an evolve that throws leaves the aggregate as it was.
  const state = foldEvents(aggregate.decider, events, aggregate.state);
  for (const event of events) {
    const { idempotencyKey, requestHash, actor } = event.metadata;
    if (idempotencyKey === undefined || requestHash === undefined) continue;
    const key = requestKey(actor, idempotencyKey);
    const hashes = aggregate.requests.get(key)?.hashes ?? new Set<string>();
    hashes.add(requestHash);
    aggregate.requests.set(key, { hashes, revision: event.revision, position: event.position });
  }
  return { ...aggregate, state, revision: last.revision, last };
}

export interface AggregateCache {
  /**
   * The stream folded to its current end: from the cached aggregate and the
   * events after it, or from the whole stream when it is not cached.
   */
  load<C, S, E extends DomainEvent<string, object>>(store: EventStore, decider: Decider<C, S, E>, stream: string): Promise<Aggregate<S>>;
}

/**
 * The recently used aggregates of one process, `size` of them at most (0:
 * none, every command folds its whole stream). Entries are replaced, not
 * changed, except for the index of keys, which only grows with the log; the
 * states are what `evolve` returns and deciders never change them.
 */
export function createAggregateCache(size: number): AggregateCache {
  const entries = size > 0 ? new LRUCache<string, Aggregate<unknown>>({ max: size }) : undefined;
  return {
    async load(store, decider, stream) {
      const cached = entries?.get(stream) as Aggregate<never> | undefined;
      // A stream is always folded by one decider; another one starts afresh.
      const from = cached?.decider === decider ? cached : undefined;
      const events = await store.readStream(stream, from ? { fromRevision: from.revision + 1 } : {});
      const fresh = { decider, state: decider.initialState, revision: -1, last: undefined, requests: new Map() };
      const aggregate = folded<typeof decider.initialState>(from ?? fresh, events);
      entries?.set(stream, aggregate);
      return aggregate;
    },
  };
}
