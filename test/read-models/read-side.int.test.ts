import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import type { DocChange, Projection } from '../../projections/index.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import type { EventStore } from '../../src/event-store/port.ts';
import { ReadModelRebuildingError } from '../../src/read-models/port.ts';
import { createReadSide, type RunningReadSide } from '../../src/read-side.ts';
import { appendCounted, captureLogger, counterProjection, lastPosition, type StreamDoc } from '../projection-runner/fixtures.ts';
import { deleteKeys, withSharedRedis } from './redis-support.ts';

/** The counter projection with a view: the sum over every stream, kept from document changes. */
interface SumView {
  sum: number;
  streams: number;
}
const sumOf = (doc: unknown) => (doc as StreamDoc | undefined)?.sum ?? 0;
function summed(version = 1): Projection {
  return counterProjection({
    version,
    view: {
      create: (): SumView => ({ sum: 0, streams: 0 }),
      apply(view: unknown, changes: readonly DocChange[]) {
        const v = view as SumView;
        for (const { collection, before, after } of changes) {
          if (collection !== 'streams') continue;
          v.sum += sumOf(after) - sumOf(before);
          v.streams += (after ? 1 : 0) - (before ? 1 : 0);
        }
      },
    },
  });
}
/** What the view must say after appendCounted(n): 0 + 1 + … + (n − 1). */
const triangle = (n: number) => (n * (n - 1)) / 2;
const sumView = (side: RunningReadSide) => (side.views() as unknown as Record<string, SumView>).counter;

async function caughtUp(side: RunningReadSide, store: EventStore) {
  const position = await lastPosition(store);
  if (position !== undefined && !(await side.waitFor(position, 10_000))) throw new Error('the read side did not catch up');
}

t.test('views are live in memory; before a version serves, reads are refused rather than empty', async (t) => {
  const store = createSqliteEventStore({ path: ':memory:' });
  const side = createReadSide({ config: { role: 'all', readModels: { kind: 'memory' } }, eventStore: store, projections: [summed()] });
  t.teardown(async () => {
    await side.close();
    await store.close();
  });
  t.throws(() => side.views(), ReadModelRebuildingError, 'nothing built yet: no zeros, a refusal');
  await appendCounted(store, 50);
  await side.start();
  await caughtUp(side, store);
  t.same(sumView(side), { sum: triangle(50), streams: 10 });
  await appendCounted(store, 20, 20);
  await caughtUp(side, store);
  t.same(sumView(side), { sum: triangle(50) + triangle(20), streams: 20 }, 'the view follows the log');
});

t.test('memory read models resume from their snapshot after a clean stop; a bad snapshot means a rebuild', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'read-side-'));
  const store = createSqliteEventStore({ path: join(dir, 'events.db') });
  t.teardown(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  const snapshot = { path: join(dir, 'read-models.snapshot.ndjson'), everySeconds: 0 };
  const open = (version = 1) => {
    const logger = captureLogger();
    const side = createReadSide({
      config: { role: 'all', readModels: { kind: 'memory', snapshot } },
      eventStore: store,
      projections: [summed(version)],
      logger,
    });
    return { side, logger, said: (text: string) => logger.entries.some((entry) => entry.message.includes(text)) };
  };

  await appendCounted(store, 120);
  const first = open();
  await first.side.start();
  await caughtUp(first.side, store);
  await first.side.close();
  t.ok(first.said('read-model snapshot written'), 'written on shutdown');

  await appendCounted(store, 30);
  const second = open();
  await second.side.start();
  t.ok(second.said('resumed from their snapshot'), 'resumed from it');
  await caughtUp(second.side, store);
  t.same(sumView(second.side), { sum: triangle(120) + triangle(30), streams: 10 }, 'and caught up with what came after');
  await second.side.close();

  const text = await readFile(snapshot.path, 'utf8');
  await writeFile(snapshot.path, text.replace('"sum', '"sun'));
  const corrupt = open();
  await corrupt.side.start();
  t.ok(corrupt.logger.entries.some((e) => e.details.reason === 'corrupt'), 'an altered snapshot is refused');
  await caughtUp(corrupt.side, store);
  t.same(sumView(corrupt.side), { sum: triangle(120) + triangle(30), streams: 10 }, 'and the model is built from the log instead');
  await corrupt.side.close();

  await writeFile(snapshot.path, text.slice(0, text.length / 2));
  const truncated = open();
  await truncated.side.start();
  t.ok(truncated.logger.entries.some((e) => e.details.reason === 'corrupt'), 'a truncated snapshot is refused');
  await truncated.side.close();

  const newer = open(2);
  await newer.side.start();
  await caughtUp(newer.side, store);
  t.equal(newer.side.status()[0]?.version, '2', 'a snapshot of an older projection version is rebuilt into the new one');
  t.same(sumView(newer.side), { sum: triangle(120) + triangle(30), streams: 10 });
  await newer.side.close();
});

t.test('an API process keeps its own replica: seeded from Redis, fed by the log, unaffected by a Redis that lost its data', async (t) => {
  await withSharedRedis(t, 'api replica', async (url) => {
    const keyPrefix = `test-replica-${process.pid}`;
    const store = createSqliteEventStore({ path: ':memory:' });
    const readModels = { kind: 'redis' as const, url, keyPrefix };
    const projector = createReadSide({ config: { role: 'projector', readModels }, eventStore: store, projections: [summed()] });
    const logger = captureLogger();
    const api = createReadSide({ config: { role: 'api', readModels }, eventStore: store, projections: [summed()], logger });
    t.teardown(async () => {
      await api.close();
      await projector.close();
      await store.close();
      await deleteKeys(url, keyPrefix);
    });
    await appendCounted(store, 80);
    await projector.start();
    await caughtUp(projector, store);
    await api.start();
    t.ok(logger.entries.some((entry) => entry.message.includes('replica resumed')), 'the replica starts from the shared models');
    await caughtUp(api, store);
    t.same(sumView(api), { sum: triangle(80), streams: 10 });
    t.equal(api.rebuild, undefined, 'an API process never rebuilds the shared models');

    await deleteKeys(url, keyPrefix);
    await appendCounted(store, 5);
    await caughtUp(api, store);
    t.same(sumView(api), { sum: triangle(80) + triangle(5), streams: 10 }, 'no zeros: the replica answers from the log');
  });
});
