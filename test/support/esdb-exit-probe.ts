/**
 * Run as its own process by the adapter test: uses a store the way the
 * service does, closes it with a subscription still open, and must then
 * exit by itself. A handle the adapter forgot keeps it alive.
 */
import { randomUUID } from 'node:crypto';
import { createEsdbEventStore } from '../../src/event-store/esdb.ts';

const [connectionString] = process.argv.slice(2);
if (!connectionString) throw new Error('usage: esdb-exit-probe <connection string>');

const store = createEsdbEventStore({ connectionString });
const stream = `probe-${randomUUID()}`;
await store.append(
  stream,
  [
    {
      id: randomUUID(),
      type: 'ProbeRan',
      data: {},
      metadata: { actor: 'probe', correlationId: randomUUID(), occurredAt: new Date().toISOString(), schemaVersion: 1 },
    },
  ],
  { expectedRevision: 'any' },
);
await store.readStream(stream);
await store.readAll({ maxCount: 10 });
await new Promise<void>((resolve) => {
  store.subscribeToAll({ onEvent: () => undefined, onCaughtUp: resolve });
});
await store.close();
process.stdout.write('closed\n');
