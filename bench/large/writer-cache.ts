import type { EventStore, RecordedEvent } from '../../src/event-store/port.ts';

export interface WriterCache extends EventStore {
  /** Drops a stream that will not be written again. */
  forget(stream: string): void;
}

/**
 * For a store with one writer, the generator: keeps each stream it is
 * writing in memory, so the command handler's full read of the stream
 * before every command is answered from memory instead of from SQLite. The
 * handler still reads, folds, decides and appends with the expected
 * revision; only the cost of re-reading a growing stream from disk goes
 * away, which would otherwise make a million commands take about an hour
 * on two cores. What is cached is exactly what the store returned: after
 * each append the new events are read back through the ledger.
 */
export function withWriterCache(store: EventStore): WriterCache {
  const streams = new Map<string, RecordedEvent[]>();
  return {
    ...store,
    async readStream(stream, options) {
      if (options !== undefined && Object.keys(options).length > 0) return store.readStream(stream, options);
      let cached = streams.get(stream);
      if (cached === undefined) {
        cached = await store.readStream(stream);
        streams.set(stream, cached);
      }
      return [...cached];
    },
    async append(stream, events, options) {
      const result = await store.append(stream, events, options);
      const cached = streams.get(stream);
      if (cached !== undefined) {
        const fromRevision = (cached.at(-1)?.revision ?? -1) + 1;
        cached.push(...(await store.readStream(stream, { fromRevision })));
      }
      return result;
    },
    forget(stream) {
      streams.delete(stream);
    },
  };
}
