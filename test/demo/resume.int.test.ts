import { randomUUID } from 'node:crypto';
import t, { type Test } from 'tap';
import { computeFigures } from '../../src/demo/figures.ts';
import { demoContents, seedDemoOnStart, seedDemoStore } from '../../src/demo/seed.ts';
import type { EventStore } from '../../src/event-store/port.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import { failingAfter } from '../support/store-overrides.ts';

/**
 * `npm start -- --demo` after an interrupted seed completes it, writing
 * nothing twice; over a complete demo it writes nothing and takes no
 * replay; into other data it writes nothing at all.
 */

const count = async (store: EventStore) => (await store.readAll({ maxCount: 1_000_000 })).length;

/** A store holding the first `appends` appends of a demo seed. */
async function interrupted(t: Test, appends: number) {
  const store = createSqliteEventStore({ path: ':memory:' });
  await t.rejects(seedDemoStore(failingAfter(store, appends)), /the process was killed/);
  return store;
}

t.test('an interrupted seed is completed, nothing written twice; a complete one is left alone', async (t) => {
  const fresh = createSqliteEventStore({ path: ':memory:' });
  t.teardown(() => fresh.close());
  t.equal((await seedDemoOnStart(fresh)).outcome, 'seeded');
  const complete = await count(fresh);

  const store = await interrupted(t, 1500);
  t.teardown(() => store.close());
  const partial = await demoContents(store);
  t.match(partial, { kind: 'demo' });
  const present = partial.kind === 'demo' ? partial.present : 0;
  const commands = partial.kind === 'demo' ? partial.commands : 0;
  t.ok(present > 0 && present < commands, `${present} of ${commands} commands were written before the interruption`);

  let resuming: unknown;
  const resumed = await seedDemoOnStart(store, { onSeeding: (progress) => (resuming = progress) });
  t.strictSame(resuming, { present, commands }, 'it says it resumes, and from where');
  t.match(resumed, { outcome: 'resumed', summary: { commands, replayed: present } });
  t.equal(await count(store), complete, 'as many events as a seed that was never interrupted');
  t.strictSame(await demoContents(store), { kind: 'demo', present: commands, commands });
  const figures = await computeFigures(store);
  t.match(figures, { relationships: 598, countries: 88, pipeline: 168, plannedProjects: 127, signedIn2021: 10 });

  const started = performance.now();
  t.strictSame(await seedDemoOnStart(store), { outcome: 'complete', commands }, 'a complete demo is not seeded again');
  const elapsed = performance.now() - started;
  t.ok(elapsed < 2000, `recognised as complete in ${Math.round(elapsed)} ms`);
  t.equal(await count(store), complete, 'nothing appended');
});

t.test('a store with data of its own is not mixed with the demo', async (t) => {
  const store = await interrupted(t, 200);
  t.teardown(() => store.close());
  await store.append(
    `partnership-${randomUUID()}`,
    [
      {
        id: randomUUID(),
        type: 'PartnershipProposed',
        data: { date: '2021-03-01' },
        metadata: { actor: 'qingdao-oa', correlationId: randomUUID(), occurredAt: '2021-03-02T02:00:00.000Z', schemaVersion: 1 },
      },
    ],
    { expectedRevision: 'no_stream' },
  );
  const before = await count(store);
  t.strictSame(await demoContents(store), { kind: 'other' });
  t.strictSame(await seedDemoOnStart(store), { outcome: 'refused' });
  t.equal(await count(store), before, 'nothing appended');
});

t.test('API keys alone leave the store empty for the demo', async (t) => {
  const store = createSqliteEventStore({ path: ':memory:' });
  t.teardown(() => store.close());
  await store.append(
    'api-keys',
    [{ id: randomUUID(), type: 'ApiKeyIssued', data: {}, metadata: { actor: 'system:bootstrap', correlationId: randomUUID(), occurredAt: '2021-03-02T02:00:00.000Z', schemaVersion: 1 } }],
    { expectedRevision: 'no_stream' },
  );
  t.strictSame(await demoContents(store), { kind: 'empty' });
});
