/**
 * The runner against a private redis-server that is stopped and started
 * again. The server has no persistence, so it comes back empty: the runner
 * must notice and write the model again, not just the changes since.
 */
import t from 'tap';
import { createRedisReadModelStore } from '../../src/read-models/redis.ts';
import { waitForCheckpoint } from '../../src/projection-runner/wait-for-checkpoint.ts';
import { eventually, withPrivateRedis } from '../read-models/redis-support.ts';
import { activeModel, appendCounted, captureLogger, counterProjection, foldFromZero, harness } from './fixtures.ts';

const projection = counterProjection();

await withPrivateRedis(t, 'projection runner through Redis outages', (redis) => {
  t.test('Redis down mid-stream: degraded, commands unaffected, then converges by itself', async (t) => {
    const readModels = createRedisReadModelStore({ url: redis.url, keyPrefix: 'mid-stream' });
    const { eventStore, runner } = harness(t, readModels);
    const logger = captureLogger();
    const projector = runner({ batchSize: 50, probeMs: 200, logger });
    await projector.start();
    t.ok(await projector.waitFor(await appendCounted(eventStore, 200), 5000));

    await redis.stop();
    const during = await appendCounted(eventStore, 120);
    t.pass('appends go on while the read side is down');
    await eventually(() => projector.status()[0]?.degraded === true, 'the runner to report degraded');
    t.match(projector.status()[0], { degraded: true, caughtUp: false, lastError: /unavailable/ });
    t.equal(await projector.waitFor(during, 300), false, 'a reader waiting for its write is told it is not there yet');

    await redis.start();
    t.ok(await waitForCheckpoint(readModels, ['counter'], during, 20_000), 'the store has the model up to the last event again');
    t.same(await activeModel(readModels, projection), await foldFromZero(projection, eventStore));
    t.same((await readModels.get('counter', 'totals', 'all'))?.applied, 320);
    await eventually(() => projector.status()[0]?.degraded === false, 'degraded to clear');
    t.ok(logger.entries.some((entry) => /lost data/.test(entry.message)), 'the lost model was noticed');

    const after = await appendCounted(eventStore, 10);
    t.ok(await waitForCheckpoint(readModels, ['counter'], after, 5000), 'and it follows the log live again');
  });

  t.test('Redis restarted while nothing is written: the probe notices the empty store and writes the model again', async (t) => {
    const readModels = createRedisReadModelStore({ url: redis.url, keyPrefix: 'idle' });
    const { eventStore, runner } = harness(t, readModels);
    const projector = runner({ probeMs: 200 });
    await projector.start();
    const last = await appendCounted(eventStore, 80);
    t.ok(await waitForCheckpoint(readModels, ['counter'], last, 5000));

    await redis.stop();
    await redis.start();
    await eventually(() => readModels.ping(), 'the store to reconnect');
    t.ok(await waitForCheckpoint(readModels, ['counter'], last, 10_000), 'active version and checkpoint are back');
    t.same(await activeModel(readModels, projection), await foldFromZero(projection, eventStore));
  });
});
