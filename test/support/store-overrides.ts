import type { EventStore } from '../../src/event-store/port.ts';

/** The store with some of its methods replaced; the others still call it (bound, so adapters that use `this` work). */
export function withOverrides(store: EventStore, overrides: Partial<EventStore>): EventStore {
  return {
    ...store,
    append: (...args) => store.append(...args),
    readStream: (...args) => store.readStream(...args),
    readAll: (...args) => store.readAll(...args),
    subscribeToAll: (...args) => store.subscribeToAll(...args),
    close: () => store.close(),
    ...overrides,
  };
}

/** The store, failing every append after the first `appends`, as a process killed mid-write would stop. */
export function failingAfter(store: EventStore, appends: number): EventStore {
  let left = appends;
  return withOverrides(store, {
    append: async (...args) => {
      if (left-- <= 0) throw new Error('the process was killed');
      return store.append(...args);
    },
  });
}
