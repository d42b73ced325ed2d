import { randomBytes, randomUUID } from 'node:crypto';
import t from 'tap';
import { closeRedisClient, createRedisClient } from '../../src/read-models/redis-client.ts';
import { deleteKeys, eventually, keysUnder, withPrivateRedis, withSharedRedis } from '../read-models/redis-support.ts';
import { buildTestApp } from './harness.ts';

const bogus = () => ({ authorization: `Bearer ${randomBytes(30).toString('base64url')}` });
const at = (remoteAddress: string) => ({ remoteAddress });

t.test('requests without a valid key are limited per address before any key is checked', async (t) => {
  const { app, keys } = await buildTestApp(t, { rateLimitPerMinute: 20 });
  const overview = { method: 'GET', url: '/dashboards/overview' } as const;
  const legit = { authorization: `Bearer ${keys.viewer}` };
  t.equal((await app.inject({ ...overview, headers: legit, ...at('203.0.113.7') })).statusCode, 200, 'a legitimate key, verified once');

  const statuses: number[] = [];
  for (let n = 0; n < 25; n++) statuses.push((await app.inject({ ...overview, headers: bogus(), ...at('203.0.113.7') })).statusCode);
  t.same(statuses, [...Array(20).fill(401), ...Array(5).fill(429)], 'a new made-up token per request does not get a fresh budget');
  const limited = await app.inject({ ...overview, ...at('203.0.113.7') });
  t.equal(limited.statusCode, 429, 'no key at all counts against the same address');
  t.equal(limited.headers['content-type'], 'application/problem+json; charset=utf-8');
  t.match(limited.json(), { code: 'rate-limited', detail: /每分钟最多 20 次请求；请于 \d+ 秒后重试/ });
  t.ok(Number(limited.headers['retry-after']) > 0);

  t.equal((await app.inject({ ...overview, headers: legit, ...at('203.0.113.7') })).statusCode, 200, 'the verified key still passes from that address');
  t.equal((await app.inject({ ...overview, headers: bogus(), ...at('198.51.100.4') })).statusCode, 401, 'another address has its own budget');
});

t.test('authenticated requests are limited per key, wherever they come from', async (t) => {
  const { app, keys } = await buildTestApp(t, { rateLimitPerMinute: 6 });
  const as = (key: string, address: string) =>
    app.inject({ method: 'GET', url: '/dashboards/overview', headers: { authorization: `Bearer ${key}` }, ...at(address) });
  const statuses: number[] = [];
  for (let n = 0; n < 8; n++) statuses.push((await as(keys.viewer, n % 2 ? '192.0.2.1' : '192.0.2.2')).statusCode);
  t.same(statuses, [200, 200, 200, 200, 200, 200, 429, 429], 'one budget for the key across two addresses');
  t.equal((await as(keys.auditor, '192.0.2.1')).statusCode, 200, 'another key from the same address has its own');
  t.same((await app.inject({ method: 'GET', url: '/ready' })).json().rateLimits, { counters: 'process' });
});

t.test('shared counters live under REDIS_KEY_PREFIX and are shared by every instance', async (t) => {
  await withSharedRedis(t, 'shared rate-limit counters', async (url) => {
    const keyPrefix = `test-rl-${randomUUID().slice(0, 8)}`;
    const redis = createRedisClient(url);
    t.teardown(async () => {
      await closeRedisClient(redis);
      await deleteKeys(url, keyPrefix);
    });
    // Two instances; the counters go by key name, and both issued their editor key as test-editor.
    const first = await buildTestApp(t, { rateLimitPerMinute: 4, rateLimitRedis: { redis, keyPrefix } });
    const second = await buildTestApp(t, { rateLimitPerMinute: 4, rateLimitRedis: { redis, keyPrefix } });
    const statuses: number[] = [];
    for (const app of [first, second, first, second, first]) statuses.push((await app.get('/dashboards/overview')).statusCode);
    t.same(statuses, [200, 200, 200, 200, 429]);
    t.ok((await keysUnder(url, keyPrefix)).every((key) => key.startsWith(`${keyPrefix}:rate-limit:`)));
    t.ok((await keysUnder(url, keyPrefix)).length > 0);
    t.same((await first.app.inject({ method: 'GET', url: '/ready' })).json().rateLimits, { counters: 'shared' });
  });
});

t.test('while Redis is down the limit holds in this process, and /ready says so', async (t) => {
  await withPrivateRedis(t, 'rate limits without Redis', async (server) => {
    const redis = createRedisClient(server.url);
    t.teardown(() => closeRedisClient(redis));
    const { app, get } = await buildTestApp(t, { rateLimitPerMinute: 3, rateLimitRedis: { redis, keyPrefix: 'test-rl-down' } });
    await eventually(() => redis.status === 'ready', 'connected');
    t.equal((await get('/dashboards/overview')).statusCode, 200);
    await server.stop();
    await eventually(() => redis.status !== 'ready', 'disconnected');
    t.same((await app.inject({ method: 'GET', url: '/ready' })).json().rateLimits, { counters: 'fallback' });
    const statuses: number[] = [];
    for (let n = 0; n < 5; n++) statuses.push((await get('/dashboards/overview')).statusCode);
    t.same(statuses, [200, 200, 200, 429, 429], 'counted afresh in this process: never unlimited');
    await server.start();
    await eventually(() => redis.status === 'ready', 'reconnected', 15_000);
    t.equal((await get('/dashboards/overview')).statusCode, 200, 'counted in Redis again');
    t.same((await app.inject({ method: 'GET', url: '/ready' })).json().rateLimits, { counters: 'shared' });
  });
});
