import { randomUUID } from 'node:crypto';
import t, { type Test } from 'tap';
import type { Position } from '../../src/event-store/port.ts';
import { createMemoryReadModelStore } from '../../src/read-models/memory.ts';
import type { ReadModelStore } from '../../src/read-models/port.ts';
import { createRedisReadModelStore } from '../../src/read-models/redis.ts';
import { deleteKeys, withSharedRedis } from '../read-models/redis-support.ts';
import { activeModel, appendCounted, appendMany, counterProjection, foldFromZero, harness } from './fixtures.ts';

function rebuildSuite(t: Test, name: string, open: (t: Test) => ReadModelStore) {
  t.test(`rebuild (${name})`, async (t) => {
    t.test('a rebuild equals the incrementally built model, replaces it, and drops it', async (t) => {
      const { eventStore, readModels, runner } = harness(t, open(t));
      const projection = counterProjection();
      const projector = runner({ batchSize: 40 });
      await projector.start();
      await appendCounted(eventStore, 300, 12);
      const last = await appendCounted(eventStore, 4, 4, 'Closed');
      t.ok(await projector.waitFor(last, 10_000));
      const incremental = await activeModel(readModels, projection);
      t.equal(Object.keys(incremental?.streams ?? {}).length, 8, 'closed streams were deleted');

      await projector.rebuild('counter');
      t.equal(await readModels.activeVersion('counter'), '1.1');
      t.equal(await readModels.checkpoint('counter', '1'), undefined, 'the replaced version is dropped');
      t.equal(await readModels.checkpoint('counter', '1.1'), last);
      t.same(await activeModel(readModels, projection), incremental);
      t.same(incremental, await foldFromZero(projection, eventStore));
      t.match(projector.status()[0], { version: '1.1', state: 'live', checkpoint: last });
      t.notOk('building' in (projector.status()[0] ?? {}));

      await projector.rebuild('counter');
      t.equal(await readModels.activeVersion('counter'), '1.2', 'each rebuild is a new generation');
      const after = await appendCounted(eventStore, 10);
      t.ok(await projector.waitFor(after, 5000), 'the rebuilt version follows the log live');
      t.same(await activeModel(readModels, projection), await foldFromZero(projection, eventStore));
    });

    t.test('readers never see a partial model while a rebuild runs, with writes going on', async (t) => {
      const { eventStore, readModels, runner } = harness(t, open(t));
      const projection = counterProjection();
      const projector = runner({ batchSize: 50 });
      await projector.start();
      const start = await appendMany(eventStore, 3000, 20);
      t.ok(await projector.waitFor(start, 10_000));

      let rebuilding = true;
      const rebuilt = projector.rebuild('counter').finally(() => (rebuilding = false));
      const writer = (async () => {
        let last: Position = start;
        while (rebuilding) {
          last = await appendCounted(eventStore, 1, 20);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        return last;
      })();

      let reads = 0;
      let duringRebuild = 0;
      let previous = 0;
      const problems: string[] = [];
      while (rebuilding) {
        if (projector.status()[0]?.state === 'rebuilding') duringRebuild++;
        const totals = await readModels.get('counter', 'totals', 'all');
        const applied = Number(totals?.applied ?? 0);
        const streams = await readModels.all('counter', 'streams');
        reads++;
        if (applied < 3000 || applied < previous) problems.push(`read ${reads}: applied ${applied} after ${previous}`);
        if (streams.length < 20) problems.push(`read ${reads}: ${streams.length} streams`);
        previous = applied;
        // Reads of the memory store interleave with the build at the microtask level; now and then
        // let timers and I/O run too, so the writer and the build's timers are not starved.
        if (reads % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      await rebuilt;
      const last = await writer;
      t.same(problems, [], 'every read saw a complete model that never went back');
      t.ok(duringRebuild > 5, `${duringRebuild} of ${reads} reads ran while the rebuild did`);
      t.ok(await projector.waitFor(last, 5000));
      t.equal(await readModels.activeVersion('counter'), '1.1');
      t.same(await activeModel(readModels, projection), await foldFromZero(projection, eventStore));
    });
  });
}

rebuildSuite(t, 'memory', () => createMemoryReadModelStore());

await withSharedRedis(t, 'rebuild on Redis', (url) => {
  rebuildSuite(t, 'Redis', (test) => {
    const keyPrefix = `test-${randomUUID()}`;
    test.teardown(() => deleteKeys(url, keyPrefix));
    return createRedisReadModelStore({ url, keyPrefix });
  });
});
