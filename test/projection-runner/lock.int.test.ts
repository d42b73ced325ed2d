/**
 * Single projector with Redis: runners share one lock key, and only the
 * holder ever commits. Uses a private redis-server so the lock key can be
 * tampered with freely.
 */
import t, { type Test } from 'tap';
import type { EventStore } from '../../src/event-store/port.ts';
import { createRedisLock } from '../../src/projection-runner/lock.ts';
import { createProjectionRunner } from '../../src/projection-runner/runner.ts';
import type { ProjectorLock } from '../../src/projection-runner/types.ts';
import { waitForCheckpoint } from '../../src/projection-runner/wait-for-checkpoint.ts';
import { createRedisReadModelStore } from '../../src/read-models/redis.ts';
import { eventually, withPrivateRedis, type PrivateRedis } from '../read-models/redis-support.ts';
import { activeModel, appendCounted, counterProjection, foldFromZero, harness, instrument } from './fixtures.ts';

const projection = counterProjection();

function lockFor(t: Test, redis: PrivateRedis, key: string): ProjectorLock {
  const lock = createRedisLock({ redis: redis.url, key, ttlMs: 1000, renewEveryMs: 200, pollMs: 50 });
  t.teardown(() => lock.close());
  return lock;
}

function projectorFor(t: Test, redis: PrivateRedis, eventStore: EventStore, keyPrefix: string) {
  const readModels = instrument(createRedisReadModelStore({ url: redis.url, keyPrefix }));
  const runner = createProjectionRunner({
    eventStore,
    readModels,
    projections: [projection],
    lock: lockFor(t, redis, `${keyPrefix}:projector-lock`),
    probeMs: 200,
  });
  t.teardown(async () => {
    await runner.stop();
    await readModels.close();
  });
  return { runner, readModels };
}

await withPrivateRedis(t, 'projector lock', (redis) => {
  t.test('two runners with one lock: only the holder commits, and the other takes over when it stops', async (t) => {
    const reader = createRedisReadModelStore({ url: redis.url, keyPrefix: 'pair' });
    const { eventStore } = harness(t, reader);
    const a = projectorFor(t, redis, eventStore, 'pair');
    const b = projectorFor(t, redis, eventStore, 'pair');
    await a.runner.start();
    await b.runner.start();

    let last = await appendCounted(eventStore, 100);
    t.ok(await waitForCheckpoint(reader, ['counter'], last, 5000));
    last = await appendCounted(eventStore, 50);
    t.ok(await waitForCheckpoint(reader, ['counter'], last, 5000));
    const [holder, other] = a.readModels.commits.length > 0 ? [a, b] : [b, a];
    t.ok(holder.readModels.commits.length > 0, 'the holder commits');
    t.equal(other.readModels.commits.length, 0, 'the other never commits');
    t.equal(other.runner.status()[0]?.state, 'standby');

    await holder.runner.stop();
    const handover = performance.now();
    last = await appendCounted(eventStore, 50);
    t.ok(await waitForCheckpoint(reader, ['counter'], last, 5000), 'the other took over');
    t.ok(other.readModels.commits.length > 0);
    t.ok(holder.readModels.commits.every((commit) => commit.at < handover), 'the first stopped committing before the handover');
    t.ok(other.readModels.commits.every((commit) => commit.at > handover), 'the second started after it');
    t.equal(other.runner.status()[0]?.state, 'live');
    t.same(await activeModel(reader, projection), await foldFromZero(projection, eventStore));
    t.same((await reader.get('counter', 'totals', 'all'))?.applied, 200, 'nothing applied twice across the handover');
  });

  t.test('a runner that loses its lock stops writing at once, and projects again when it gets it back', async (t) => {
    const reader = createRedisReadModelStore({ url: redis.url, keyPrefix: 'lost' });
    const { eventStore } = harness(t, reader);
    const { runner, readModels } = projectorFor(t, redis, eventStore, 'lost');
    await runner.start();
    let last = await appendCounted(eventStore, 40);
    t.ok(await waitForCheckpoint(reader, ['counter'], last, 5000));

    // Another process took the lock (as if this one had paused past its lease).
    await redis.admin().set('lost:projector-lock', 'intruder', 'PX', 1500);
    await eventually(() => runner.status()[0]?.state === 'standby', 'the runner to notice');
    const commits = readModels.commits.length;
    last = await appendCounted(eventStore, 30);
    await new Promise((resolve) => setTimeout(resolve, 600));
    t.equal(readModels.commits.length, commits, 'no commit without the lock');
    t.equal(await runner.waitFor(last, 100), false, 'not projecting: waitFor reads the store, which has not got there');

    // The intruder's lease runs out; the runner takes the lock again and resumes from the store.
    t.ok(await waitForCheckpoint(reader, ['counter'], last, 10_000), 'projecting again');
    t.equal(runner.status()[0]?.state, 'live');
    t.same(await activeModel(reader, projection), await foldFromZero(projection, eventStore));
    t.same((await reader.get('counter', 'totals', 'all'))?.applied, 70);
  });

  t.test('the lock itself: one holder at a time, lost on renewal, released for the next', async (t) => {
    const first = lockFor(t, redis, 'unit:lock');
    const second = lockFor(t, redis, 'unit:lock');
    t.equal(await first.acquire(), true);
    t.equal(first.isHeld(), true);
    const waiting = new AbortController();
    setTimeout(() => waiting.abort(), 300);
    t.equal(await second.acquire(waiting.signal), false, 'the second waits, and gives up when told');

    let lost = 0;
    first.onLost(() => lost++);
    await redis.admin().del('unit:lock');
    await eventually(() => lost === 1, 'renewal to find the lock gone');
    t.equal(first.isHeld(), false);
    t.equal(await second.acquire(), true, 'the second takes it');
    await second.release();
    t.equal(await redis.admin().get('unit:lock'), null, 'release deletes the key');
    t.equal(await first.acquire(), true);
    await second.release();
    t.equal(first.isHeld(), true, 'releasing a lock one does not hold leaves the holder alone');
  });
});
