/**
 * The read-model store contract: one suite, run against every adapter.
 * Projection names carry a fresh id so the suite can share a store (a real
 * Redis) with other data.
 */
import { randomUUID } from 'node:crypto';
import type { Test } from 'tap';
import type { Position } from '../../src/event-store/port.ts';
import { encodePosition } from '../../src/event-store/position.ts';
import { CheckpointMismatchError, type ReadModelStore } from '../../src/read-models/port.ts';

export interface OpenedReadModelStore {
  store: ReadModelStore;
  cleanup?: () => Promise<void>;
}

const at = (n: number): Position => encodePosition(BigInt(n));

export function readModelStoreContract(t: Test, name: string, open: () => Promise<OpenedReadModelStore>): void {
  t.test(`read-model store contract: ${name}`, async (t) => {
    const opened = await open();
    const { store } = opened;
    t.teardown(async () => {
      await store.close();
      await opened.cleanup?.();
    });
    const run = randomUUID().slice(0, 8);
    const projectionName = (label: string) => `contract-${run}-${label}`;

    t.test('an unknown projection has no active version, no checkpoint and reads as empty', async (t) => {
      const p = projectionName('unknown');
      t.equal(await store.activeVersion(p), undefined);
      t.equal(await store.checkpoint(p, '1'), undefined);
      t.equal(await store.get(p, 'items', 'a'), undefined);
      t.same(await store.all(p, 'items'), []);
      t.same(await store.load(p, '1', ['items', 'other']), { items: {}, other: {} });
    });

    t.test('commit writes documents and checkpoint; load returns them all; null deletes', async (t) => {
      const p = projectionName('commit');
      await store.commit(p, '1', { items: { a: { n: 1 }, b: { n: 2 } }, totals: { all: { count: 2 } } }, at(2));
      t.equal(await store.checkpoint(p, '1'), at(2));
      t.same(await store.load(p, '1', ['items', 'totals']), {
        items: { a: { n: 1 }, b: { n: 2 } },
        totals: { all: { count: 2 } },
      });
      await store.commit(p, '1', { items: { a: null, b: { n: 3 }, c: { n: 4 } } }, at(5));
      t.equal(await store.checkpoint(p, '1'), at(5));
      t.same(await store.load(p, '1', ['items']), { items: { b: { n: 3 }, c: { n: 4 } } });
    });

    t.test('a commit without changes moves only the checkpoint', async (t) => {
      const p = projectionName('empty-commit');
      await store.commit(p, '1', { items: { a: { n: 1 } } }, at(1));
      await store.commit(p, '1', {}, at(7));
      t.equal(await store.checkpoint(p, '1'), at(7));
      t.same(await store.load(p, '1', ['items']), { items: { a: { n: 1 } } });
    });

    t.test('reads see the active version only, and activate switches it', async (t) => {
      const p = projectionName('active');
      await store.commit(p, '1', { items: { a: { v: 'one' } } }, at(1));
      await store.commit(p, '2', { items: { a: { v: 'two' }, b: { v: 'two' } } }, at(1));
      t.equal(await store.get(p, 'items', 'a'), undefined, 'nothing is read before a version is active');
      t.same(await store.all(p, 'items'), []);

      await store.activate(p, '1');
      t.equal(await store.activeVersion(p), '1');
      t.same(await store.get(p, 'items', 'a'), { v: 'one' });
      t.equal(await store.get(p, 'items', 'b'), undefined);
      t.same(await store.all(p, 'items'), [{ v: 'one' }]);

      await store.activate(p, '2');
      t.equal(await store.activeVersion(p), '2');
      t.same(await store.get(p, 'items', 'a'), { v: 'two' });
      const all = (await store.all(p, 'items')).map((doc) => doc.v);
      t.same(all, ['two', 'two']);
    });

    t.test('versions and projections are isolated from each other', async (t) => {
      const p = projectionName('iso-a');
      const q = projectionName('iso-b');
      await store.commit(p, '1', { items: { a: { from: 'p1' } } }, at(3));
      await store.commit(p, '1.1', { items: { b: { from: 'p1.1' } } }, at(4));
      await store.commit(q, '1', { items: { a: { from: 'q1' } } }, at(9));
      t.same(await store.load(p, '1', ['items']), { items: { a: { from: 'p1' } } });
      t.same(await store.load(p, '1.1', ['items']), { items: { b: { from: 'p1.1' } } });
      t.same(await store.load(q, '1', ['items']), { items: { a: { from: 'q1' } } });
      t.equal(await store.checkpoint(p, '1'), at(3));
      t.equal(await store.checkpoint(p, '1.1'), at(4));
      t.equal(await store.checkpoint(q, '1'), at(9));
      await store.activate(q, '1');
      t.equal(await store.activeVersion(p), undefined, 'activating one projection leaves the other alone');
    });

    t.test('dropVersion removes one version, documents and checkpoint, and nothing else', async (t) => {
      const p = projectionName('drop');
      await store.commit(p, '1', { items: { a: { n: 1 } }, totals: { t: { n: 1 } } }, at(1));
      await store.commit(p, '2', { items: { a: { n: 2 } } }, at(2));
      await store.activate(p, '2');
      await store.dropVersion(p, '1');
      t.equal(await store.checkpoint(p, '1'), undefined);
      t.same(await store.load(p, '1', ['items', 'totals']), { items: {}, totals: {} });
      t.same(await store.load(p, '2', ['items']), { items: { a: { n: 2 } } });
      t.same(await store.get(p, 'items', 'a'), { n: 2 });
      await store.dropVersion(p, 'never-written');
      t.pass('dropping an unknown version is a no-op');
    });

    t.test('a commit that cannot complete leaves neither its documents nor its checkpoint', async (t) => {
      const p = projectionName('atomic');
      await store.commit(p, '1', { items: { a: { n: 1 } } }, at(1));
      // A BigInt cannot be stored as JSON: the commit must fail as a whole, not after writing `b`.
      await t.rejects(store.commit(p, '1', { items: { b: { n: 2 }, c: { n: 3n } } }, at(2)));
      t.equal(await store.checkpoint(p, '1'), at(1));
      t.same(await store.load(p, '1', ['items']), { items: { a: { n: 1 } } });
    });

    t.test('a conditional commit writes only over the expected checkpoint', async (t) => {
      const p = projectionName('conditional');
      await store.commit(p, '1', { items: { a: { n: 1 } } }, at(1), null);
      const none = await store.commit(p, '1', { items: { x: { n: 9 } } }, at(9), null).catch((error: unknown) => error);
      t.type(none, CheckpointMismatchError, 'null expects no checkpoint yet');
      t.equal((none as CheckpointMismatchError).actual, at(1));

      await store.commit(p, '1', { items: { b: { n: 2 } } }, at(2), at(1));
      const stale = await store.commit(p, '1', { items: { x: { n: 9 } } }, at(9), at(1)).catch((error: unknown) => error);
      t.type(stale, CheckpointMismatchError);
      t.equal((stale as CheckpointMismatchError).actual, at(2));

      const missing = await store.commit(p, '7', { items: { x: { n: 9 } } }, at(9), at(1)).catch((error: unknown) => error);
      t.type(missing, CheckpointMismatchError);
      t.equal((missing as CheckpointMismatchError).actual, undefined, 'a version without checkpoint reports none');

      t.equal(await store.checkpoint(p, '1'), at(2));
      t.same(await store.load(p, '1', ['items']), { items: { a: { n: 1 }, b: { n: 2 } } });
      t.same(await store.load(p, '7', ['items']), { items: {} });
    });

    t.test('documents read back as their JSON, and no read can change what is stored', async (t) => {
      const p = projectionName('json');
      const doc = { nameZh: '济南', nested: { list: [1, 'two', { three: null }] }, flag: true, dropped: undefined };
      await store.commit(p, '1', { items: { 济南: doc } }, at(1));
      await store.activate(p, '1');
      const read = await store.get(p, 'items', '济南');
      t.same(JSON.parse(JSON.stringify(read)), { nameZh: '济南', nested: { list: [1, 'two', { three: null }] }, flag: true });
      t.notOk(read && read.dropped !== undefined, 'an undefined field reads as absent');
      // A store that keeps the objects themselves hands them out frozen; one that serialises hands out copies.
      try {
        (read as { nameZh: string }).nameZh = 'changed';
        ((read as { nested: { list: unknown[] } }).nested.list[0] as unknown) = 2;
      } catch (error) {
        t.type(error, TypeError, 'a frozen document refuses the change');
      }
      const again = await store.get(p, 'items', '济南');
      t.same(again?.nameZh, '济南', 'changing a read document changes nothing stored');
      t.same((again as { nested: { list: unknown[] } } | undefined)?.nested.list[0], 1);
    });

    t.test('load and all return every document of a large version', async (t) => {
      const p = projectionName('large');
      const items: Record<string, { n: number }> = {};
      for (let n = 0; n < 3000; n++) items[`id-${n}`] = { n };
      await store.commit(p, '1', { items }, at(3000));
      await store.activate(p, '1');
      const loaded = await store.load(p, '1', ['items']);
      t.equal(Object.keys(loaded.items ?? {}).length, 3000);
      t.same(loaded.items?.['id-2999'], { n: 2999 });
      const all = await store.all(p, 'items');
      t.equal(all.length, 3000);
      const deletes = Object.fromEntries(Object.keys(items).map((id) => [id, null]));
      await store.commit(p, '1', { items: deletes }, at(3001));
      t.same(await store.all(p, 'items'), []);
    });

    t.test('a read during a switch and drop sees one complete version, never nothing', async (t) => {
      const p = projectionName('switch');
      await store.commit(p, '1', { items: { a: { v: 1 } } }, at(1));
      await store.activate(p, '1');
      for (let round = 2; round <= 20; round++) {
        const previous = String(round - 1);
        const next = String(round);
        await store.commit(p, next, { items: { a: { v: round } } }, at(round));
        const reads = Array.from({ length: 20 }, () => store.get(p, 'items', 'a'));
        await store.activate(p, next);
        await store.dropVersion(p, previous);
        const more = Array.from({ length: 20 }, () => store.get(p, 'items', 'a'));
        const seen = await Promise.all([...reads, ...more]);
        const values = seen.map((doc) => doc?.v);
        if (values.some((v) => v !== round - 1 && v !== round)) {
          t.fail(`round ${round}: a read saw ${JSON.stringify(values)}`);
          return;
        }
      }
      t.same(await store.get(p, 'items', 'a'), { v: 20 });
    });

    t.test('ping answers true while the store is reachable', async (t) => {
      t.equal(await store.ping(), true);
    });
  });
}
