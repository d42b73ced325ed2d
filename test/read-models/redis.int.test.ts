import { randomUUID } from 'node:crypto';
import t from 'tap';
import type { Position } from '../../src/event-store/port.ts';
import { ReadModelUnavailableError } from '../../src/read-models/port.ts';
import { createRedisReadModelStore } from '../../src/read-models/redis.ts';
import { readModelStoreContract } from './contract.ts';
import { deleteKeys, eventually, keysUnder, withPrivateRedis, withSharedRedis } from './redis-support.ts';

const at = (n: number) => String(n) as Position;

await withSharedRedis(t, 'read-model store contract on Redis', (url) => {
  readModelStoreContract(t, `Redis at ${url}`, async () => {
    const keyPrefix = `test-${randomUUID()}`;
    return {
      store: createRedisReadModelStore({ url, keyPrefix }),
      cleanup: () => deleteKeys(url, keyPrefix),
    };
  });

  t.test('keys are namespaced by prefix, projection and version; a dropped version leaves none', async (t) => {
    const keyPrefix = `test-${randomUUID()}`;
    const store = createRedisReadModelStore({ url, keyPrefix });
    t.teardown(async () => {
      await store.close();
      await deleteKeys(url, keyPrefix);
    });
    await store.commit('register', '3', { partnerships: { a: { n: 1 } }, activities: { x: { n: 1 } } }, at(1));
    await store.commit('register', '3.1', { partnerships: { a: { n: 1 } } }, at(1));
    await store.activate('register', '3.1');
    t.same(await keysUnder(url, keyPrefix), [
      `${keyPrefix}:rm:register:3.1:checkpoint`,
      `${keyPrefix}:rm:register:3.1:collections`,
      `${keyPrefix}:rm:register:3.1:doc:partnerships`,
      `${keyPrefix}:rm:register:3:checkpoint`,
      `${keyPrefix}:rm:register:3:collections`,
      `${keyPrefix}:rm:register:3:doc:activities`,
      `${keyPrefix}:rm:register:3:doc:partnerships`,
      `${keyPrefix}:rm:register:active`,
    ]);
    await store.dropVersion('register', '3');
    t.same(await keysUnder(url, keyPrefix), [
      `${keyPrefix}:rm:register:3.1:checkpoint`,
      `${keyPrefix}:rm:register:3.1:collections`,
      `${keyPrefix}:rm:register:3.1:doc:partnerships`,
      `${keyPrefix}:rm:register:active`,
    ]);
  });

  t.test('a name that would break the key layout is refused', async (t) => {
    const store = createRedisReadModelStore({ url, keyPrefix: `test-${randomUUID()}` });
    t.teardown(() => store.close());
    await t.rejects(store.commit('a:b', '1', {}, at(1)), TypeError);
    await t.rejects(store.get('register', 'x:y', 'id'), TypeError);
  });
});

await withPrivateRedis(t, 'Redis outages', (redis) => {
  t.test('a commit Redis refuses (out of memory) writes neither documents nor checkpoint', async (t) => {
    const store = createRedisReadModelStore({ url: redis.url, keyPrefix: 'oom' });
    const admin = redis.admin();
    t.teardown(async () => {
      await admin.config('SET', 'maxmemory', '0');
      await store.close();
    });
    await store.commit('p', '1', { items: { a: { n: 1 } } }, at(1));
    await admin.config('SET', 'maxmemory', '1');
    const error = await store.commit('p', '1', { items: { b: { n: 2 } } }, at(2)).catch((e: unknown) => e);
    t.type(error, ReadModelUnavailableError, 'the Redis error is translated');
    t.notMatch(String((error as Error).message), /OOM/, 'and its text stays inside the adapter');
    t.equal(await store.checkpoint('p', '1'), at(1));
    t.same(await store.load('p', '1', ['items']), { items: { a: { n: 1 } } });
    await admin.config('SET', 'maxmemory', '0');
    await store.commit('p', '1', { items: { b: { n: 2 } } }, at(2));
    t.same(await store.load('p', '1', ['items']), { items: { a: { n: 1 }, b: { n: 2 } } });
  });

  t.test('while Redis is down calls fail fast, ping is false, and the client reconnects by itself', async (t) => {
    const store = createRedisReadModelStore({ url: redis.url, keyPrefix: 'outage' });
    t.teardown(() => store.close());
    await store.commit('p', '1', { items: { a: { n: 1 } } }, at(1));
    await store.activate('p', '1');
    t.same(await store.get('p', 'items', 'a'), { n: 1 });

    await redis.stop();
    const calls: (() => Promise<unknown>)[] = [
      () => store.get('p', 'items', 'a'),
      () => store.commit('p', '1', { items: { b: { n: 2 } } }, at(2)),
      () => store.load('p', '1', ['items']),
    ];
    for (const call of calls) {
      const started = Date.now();
      await t.rejects(call(), ReadModelUnavailableError);
      t.ok(Date.now() - started < 2500, `failed within ${Date.now() - started} ms`);
    }
    t.equal(await store.ping(), false);

    await redis.start();
    await eventually(() => store.ping(), 'the store to reconnect');
    // The private server has no persistence: it came back empty.
    t.equal(await store.activeVersion('p'), undefined);
    await store.commit('p', '1', { items: { b: { n: 2 } } }, at(2));
    t.same(await store.load('p', '1', ['items']), { items: { b: { n: 2 } } });
  });

  t.test('a store opened while Redis is down works once Redis is up, and closes cleanly either way', async (t) => {
    await redis.stop();
    const store = createRedisReadModelStore({ url: redis.url, keyPrefix: 'late' });
    t.teardown(() => store.close());
    t.equal(await store.ping(), false);
    await t.rejects(store.activeVersion('p'), ReadModelUnavailableError);
    await redis.start();
    await eventually(() => store.ping(), 'the store to connect');
    await store.commit('p', '1', {}, at(1));
    t.equal(await store.checkpoint('p', '1'), at(1));

    await redis.stop();
    const closing = createRedisReadModelStore({ url: redis.url, keyPrefix: 'late' });
    await closing.close();
    t.pass('a store that never connected closes');
    await redis.start();
  });
});
