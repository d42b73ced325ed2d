/**
 * The read models' Redis dies under command load and comes back empty.
 * Commands must not notice; /ready must say `degraded` while it is away; and
 * once it is back the models must catch up by themselves to what a rebuild
 * from zero of the same log gives.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import t from 'tap';
import { comparePositions } from '../../src/event-store/position.ts';
import type { Position } from '../../src/event-store/port.ts';
import { startServer, stopServer } from '../e2e/server-process.ts';
import { withPrivateRedis } from '../read-models/redis-support.ts';
import { comparable, copyDataDir, histogram, http, sleep, tempDir, wholeRegister } from './support.ts';

const CLIENTS = 4;
const BEFORE_MS = 1500;
const OUTAGE_MS = 4000;
const AFTER_MS = 2000;

type Phase = 'before' | 'outage' | 'after';

await withPrivateRedis(t, 'read models through a Redis outage', async (redis) => {
  t.test('Redis killed mid-load: commands go on, /ready degrades, the models converge after it returns', async (t) => {
    const dataDir = tempDir(t, 'ledger-redis-outage');
    const server = await startServer({
      DATA_DIR: dataDir,
      READ_MODEL_STORE: 'redis',
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: `faults-${randomUUID().slice(0, 8)}`,
      // On, and shared through the same Redis, but far above this load: the limiter must not fail requests when Redis is gone.
      RATE_LIMIT_PER_MINUTE: '1000000',
    });
    t.teardown(() => stopServer(server, 'SIGKILL'));
    const base = server.url;

    const setUp = async (office: string) => {
      const id = randomUUID();
      const proposal = {
        id,
        local: { divisionCode: office },
        partner: { nameEn: `Partner of ${office}`, country: 'DE', level: 'city' },
        kind: 'friendly_cooperation',
        date: '2020-01-10',
      };
      for (const [url, body] of [
        ['/partnerships', proposal],
        [`/partnerships/${id}/letter-of-intent`, { date: '2020-02-01' }],
        [`/partnerships/${id}/agreement`, { date: '2020-03-01', place: 'Yantai', signatories: [{ side: 'local', name: 'Wang' }] }],
      ] as const) {
        const answer = await http(`${base}${url}`, { body });
        if (answer.status >= 300) throw new Error(`setup ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
      }
      return id;
    };
    const partnerships = await Promise.all(['370100', '370200', '370600', '370700'].map(setUp));

    let phase: Phase = 'before';
    let stopping = false;
    const done: { phase: Phase; status: number; position?: Position; ms: number }[] = [];
    const failures: { phase: Phase; error: string }[] = [];
    const client = async (n: number) => {
      const id = partnerships[n] as string;
      for (let i = 0; !stopping; i++) {
        const key = `outage-${n}-${i}`;
        const proposing = i % 15 === 14;
        const [url, body] = proposing
          ? [
              '/partnerships',
              {
                local: { divisionCode: '370200' },
                partner: { nameEn: `Candidate ${key}`, country: 'IT', level: 'city' },
                kind: 'sister',
                date: '2021-01-05',
              },
            ]
          : [`/partnerships/${id}/activities`, { date: '2021-06-01', type: 'youth', direction: 'incoming', title: `Visit ${key}`, participants: 5 }];
        const at = phase;
        const started = performance.now();
        try {
          const answer = await http(`${base}${url}`, { body, headers: { 'idempotency-key': key }, timeoutMs: 15_000 });
          done.push({ phase: at, status: answer.status, position: answer.body.position as Position, ms: performance.now() - started });
          if (answer.status >= 300) failures.push({ phase: at, error: `${answer.status} ${JSON.stringify(answer.body)}` });
        } catch (error) {
          failures.push({ phase: at, error: String(error) });
        }
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));

    const readiness: { phase: Phase; status: string }[] = [];
    const reads: { phase: Phase; status: number }[] = [];
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const at: Phase = phase;
        const ready = await http(`${base}/ready`, { timeoutMs: 10_000 });
        if (at === phase) readiness.push({ phase: at, status: ready.body.status as string });
        const overview = await http(`${base}/dashboards/overview`, { timeoutMs: 10_000 });
        if (at === phase) reads.push({ phase: at, status: overview.status });
        await sleep(100);
      }
    })();

    await sleep(BEFORE_MS);
    await redis.stop();
    phase = 'outage';
    const outageStarted = Date.now();
    await sleep(OUTAGE_MS);
    phase = 'after';
    await redis.start();
    const restarted = Date.now();
    await sleep(AFTER_MS);
    stopping = true;
    await Promise.all(clients);

    // Converged: the read models answer for the last acknowledged write, and /ready is ready again.
    const lastPosition = done
      .filter((d) => d.status < 300)
      .map((d) => d.position as Position)
      .sort(comparePositions)
      .at(-1) as Position;
    let overview = await http(`${base}/dashboards/overview?minPosition=${lastPosition}`, { timeoutMs: 10_000 });
    while (overview.status !== 200 && Date.now() - restarted < 30_000) {
      await sleep(200);
      overview = await http(`${base}/dashboards/overview?minPosition=${lastPosition}`, { timeoutMs: 10_000 });
    }
    const convergedAfterMs = Date.now() - restarted;
    t.equal(overview.status, 200, 'the read models reach the last write', { body: overview.body });
    let ready = await http(`${base}/ready`);
    while (ready.body.status !== 'ready' && Date.now() - restarted < 30_000) {
      await sleep(200);
      ready = await http(`${base}/ready`);
    }
    probing = false;
    await probe;
    t.equal(ready.body.status, 'ready', '/ready is ready again');

    const byPhase = (phase: Phase) => done.filter((d) => d.phase === phase);
    const during = byPhase('outage');
    t.comment(
      `redis-outage: ${done.length} commands from ${CLIENTS} clients (${byPhase('before').length} before, ${during.length} during a ` +
        `${OUTAGE_MS} ms outage, ${byPhase('after').length} after), ${failures.length} failed; mean latency during the outage ` +
        `${Math.round(during.reduce((sum, d) => sum + d.ms, 0) / Math.max(1, during.length))} ms`,
    );
    t.comment(
      `redis-outage: /ready during the outage ${JSON.stringify(histogram(readiness.filter((r) => r.phase === 'outage').map((r) => r.status)))}, ` +
        `overview reads during the outage ${JSON.stringify(histogram(reads.filter((r) => r.phase === 'outage').map((r) => r.status)))}; ` +
        `converged ${convergedAfterMs} ms after Redis returned (outage began ${restarted - outageStarted} ms before that)`,
    );
    t.same(failures, [], '0 failed commands');
    t.ok(during.length > 0, 'commands were sent while Redis was down');
    const outageReadiness = readiness.filter((r) => r.phase === 'outage');
    t.ok(outageReadiness.length > 0, '/ready was asked during the outage');
    t.ok(outageReadiness.every((r) => r.status === 'degraded'), '/ready says degraded while Redis is down');
    t.same(
      reads.filter((r) => r.status >= 500 && r.status !== 503),
      [],
      'reads during the outage are 200 or 503, never another 5xx',
    );

    // A rebuild from zero of the same log into memory read models.
    const copy = join(tempDir(t, 'ledger-redis-outage-copy'), 'data');
    await copyDataDir(dataDir, copy);
    const rebuilt = await startServer({ DATA_DIR: copy, READ_MODEL_STORE: 'memory', RATE_LIMIT_PER_MINUTE: '0' });
    t.teardown(() => stopServer(rebuilt, 'SIGKILL'));
    const rebuiltOverview = await http(`${rebuilt.url}/dashboards/overview?minPosition=${lastPosition}`, { timeoutMs: 30_000 });
    t.equal(rebuiltOverview.status, 200, 'the rebuild reaches the last write');
    t.same(...comparable(overview.body, rebuiltOverview.body), 'the overview equals a rebuild from zero');
    t.same(await wholeRegister(base, lastPosition), await wholeRegister(rebuilt.url, lastPosition), 'the register equals a rebuild from zero');
    const pipeline = await http(`${base}/dashboards/pipeline?minPosition=${lastPosition}`);
    const rebuiltPipeline = await http(`${rebuilt.url}/dashboards/pipeline?minPosition=${lastPosition}`);
    t.same(...comparable(pipeline.body, rebuiltPipeline.body), 'the pipeline equals a rebuild from zero');
    const activities = done.filter((d) => d.status === 200).length;
    t.equal(overview.body.activities, activities, 'every activity recorded during the outage is counted');

    t.equal(await stopServer(rebuilt), 0, 'the rebuilding server shuts down cleanly');
    t.equal(await stopServer(server), 0, 'the server shuts down cleanly');
  });
});
