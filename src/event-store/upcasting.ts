import { currentSchemaVersion, upcast } from '../../commands/upcasters.ts';
import type { EventStore, RecordedEvent } from './port.ts';

/** The event in its type's current shape; `storedSchemaVersion` says it was upcast from an older one. */
export function upcastEvent(event: RecordedEvent): RecordedEvent {
  const stored = event.metadata.schemaVersion ?? 1;
  const current = currentSchemaVersion(event.type);
  if (stored >= current) return event;
  return {
    ...event,
    data: upcast(event.type, event.data, stored),
    metadata: { ...event.metadata, schemaVersion: current, storedSchemaVersion: stored },
  };
}

/** Decorates an event store so that every read (streams, `$all`, subscriptions) returns current shapes. */
export function withUpcasting(store: EventStore): EventStore {
  return {
    ...store,
    async readStream(stream, options) {
      return (await store.readStream(stream, options)).map(upcastEvent);
    },
    async readAll(options) {
      return (await store.readAll(options)).map(upcastEvent);
    },
    subscribeToAll(options) {
      return store.subscribeToAll({ ...options, onEvent: (event) => options.onEvent(upcastEvent(event)) });
    },
  };
}
