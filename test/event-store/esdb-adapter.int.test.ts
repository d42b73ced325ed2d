/**
 * What the contract suite cannot say about the EventStoreDB adapter: how it
 * reads the server's answers, survives drops and lets go of the client.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import t, { type Test } from 'tap';
import { createEsdbEventStore } from '../../src/event-store/esdb.ts';
import {
  ConcurrencyError,
  EventStoreUnavailableError,
  type EventStore,
  type RecordedEvent,
} from '../../src/event-store/port.ts';
import { startEsdbWireFake, type EsdbWireFake } from '../support/esdb-wire-fake.ts';
import { newEvent } from './contract.ts';

async function open(t: Test): Promise<{ store: EventStore; fake: EsdbWireFake }> {
  const fake = await startEsdbWireFake();
  const store = createEsdbEventStore({ connectionString: fake.connectionString });
  t.teardown(async () => {
    await store.close();
    await fake.close();
  });
  return { store, fake };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  );
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

t.test('a conflict reports the revision the server says the stream is at', async (t) => {
  const { store } = await open(t);
  const missing = await caught(store.append('s-missing', [newEvent()], { expectedRevision: 0 }));
  t.type(missing, ConcurrencyError);
  t.match(missing, { stream: 's-missing', expected: 0, actual: -1 });
  await store.append('s-two', [newEvent(), newEvent()], { expectedRevision: 'no_stream' });
  t.match(await caught(store.append('s-two', [newEvent()], { expectedRevision: 'no_stream' })), {
    expected: 'no_stream',
    actual: 1,
  });
  t.match(await caught(store.append('s-two', [newEvent()], { expectedRevision: 7 })), { expected: 7, actual: 1 });
});

t.test('an unreachable server is EventStoreUnavailableError, never a client-library error', async (t) => {
  const fake = await startEsdbWireFake();
  await fake.close();
  const store = createEsdbEventStore({ connectionString: fake.connectionString });
  t.teardown(() => store.close());
  await t.rejects(store.append('s', [newEvent()], { expectedRevision: 'no_stream' }), EventStoreUnavailableError);
  await t.rejects(store.append('s', [newEvent()], { expectedRevision: 'any' }), EventStoreUnavailableError);
  await t.rejects(store.readStream('s'), EventStoreUnavailableError);
  await t.rejects(store.readAll(), EventStoreUnavailableError);

  let reported: Error | undefined;
  const subscription = store.subscribeToAll({ onEvent: () => undefined, onError: (error) => (reported = error) });
  await new Promise((resolve) => setTimeout(resolve, 400));
  await subscription.close();
  t.equal(reported, undefined, 'a subscription keeps retrying an unreachable server instead of giving up');
});

t.test('a retry is answered from the first write, even after later appends', async (t) => {
  const { store } = await open(t);
  const first = [newEvent('A'), newEvent('B')];
  const original = await store.append('s-retry', first, { expectedRevision: 'no_stream' });
  await store.append('s-retry', [newEvent('C')], { expectedRevision: 1 });
  t.same(await store.append('s-retry', first, { expectedRevision: 'no_stream' }), original);

  const other = [newEvent('X'), newEvent('Y')];
  await t.rejects(
    store.append('s-retry', other, { expectedRevision: 'no_stream' }),
    ConcurrencyError,
    'other ids at those revisions are a conflict, not a retry',
  );
  await t.rejects(
    store.append('s-retry', [first[0] ?? newEvent(), newEvent()], { expectedRevision: 'no_stream' }),
    ConcurrencyError,
    'a partial match is a conflict too',
  );

  const last = [newEvent('D')];
  const appended = await store.append('s-retry', last, { expectedRevision: 'any' });
  t.same(await store.append('s-retry', last, { expectedRevision: 'any' }), appended, '"any" retried at once is a no-op');
  t.same((await store.readStream('s-retry')).map((e) => e.type), ['A', 'B', 'C', 'D']);
});

t.test('the server’s own events never reach readers or subscribers', async (t) => {
  const { store } = await open(t);
  t.same(await store.readAll(), [], 'a fresh server has only system events in $all');
  const seen: RecordedEvent[] = [];
  let caughtUp = false;
  const subscription = store.subscribeToAll({ onEvent: (e) => void seen.push(e), onCaughtUp: () => (caughtUp = true) });
  t.teardown(() => subscription.close());
  await waitFor(() => caughtUp, 'caught-up');
  t.same(seen, []);
});

t.test('caught-up comes after the history even when the handler is slower than the server', async (t) => {
  const { store } = await open(t);
  await store.append('s-slow', Array.from({ length: 40 }, (_, n) => newEvent('H', { n })), {
    expectedRevision: 'no_stream',
  });
  let delivered = 0;
  let deliveredAtCaughtUp = -1;
  const subscription = store.subscribeToAll({
    onEvent: async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      delivered++;
    },
    onCaughtUp: () => (deliveredAtCaughtUp = delivered),
  });
  t.teardown(() => subscription.close());
  await waitFor(() => deliveredAtCaughtUp >= 0, 'caught-up');
  t.equal(deliveredAtCaughtUp, 40);
});

t.test('recordedAt is the time the server stamped on the event', async (t) => {
  const { store } = await open(t);
  const before = Date.now();
  await store.append('s-time', [newEvent()], { expectedRevision: 'no_stream' });
  const after = Date.now();
  const [event] = await store.readStream('s-time');
  const recordedAt = Date.parse(event?.recordedAt ?? '');
  t.ok(recordedAt >= before && recordedAt <= after, `${event?.recordedAt} is within the append`);
});

t.test('drops during catch-up and while down neither skip nor repeat', async (t) => {
  const { store, fake } = await open(t);
  await store.append('s-drop', Array.from({ length: 20 }, (_, n) => newEvent('H', { n })), {
    expectedRevision: 'no_stream',
  });
  const delivered: number[] = [];
  let caughtUp = 0;
  const subscription = store.subscribeToAll({
    onEvent: async (event) => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      delivered.push(event.data.n as number);
    },
    onCaughtUp: () => caughtUp++,
  });
  t.teardown(() => subscription.close());

  await waitFor(() => delivered.length >= 5, 'part of the history');
  fake.dropSubscriptions();
  // Written while no subscription is open: the resubscribe must catch them up.
  await store.append('s-drop', Array.from({ length: 5 }, (_, n) => newEvent('L', { n: 20 + n })), {
    expectedRevision: 19,
  });
  await waitFor(() => caughtUp >= 1 && delivered.length >= 25, 'history and the events written while down');
  fake.dropSubscriptions();
  fake.dropSubscriptions();
  await store.append('s-drop', [newEvent('L', { n: 25 })], { expectedRevision: 24 });
  await waitFor(() => delivered.length >= 26, 'the live event after two drops');
  await new Promise((resolve) => setTimeout(resolve, 150));
  t.same(delivered, Array.from({ length: 26 }, (_, n) => n));
});

t.test('a throwing handler stops its subscription and is reported to onError', async (t) => {
  const { store } = await open(t);
  await store.append('s-fail', [newEvent('Bad'), newEvent('Next')], { expectedRevision: 'no_stream' });
  const calls: string[] = [];
  let reported: Error | undefined;
  const subscription = store.subscribeToAll({
    onEvent: (event) => {
      calls.push(event.type);
      throw new Error('projection bug');
    },
    onError: (error) => (reported = error),
  });
  t.teardown(() => subscription.close());
  await waitFor(() => reported !== undefined, 'onError');
  t.equal(reported?.message, 'projection bug');
  await new Promise((resolve) => setTimeout(resolve, 150));
  t.same(calls, ['Bad'], 'the failed event is neither skipped nor retried in a loop');
});

t.test('a closed store has released every handle, so the process exits by itself', async (t) => {
  const fake = await startEsdbWireFake();
  t.teardown(() => fake.close());
  const probe = fileURLToPath(new URL('../support/esdb-exit-probe.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', probe, fake.connectionString], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal])),
  );
  clearTimeout(timer);
  t.equal(output.trim(), 'closed');
  t.same({ code, signal }, { code: 0, signal: null }, 'exited on its own, not killed');
});
