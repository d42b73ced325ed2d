/**
 * The event-store contract: one suite, run against every adapter. Stream
 * names carry a fresh UUID so the suite can share a store (a real
 * EventStoreDB) with other data; `$all` assertions only look at this run's
 * streams.
 */
import { randomUUID } from 'node:crypto';
import type { Test } from 'tap';
import {
  ConcurrencyError,
  type EventStore,
  type NewEvent,
  type Position,
  type RecordedEvent,
} from '../../src/event-store/port.ts';
import { comparePositions } from '../../src/event-store/position.ts';

export interface OpenedStore {
  store: EventStore;
  /** Ends every live subscription as a server restart would, when the adapter can be made to. */
  dropSubscriptions?: () => void;
  cleanup?: () => Promise<void>;
}

export function newEvent(type = 'ThingHappened', data: Record<string, unknown> = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      actor: 'contract-suite',
      office: '370200',
      correlationId: randomUUID(),
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

export function eventStoreContract(t: Test, name: string, open: () => Promise<OpenedStore>): void {
  t.test(`event-store contract: ${name}`, async (t) => {
    const opened = await open();
    const { store } = opened;
    t.teardown(async () => {
      await store.close();
      await opened.cleanup?.();
    });
    const run = randomUUID().slice(0, 8);
    const streamName = (label: string) => `contract${run}-${label}-${randomUUID()}`;
    const mine = (events: RecordedEvent[]) => events.filter((e) => e.stream.startsWith(`contract${run}-`));
    const allMine = async () => mine(await store.readAll({ maxCount: 1_000_000 }));

    t.test('a new stream gets contiguous revisions from 0, with envelope and metadata', async (t) => {
      const stream = streamName('new');
      const events = [newEvent('A', { n: 1 }), newEvent('B', { n: 2, nested: { zh: '济南' } })];
      const result = await store.append(stream, events, { expectedRevision: 'no_stream' });
      t.equal(result.nextRevision, 1);
      const more = await store.append(stream, [newEvent('C')], { expectedRevision: 1 });
      t.equal(more.nextRevision, 2);
      t.ok(comparePositions(more.position, result.position) > 0, 'later append has a later position');

      const read = await store.readStream(stream);
      t.same(read.map((e) => e.revision), [0, 1, 2]);
      t.same(read.map((e) => e.type), ['A', 'B', 'C']);
      t.same(read[1]?.data, { n: 2, nested: { zh: '济南' } });
      t.same(read[0]?.metadata, events[0]?.metadata);
      t.equal(read[0]?.id, events[0]?.id);
      t.equal(read[0]?.stream, stream);
      t.equal(read[1]?.position, result.position, 'append returns the position of its last event');
      t.ok(!Number.isNaN(Date.parse(read[0]?.recordedAt ?? '')), 'recordedAt is a time');
    });

    t.test('an unknown stream reads as empty', async (t) => {
      t.same(await store.readStream(streamName('missing')), []);
      t.same(await store.readStream(streamName('missing'), { direction: 'backwards', maxCount: 1 }), []);
    });

    t.test('a conflicting append throws ConcurrencyError and writes nothing', async (t) => {
      const stream = streamName('conflict');
      await store.append(stream, [newEvent(), newEvent()], { expectedRevision: 'no_stream' });

      const again = await rejection(store.append(stream, [newEvent()], { expectedRevision: 'no_stream' }));
      t.type(again, ConcurrencyError);
      t.equal((again as ConcurrencyError).actual, 1);

      const stale = await rejection(store.append(stream, [newEvent(), newEvent()], { expectedRevision: 0 }));
      t.type(stale, ConcurrencyError);
      t.equal((stale as ConcurrencyError).stream, stream);
      t.equal((stale as ConcurrencyError).expected, 0);
      t.equal((stale as ConcurrencyError).actual, 1);

      const ahead = await rejection(store.append(streamName('absent'), [newEvent()], { expectedRevision: 3 }));
      t.type(ahead, ConcurrencyError);
      t.equal((ahead as ConcurrencyError).actual, -1, 'a missing stream reports -1');

      t.equal((await store.readStream(stream)).length, 2, 'nothing was written');
    });

    t.test('expected revision "any" appends to new and existing streams', async (t) => {
      const stream = streamName('any');
      t.equal((await store.append(stream, [newEvent()], { expectedRevision: 'any' })).nextRevision, 0);
      t.equal((await store.append(stream, [newEvent(), newEvent()], { expectedRevision: 'any' })).nextRevision, 2);
    });

    t.test('readStream reads forwards and backwards, from a revision, with a max count', async (t) => {
      const stream = streamName('read');
      await store.append(stream, Array.from({ length: 10 }, (_, n) => newEvent('N', { n })), {
        expectedRevision: 'no_stream',
      });
      const revisions = async (options: Parameters<EventStore['readStream']>[1]) =>
        (await store.readStream(stream, options)).map((e) => e.revision);
      t.same(await revisions({}), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      t.same(await revisions({ fromRevision: 7 }), [7, 8, 9]);
      t.same(await revisions({ fromRevision: 2, maxCount: 3 }), [2, 3, 4]);
      t.same(await revisions({ direction: 'backwards' }), [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
      t.same(await revisions({ direction: 'backwards', maxCount: 1 }), [9]);
      t.same(await revisions({ direction: 'backwards', fromRevision: 4, maxCount: 2 }), [4, 3]);
      t.same(await revisions({ fromRevision: 20 }), []);
    });

    t.test('an append retried with the same event ids is a no-op', async (t) => {
      const stream = streamName('retry');
      const first = [newEvent(), newEvent()];
      const original = await store.append(stream, first, { expectedRevision: 'no_stream' });
      const retried = await store.append(stream, first, { expectedRevision: 'no_stream' });
      t.same(retried, original, 'the retry answers like the original');

      const second = [newEvent()];
      const next = await store.append(stream, second, { expectedRevision: 1 });
      t.same(await store.append(stream, second, { expectedRevision: 1 }), next);

      const read = await store.readStream(stream);
      t.equal(read.length, 3, 'no duplicate was written');
      t.equal((await allMine()).filter((e) => e.stream === stream).length, 3, '$all has no duplicate either');
    });

    t.test('$all is commit order; a multi-event append is never interleaved', async (t) => {
      const streams = Array.from({ length: 8 }, (_, n) => streamName(`interleave${n}`));
      await Promise.all(
        streams.map((stream) =>
          store.append(stream, Array.from({ length: 5 }, (_, n) => newEvent('Batch', { n })), {
            expectedRevision: 'no_stream',
          }),
        ),
      );
      const all = (await allMine()).filter((e) => streams.includes(e.stream));
      t.equal(all.length, 40);
      for (let i = 1; i < all.length; i++) {
        if (comparePositions((all[i - 1] as RecordedEvent).position, (all[i] as RecordedEvent).position) >= 0) {
          t.fail(`positions must strictly increase at ${i}`);
        }
      }
      for (let batch = 0; batch < 8; batch++) {
        const slice = all.slice(batch * 5, batch * 5 + 5);
        t.equal(new Set(slice.map((e) => e.stream)).size, 1, `batch ${batch} is contiguous`);
        t.same(slice.map((e) => e.revision), [0, 1, 2, 3, 4]);
      }
    });

    t.test('readAll pages from an exclusive position', async (t) => {
      const stream = streamName('page');
      await store.append(stream, Array.from({ length: 6 }, () => newEvent()), { expectedRevision: 'no_stream' });
      const all = (await allMine()).filter((e) => e.stream === stream);
      const third = all[2] as RecordedEvent;
      const page = mine(await store.readAll({ after: third.position, maxCount: 100_000 })).filter(
        (e) => e.stream === stream,
      );
      t.same(page.map((e) => e.revision), [3, 4, 5]);
      const limited = await store.readAll({ after: third.position, maxCount: 2 });
      t.equal(limited.length, 2);
      t.equal(limited[0]?.id, all[3]?.id, 'the first event after the position comes first');
    });

    t.test('20 concurrent appenders: exactly one winner per revision', async (t) => {
      const stream = streamName('race');
      await store.append(stream, [newEvent('Start')], { expectedRevision: 'no_stream' });

      const firstRound = await Promise.allSettled(
        Array.from({ length: 20 }, () => store.append(stream, [newEvent('Race')], { expectedRevision: 0 })),
      );
      t.equal(firstRound.filter((r) => r.status === 'fulfilled').length, 1, 'one winner at revision 1');
      t.ok(
        firstRound.every((r) => r.status === 'fulfilled' || r.reason instanceof ConcurrencyError),
        'every loser gets ConcurrencyError',
      );

      const appenders = Array.from({ length: 20 }, (_, n) => n);
      await Promise.all(
        appenders.map(async (appender) => {
          for (;;) {
            const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
            try {
              await store.append(stream, [newEvent('Turn', { appender })], { expectedRevision: last ? last.revision : 'no_stream' });
              return;
            } catch (error) {
              if (!(error instanceof ConcurrencyError)) throw error;
            }
          }
        }),
      );
      const read = await store.readStream(stream);
      t.same(read.map((e) => e.revision), Array.from({ length: 22 }, (_, n) => n), 'revisions are contiguous');
      const turns = read.filter((e) => e.type === 'Turn').map((e) => e.data.appender as number);
      t.same([...turns].sort((a, b) => a - b), appenders, 'each appender won exactly once');
    });

    t.test('subscribeToAll delivers history, signals caught-up, then delivers live events', async (t) => {
      const stream = streamName('sub');
      await store.append(stream, [newEvent('Old1'), newEvent('Old2')], { expectedRevision: 'no_stream' });
      const seen: RecordedEvent[] = [];
      let caughtUp = 0;
      let seenAtCaughtUp = -1;
      const subscription = store.subscribeToAll({
        onEvent: (event) => {
          if (event.stream === stream) seen.push(event);
        },
        onCaughtUp: () => {
          caughtUp++;
          if (seenAtCaughtUp < 0) seenAtCaughtUp = seen.length;
        },
      });
      t.teardown(() => subscription.close());
      await waitFor(() => caughtUp > 0, 'caught-up');
      t.equal(seenAtCaughtUp, 2, 'history was delivered before caught-up');
      await store.append(stream, [newEvent('Live1'), newEvent('Live2')], { expectedRevision: 1 });
      await waitFor(() => seen.length === 4, 'live events');
      t.same(seen.map((e) => e.type), ['Old1', 'Old2', 'Live1', 'Live2']);
      await subscription.close();
      await store.append(stream, [newEvent('AfterClose')], { expectedRevision: 3 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      t.equal(seen.length, 4, 'nothing is delivered after close');
    });

    t.test('a subscription from a checkpoint starts strictly after it and waits for each handler', async (t) => {
      const stream = streamName('checkpoint');
      await store.append(stream, Array.from({ length: 4 }, (_, n) => newEvent('N', { n })), {
        expectedRevision: 'no_stream',
      });
      const mineHere = (await allMine()).filter((e) => e.stream === stream);
      const checkpoint = (mineHere[1] as RecordedEvent).position;
      const seen: number[] = [];
      let running = 0;
      let overlapped = false;
      const subscription = store.subscribeToAll({
        after: checkpoint,
        onEvent: async (event) => {
          if (event.stream !== stream) return;
          running++;
          if (running > 1) overlapped = true;
          await new Promise((resolve) => setTimeout(resolve, 5));
          seen.push(event.data.n as number);
          running--;
        },
      });
      t.teardown(() => subscription.close());
      await waitFor(() => seen.length === 2, 'events after the checkpoint');
      t.same(seen, [2, 3]);
      t.notOk(overlapped, 'onEvent calls never overlap');
    });

    t.test('closing and resubscribing from the last position neither skips nor repeats', async (t) => {
      const stream = streamName('resume');
      const delivered: RecordedEvent[] = [];
      let last: Position | undefined;
      const subscribe = () =>
        store.subscribeToAll({
          after: last,
          onEvent: (event) => {
            last = event.position;
            if (event.stream === stream) delivered.push(event);
          },
        });
      let subscription = subscribe();
      for (let round = 0; round < 5; round++) {
        await store.append(stream, [newEvent('R', { round }), newEvent('R', { round })], { expectedRevision: 'any' });
        if (round % 2 === 1) {
          await waitFor(() => delivered.length === (round + 1) * 2, `round ${round}`);
          await subscription.close();
          subscription = subscribe();
        }
      }
      await waitFor(() => delivered.length >= 10, 'all rounds');
      await new Promise((resolve) => setTimeout(resolve, 100));
      await subscription.close();
      t.same(delivered.map((e) => e.revision), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    });

    if (opened.dropSubscriptions) {
      const drop = opened.dropSubscriptions;
      t.test('a dropped subscription resubscribes by itself without skipping or repeating', async (t) => {
        const stream = streamName('drop');
        const delivered: number[] = [];
        let caughtUp = 0;
        const subscription = store.subscribeToAll({
          onEvent: (event) => {
            if (event.stream === stream) delivered.push(event.revision);
          },
          onCaughtUp: () => caughtUp++,
        });
        t.teardown(() => subscription.close());
        for (let n = 0; n < 30; n++) {
          await store.append(stream, [newEvent('D', { n })], { expectedRevision: n - 1 === -1 ? 'no_stream' : n - 1 });
          if (n % 10 === 5) drop();
        }
        await waitFor(() => delivered.length >= 30, 'every event after drops', 20_000);
        await new Promise((resolve) => setTimeout(resolve, 200));
        t.same(delivered, Array.from({ length: 30 }, (_, n) => n));
        t.ok(caughtUp >= 2, 'caught-up is signalled again after resubscribing');
      });
    }
  });
}
