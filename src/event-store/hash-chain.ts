import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.ts';
import { createKeyedLock } from './keyed-lock.ts';
import { ConcurrencyError, type EventMetadata, type EventStore, type NewEvent, type RecordedEvent } from './port.ts';

/** Where every stream's chain starts: the `previousHash` of revision 0. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a hash covers: everything about an event except when the store wrote it. */
export interface HashedContent {
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

/**
 * SHA-256 over the RFC 8785 canonical JSON of the event (id, stream,
 * revision, type, data, metadata without its own `hash`) and the previous
 * event's hash. Canonical JSON makes the hash independent of key order and
 * of how an adapter serialises; stream and revision in the content stop an
 * event from being moved or reordered unnoticed.
 */
export function eventHash(event: HashedContent, previousHash: string): string {
  const { hash: _hash, ...metadata } = event.metadata;
  const content = canonicalJson({
    id: event.id,
    stream: event.stream,
    revision: event.revision,
    type: event.type,
    data: event.data,
    metadata: { ...metadata, previousHash },
  });
  return createHash('sha256').update(content).digest('hex');
}

/** Attempts for an `any` append that keeps meeting a concurrent writer. */
const ANY_ATTEMPTS = 10;

/**
 * Decorates an event store so that every appended event carries `hash` and
 * `previousHash` in its metadata, chaining each stream from GENESIS_HASH.
 * Every append is made with an exact expected revision, because the chain
 * needs to know which event comes before: an `any` append reads the
 * stream's end first, takes turns with other `any` appends to the stream in
 * this process, and retries when another writer got in between.
 */
export function withHashChain(store: EventStore): EventStore {
  const withLock = createKeyedLock();
  async function eventAt(stream: string, revision: number): Promise<RecordedEvent | undefined> {
    const [event] = await store.readStream(stream, { direction: 'backwards', fromRevision: revision, maxCount: 1 });
    return event;
  }

  function chained(stream: string, events: NewEvent[], previous: RecordedEvent | undefined): NewEvent[] {
    let previousHash = previous ? (previous.metadata.hash ?? GENESIS_HASH) : GENESIS_HASH;
    const firstRevision = previous ? previous.revision + 1 : 0;
    return events.map((event, index) => {
      const metadata = { ...event.metadata, previousHash };
      const hash = eventHash({ ...event, metadata, stream, revision: firstRevision + index }, previousHash);
      previousHash = hash;
      return { ...event, metadata: { ...metadata, hash } };
    });
  }

  return {
    ...store,
    async append(stream, events, options) {
      const expected = options.expectedRevision;
      if (expected === 'no_stream') return store.append(stream, chained(stream, events, undefined), options);
      if (typeof expected === 'number') {
        // A stale revision is refused by the store itself; the chain is then never written.
        const previous = options.previous?.revision === expected ? options.previous : await eventAt(stream, expected);
        return store.append(stream, chained(stream, events, previous), { expectedRevision: expected });
      }
      return withLock(stream, async () => {
        for (let attempt = 1; ; attempt++) {
          const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
          try {
            return await store.append(stream, chained(stream, events, last), {
              expectedRevision: last ? last.revision : 'no_stream',
            });
          } catch (error) {
            if (!(error instanceof ConcurrencyError) || attempt >= ANY_ATTEMPTS) throw error;
          }
        }
      });
    },
  };
}
