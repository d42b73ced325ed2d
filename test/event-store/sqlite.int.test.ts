import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import { ConcurrencyError, DuplicateEventIdError } from '../../src/event-store/port.ts';
import { eventStoreContract, newEvent } from './contract.ts';

eventStoreContract(t, 'SQLite in memory', async () => ({
  store: createSqliteEventStore({ path: ':memory:' }),
}));

eventStoreContract(t, 'SQLite file (durability full)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-sqlite-'));
  return {
    store: createSqliteEventStore({ path: join(dir, 'events.db'), durability: 'full' }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

t.test('appends sharing a transaction fail alone and the rest survive a reopen', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-sqlite-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'events.db');
  const store = createSqliteEventStore({ path });
  await store.append('s-taken', [newEvent()], { expectedRevision: 'no_stream' });

  // Issued in one turn of the event loop, so they are committed together.
  const results = await Promise.allSettled([
    store.append('s-a', [newEvent(), newEvent()], { expectedRevision: 'no_stream' }),
    store.append('s-taken', [newEvent()], { expectedRevision: 'no_stream' }),
    store.append('s-b', [newEvent()], { expectedRevision: 'no_stream' }),
  ]);
  t.same(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
  t.type((results[1] as PromiseRejectedResult).reason, ConcurrencyError);
  await store.close();

  const reopened = createSqliteEventStore({ path });
  t.teardown(() => reopened.close());
  t.equal((await reopened.readStream('s-a')).length, 2);
  t.equal((await reopened.readStream('s-taken')).length, 1);
  t.equal((await reopened.readStream('s-b')).length, 1);
});

t.test('an event id reused in another stream is rejected, not mistaken for a retry', async (t) => {
  const store = createSqliteEventStore({ path: ':memory:' });
  t.teardown(() => store.close());
  const event = newEvent();
  await store.append('s-one', [event], { expectedRevision: 'no_stream' });
  await t.rejects(store.append('s-two', [event], { expectedRevision: 'no_stream' }), DuplicateEventIdError);
  t.same(await store.readStream('s-two'), []);
});
