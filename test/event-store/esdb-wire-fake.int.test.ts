/**
 * The wire fake seen through the bare client, without the adapter: the
 * adapter tests are only worth what the fake's answers are worth.
 */
import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  EventStoreDBClient,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import t, { type Test } from 'tap';
import { startEsdbWireFake } from '../support/esdb-wire-fake.ts';

async function connect(t: Test) {
  const fake = await startEsdbWireFake();
  const client = EventStoreDBClient.connectionString(fake.connectionString);
  t.teardown(async () => {
    await client.dispose();
    await fake.close();
  });
  return { client, fake };
}

const event = (type = 'Tested') => jsonEvent({ id: randomUUID(), type, data: { type }, metadata: { by: 'test' } });

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('expected a rejection'),
    (error: unknown) => error,
  );
}

async function collect<E>(reading: AsyncIterable<E>): Promise<E[]> {
  const items: E[] = [];
  for await (const item of reading) items.push(item);
  return items;
}

t.test('a wrong expected version carries the current and expected revisions', async (t) => {
  const { client } = await connect(t);
  const missing = await caught(client.appendToStream('s', event(), { expectedRevision: 0n }));
  t.type(missing, WrongExpectedVersionError);
  t.match(missing, { streamName: 's', expectedVersion: 0n, actualVersion: 'no_stream' });
  await client.appendToStream('s', [event(), event()], { expectedRevision: NO_STREAM });
  t.match(await caught(client.appendToStream('s', event(), { expectedRevision: NO_STREAM })), {
    expectedVersion: 'no_stream',
    actualVersion: 1n,
  });
});

t.test('a retry at an exact revision succeeds without writing', async (t) => {
  const { client } = await connect(t);
  const batch = [event('A'), event('B')];
  const first = await client.appendToStream('s', batch, { expectedRevision: NO_STREAM });
  await client.appendToStream('s', event('C'), { expectedRevision: 1n });
  const retry = await client.appendToStream('s', batch, { expectedRevision: NO_STREAM });
  t.same(retry, first);
  const read = await collect<ResolvedEvent>(client.readStream('s'));
  t.same(read.map((e) => e.event?.type), ['A', 'B', 'C']);
  t.equal(read[1]?.event?.position?.commit, first.position?.commit, 'the answer names the last event written');
});

t.test('stream reads: direction, start revision, count, not found', async (t) => {
  const { client } = await connect(t);
  await client.appendToStream('s', ['A', 'B', 'C', 'D'].map(event), { expectedRevision: NO_STREAM });
  const types = async (options: Parameters<typeof client.readStream>[1]) =>
    (await collect<ResolvedEvent>(client.readStream('s', options))).map((e) => e.event?.type);
  t.same(await types({ fromRevision: 1n, maxCount: 2 }), ['B', 'C']);
  t.same(await types({ direction: BACKWARDS, fromRevision: 'end', maxCount: 3 }), ['D', 'C', 'B']);
  t.same(await types({ direction: BACKWARDS, fromRevision: 1n }), ['B', 'A']);
  t.type(await caught(collect(client.readStream('missing'))), StreamNotFoundError);
});

t.test('$all: positions grow in commit order; forwards is inclusive, backwards exclusive', async (t) => {
  const { client } = await connect(t);
  await client.appendToStream('s1', [event('A'), event('B')], { expectedRevision: NO_STREAM });
  await client.appendToStream('s2', event('C'), { expectedRevision: NO_STREAM });
  const all = await collect<AllStreamResolvedEvent>(client.readAll());
  t.same(all.map((e) => e.event?.type), ['$settings', 'A', 'B', 'C'], 'the log starts with a system event');
  const positions = all.map((e) => e.event?.position.commit ?? -1n);
  t.ok(positions.every((p, i) => i === 0 || p > (positions[i - 1] ?? p)), 'strictly increasing');
  const b = all[2]?.event?.position ?? { commit: 0n, prepare: 0n };
  t.equal(b.commit, b.prepare, 'commit and prepare are equal outside explicit transactions');
  const types = async (options: Parameters<typeof client.readAll>[0]) =>
    (await collect<AllStreamResolvedEvent>(client.readAll(options))).map((e) => e.event?.type);
  t.same(await types({ fromPosition: b }), ['B', 'C']);
  t.same(await types({ fromPosition: b, direction: BACKWARDS }), ['A', '$settings']);
  t.same(await types({ fromPosition: 'end', direction: BACKWARDS, maxCount: 1 }), ['C']);
});

t.test('a $all subscription: history after its exclusive start, caught-up, live, and a drop', async (t) => {
  const { client, fake } = await connect(t);
  const appended = await client.appendToStream('s', [event('A'), event('B')], { expectedRevision: NO_STREAM });
  const [first] = await collect<ResolvedEvent>(client.readStream('s', { maxCount: 1 }));
  const subscription = client.subscribeToAll({ fromPosition: first?.event?.position ?? 'start' });
  t.teardown(() => subscription.unsubscribe());
  const seen: string[] = [];
  subscription.on('caughtUp', () => seen.push('caught-up'));
  subscription.on('data', (resolved: AllStreamResolvedEvent) => seen.push(resolved.event?.type ?? '?'));
  const failed = new Promise<Error>((resolve) => subscription.on('error', resolve));
  t.ok(appended.position);
  await new Promise((resolve) => subscription.once('caughtUp', resolve));
  await client.appendToStream('s', event('C'), { expectedRevision: 1n });
  await new Promise((resolve) => setTimeout(resolve, 50));
  t.same(seen, ['B', 'caught-up', 'C']);
  fake.dropSubscriptions();
  t.match(await failed, { type: 'unavailable' }, 'dropped as a server restart drops it');
});

t.test('created is in 100-ns ticks since the Unix epoch', async (t) => {
  const { client } = await connect(t);
  const before = Date.now();
  await client.appendToStream('s', event(), { expectedRevision: NO_STREAM });
  const [read] = await collect<ResolvedEvent>(client.readStream('s'));
  const created = read?.event?.created.getTime() ?? 0;
  t.ok(created >= before && created <= Date.now());
});
