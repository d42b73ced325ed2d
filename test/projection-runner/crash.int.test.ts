/**
 * What happens between applying a batch and committing it. A commit that
 * fails, a commit whose reply is lost, and a runner that is gone before its
 * commit (the in-process equivalent of a killed projector) must all end with
 * every event in the stored model exactly once.
 */
import t from 'tap';
import type { EventStore, Position } from '../../src/event-store/port.ts';
import { comparePositions } from '../../src/event-store/position.ts';
import { createMemoryReadModelStore } from '../../src/read-models/memory.ts';
import { eventually } from '../read-models/redis-support.ts';
import { activeModel, appendCounted, captureLogger, counterProjection, foldFromZero, harness, instrument } from './fixtures.ts';

const projection = counterProjection();

t.test('a commit that fails is retried with everything applied meanwhile: nothing lost, nothing doubled', async (t) => {
  const store = instrument(createMemoryReadModelStore());
  const { eventStore, runner } = harness(t, store);
  const logger = captureLogger();
  const projector = runner({ readModels: store, batchSize: 20, logger });
  await projector.start();
  t.ok(await projector.waitFor(await appendCounted(eventStore, 50), 5000));

  store.failCommit = (call) => call % 2 === 1;
  const last = await appendCounted(eventStore, 200);
  await eventually(() => projector.status()[0]?.degraded === true, 'the runner to report degraded');
  t.ok(await projector.waitFor(last, 15_000), 'converged despite failing commits');
  t.same(await activeModel(store, projection), await foldFromZero(projection, eventStore));
  t.same((await store.get('counter', 'totals', 'all'))?.applied, 250, 'each event applied once');
  await eventually(() => projector.status()[0]?.degraded === false, 'degraded to clear');
  t.ok(logger.entries.some((entry) => entry.level === 'warn' && /commit failed/.test(entry.message)));
});

t.test('a commit that was stored but whose reply was lost is not applied twice', async (t) => {
  const store = instrument(createMemoryReadModelStore());
  const { eventStore, runner } = harness(t, store);
  const projector = runner({ readModels: store, batchSize: 10 });
  await projector.start();
  t.ok(await projector.waitFor(await appendCounted(eventStore, 30), 5000));

  store.loseReply = (call) => call % 2 === 0;
  const last = await appendCounted(eventStore, 100);
  t.ok(await projector.waitFor(last, 15_000));
  store.loseReply = undefined;
  t.same(await activeModel(store, projection), await foldFromZero(projection, eventStore));
  t.same((await store.get('counter', 'totals', 'all'))?.applied, 130);
});

t.test('a runner gone between applying a batch and committing it: the next one resumes with nothing lost or doubled', async (t) => {
  const inner = createMemoryReadModelStore();
  const doomed = instrument(inner);
  const { eventStore, runner } = harness(t, inner);
  const first = runner({ readModels: doomed, batchSize: 25 });
  await first.start();
  const committed = await appendCounted(eventStore, 100);
  t.ok(await first.waitFor(committed, 5000));

  // From here every commit of the first runner fails, as if its process died before each one.
  doomed.failCommit = () => true;
  await appendCounted(eventStore, 60);
  await eventually(() => {
    const status = first.status()[0];
    return status?.degraded === true && status.lastPosition !== undefined && comparePositions(status.lastPosition, committed) > 0;
  }, 'events applied but not committed');
  await first.stop();
  t.equal(await inner.checkpoint('counter', '1'), committed, 'the store holds only what was committed');

  const last = await appendCounted(eventStore, 15);
  const second = runner({ readModels: inner, batchSize: 25 });
  await second.start();
  t.ok(await second.waitFor(last, 5000));
  t.same(await activeModel(inner, projection), await foldFromZero(projection, eventStore));
  t.same((await inner.get('counter', 'totals', 'all'))?.applied, 175, 'every event applied once to the stored model');
});

t.test('a commit that keeps failing holds back events instead of buffering the log', async (t) => {
  const store = instrument(createMemoryReadModelStore());
  const { eventStore, runner } = harness(t, store);
  const projector = runner({ readModels: store, batchSize: 10 });
  await projector.start();
  t.ok(await projector.waitFor(await appendCounted(eventStore, 5), 5000));
  store.failCommit = () => true;
  await appendCounted(eventStore, 300);
  await eventually(() => projector.status()[0]?.degraded === true, 'degraded');
  await new Promise((resolve) => setTimeout(resolve, 1200));
  const status = projector.status()[0];
  t.equal(status?.caughtUp, false);
  t.equal(status?.lag, null, 'the probe knows the log holds more than was read');
  t.equal(status?.checkpoint, '5');
  t.ok(
    status?.lastPosition !== undefined && comparePositions(status.lastPosition, '30' as Position) < 0,
    `read no further than a batch past the checkpoint (${status?.lastPosition})`,
  );
  store.failCommit = undefined;
  t.ok(await projector.waitFor('305' as Position, 15_000), 'caught up once commits succeed');
  t.same((await store.get('counter', 'totals', 'all'))?.applied, 305);
});

t.test('a subscription that stops delivering while the log grows is replaced', async (t) => {
  const store = createMemoryReadModelStore();
  const { eventStore, runner } = harness(t, store);
  let subscriptions = 0;
  // The first subscription goes silent after it caught up, like a lost wake-up or a half-open connection.
  const silent: EventStore = {
    ...eventStore,
    subscribeToAll(options) {
      const mine = ++subscriptions;
      let live = false;
      return eventStore.subscribeToAll({
        ...options,
        onEvent: (event) => (mine === 1 && live ? undefined : options.onEvent(event)),
        onCaughtUp: () => {
          live = true;
          options.onCaughtUp?.();
        },
      });
    },
  };
  const logger = captureLogger();
  const projector = runner({ eventStore: silent, probeMs: 50, logger });
  await projector.start();
  t.ok(await projector.waitFor(await appendCounted(eventStore, 10), 5000));
  const last = await appendCounted(eventStore, 20);
  t.ok(await projector.waitFor(last, 5000), 'caught up through a new subscription');
  t.equal(subscriptions, 2);
  t.ok(logger.entries.some((entry) => entry.message === 'resubscribing to $all' && entry.details.reason === 'stalled'));
  t.same(await activeModel(store, projection), await foldFromZero(projection, eventStore));
});
