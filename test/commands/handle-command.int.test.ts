/**
 * The command handler's cache of folded aggregates against other writers:
 * two handlers, each on its own connection to one SQLite file, as two
 * processes would be. Each one's next command must see what the other
 * wrote, whatever it holds in memory.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { partnershipCommandSchemas as bodies, partnershipDecider, partnershipStream } from '../../commands/partnership/index.ts';
import { createCommandHandler, type CommandHandler } from '../../src/commands/handle-command.ts';
import { GENESIS_HASH } from '../../src/event-store/hash-chain.ts';
import { createLedger, type Ledger } from '../../src/event-store/ledger.ts';
import { createEsdbEventStore } from '../../src/event-store/esdb.ts';
import type { EventStore } from '../../src/event-store/port.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import { startEsdbWireFake } from '../support/esdb-wire-fake.ts';

const clock = () => '2021-12-01T08:00:00.000Z';

function sharedFile(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-handler-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'events.db');
}

/** A handler on its own connection to the file (or the server), as another process would have. */
function processOn(t: Test, path: string | EventStore, cacheSize: number): { handle: CommandHandler; store: Ledger } {
  const store = createLedger(typeof path === 'string' ? createSqliteEventStore({ path }) : path);
  t.teardown(() => store.close());
  return { store, handle: createCommandHandler({ store, clock, newId: randomUUID, conflictRetries: 5, cacheSize }) };
}

type Command = keyof typeof bodies;
const metadata = { actor: 'test-editor', correlationId: 'test' };

function command(handle: CommandHandler, id: string, type: Command, body: object, key?: string) {
  const data = bodies[type].parse(body);
  const idempotency = key ? { key, requestHash: `${type}:${JSON.stringify(data)}` } : undefined;
  return handle(partnershipDecider, partnershipStream(id), { type, id, data }, metadata, { idempotency });
}

async function activePartnership(handle: CommandHandler): Promise<string> {
  const id = randomUUID();
  await command(handle, id, 'ProposePartnership', {
    local: { divisionCode: '370100' },
    partner: { nameEn: 'Sacramento', country: 'US', level: 'city' },
    kind: 'friendly_cooperation',
    date: '2020-05-10',
  });
  await command(handle, id, 'SignLetterOfIntent', { date: '2020-06-01' });
  await command(handle, id, 'SignAgreement', { date: '2020-07-01', place: 'Jinan', signatories: [{ side: 'local', name: 'A' }] });
  return id;
}

const activity = (n: number) => ({ date: '2021-06-01', type: 'culture', direction: 'joint', title: `Exchange ${n}`, participants: n });

/** The stream's events have contiguous revisions and one unbroken hash chain. */
async function assertIntact(t: Test, store: Ledger, stream: string, length: number) {
  const events = await store.stored.readStream(stream);
  t.same(events.map((event) => event.revision), Array.from({ length }, (_, n) => n), `${length} events, contiguous`);
  const broken = events.filter((event, n) => event.metadata.previousHash !== (n === 0 ? GENESIS_HASH : events[n - 1]?.metadata.hash));
  t.same(broken.map((event) => event.revision), [], 'the hash chain is unbroken');
}

t.test('two processes writing one stream in turn each see the other’s events', async (t) => {
  const path = sharedFile(t);
  const a = processOn(t, path, 100);
  const b = processOn(t, path, 100);
  const id = await activePartnership(a.handle);

  for (let n = 0; n < 20; n++) {
    const writer = n % 2 === 0 ? b : a;
    const result = await command(writer.handle, id, 'RecordActivity', activity(n));
    t.equal(result.revision, 3 + n, `write ${n} lands after every earlier one, whoever wrote it`);
  }

  await command(b.handle, id, 'MarkDormant', { date: '2021-07-01', reason: 'no exchanges this year' });
  const reactivated = await command(a.handle, id, 'RecordActivity', { ...activity(20), date: '2021-08-01' });
  t.equal(reactivated.revision, 25, 'an activity and the reactivation it brings');
  const [tail] = await a.store.readStream(partnershipStream(id), { direction: 'backwards', maxCount: 1 });
  t.equal(tail?.type, 'PartnershipReactivated', 'a decided on a dormant partnership: it saw b’s MarkDormant');

  const first = await command(a.handle, id, 'RecordActivity', activity(21), 'retry-1');
  const retry = await command(b.handle, id, 'RecordActivity', activity(21), 'retry-1');
  t.same(retry, { ...first, appended: false, replayed: true }, 'b answers a retry of a’s request as a did: it saw a’s keyed event');
  await t.rejects(command(b.handle, id, 'RecordActivity', activity(22), 'retry-1'), { name: 'IdempotencyKeyReusedError' });

  await assertIntact(t, a.store, partnershipStream(id), 27);
});

t.test('a write by another process between two commands is a conflict caught up from, not lost', async (t) => {
  const path = sharedFile(t);
  const a = processOn(t, path, 100);
  const b = processOn(t, path, 100);
  const id = await activePartnership(a.handle);
  await command(a.handle, id, 'RecordActivity', activity(0));
  // b appends while a is between its read and its append.
  const racing = await Promise.all([command(a.handle, id, 'RecordActivity', activity(1)), command(b.handle, id, 'RecordActivity', activity(2))]);
  t.same(racing.map((result) => result.revision).sort(), [4, 5], 'both land, one after the other');
  await assertIntact(t, b.store, partnershipStream(id), 6);
});

t.test('a cache smaller than the streams in use evicts and stays correct', async (t) => {
  const path = sharedFile(t);
  const a = processOn(t, path, 1);
  const b = processOn(t, path, 2);
  const ids = [await activePartnership(a.handle), await activePartnership(b.handle), await activePartnership(a.handle)];
  for (let n = 0; n < 30; n++) {
    const id = ids[n % ids.length] as string;
    const result = await command((n % 4 < 2 ? a : b).handle, id, 'RecordActivity', activity(n));
    t.equal(result.revision, 3 + Math.floor(n / ids.length));
  }
  for (const id of ids) await assertIntact(t, a.store, partnershipStream(id), 13);
});

t.test('without a cache every command reads its whole stream and answers the same', async (t) => {
  const path = sharedFile(t);
  const a = processOn(t, path, 0);
  const b = processOn(t, path, 100);
  const id = await activePartnership(a.handle);
  for (let n = 0; n < 6; n++) t.equal((await command((n % 2 ? a : b).handle, id, 'RecordActivity', activity(n))).revision, 3 + n);
  await assertIntact(t, a.store, partnershipStream(id), 9);
});

t.test('commands queued on one stream are written together, each with its own answer', async (t) => {
  const path = sharedFile(t);
  const { store, handle } = processOn(t, path, 100);
  let appends = 0;
  const counted = { ...store, append: (...args: Parameters<Ledger['append']>) => (appends++, store.append(...args)) };
  const grouped = createCommandHandler({ store: counted, clock, newId: randomUUID, conflictRetries: 5, cacheSize: 100 });
  const id = await activePartnership(handle);
  const stream = partnershipStream(id);

  const answers = await Promise.allSettled([
    command(grouped, id, 'RecordActivity', activity(0)),
    command(grouped, id, 'RecordActivity', activity(1), 'key-1'),
    command(grouped, id, 'RecordActivity', activity(1), 'key-1'),
    command(grouped, id, 'RecordActivity', activity(2), 'key-1'),
    grouped(partnershipDecider, stream, { type: 'RecordActivity', id, data: bodies.RecordActivity.parse(activity(3)) }, metadata, { expectedRevision: 2 }),
    grouped(partnershipDecider, stream, { type: 'RecordActivity', id, data: bodies.RecordActivity.parse(activity(4)) }, metadata, {
      authorize: () => {
        throw new Error('not this one');
      },
    }),
    command(grouped, id, 'MarkDormant', { date: '2021-07-01', reason: 'quiet' }),
    command(grouped, id, 'MarkDormant', { date: '2021-07-02', reason: 'quiet again' }),
    command(grouped, id, 'RecordActivity', { ...activity(5), date: '2021-08-01' }),
  ]);
  t.ok(appends < answers.length, `${answers.length} commands, ${appends} appends`);
  t.same(
    answers.map((answer) => (answer.status === 'fulfilled' ? [answer.value.revision, answer.value.replayed] : (answer.reason as Error).name)),
    [[3, false], [4, false], [4, true], 'IdempotencyKeyReusedError', 'PreconditionFailedError', 'Error', [5, false], 'DomainError', [7, false]],
    'refusals are their own; a retry in the same group answers as its first',
  );
  const events = await store.readStream(stream);
  t.same(events.map((event) => event.type).slice(3), ['ActivityRecorded', 'ActivityRecorded', 'PartnershipMarkedDormant', 'ActivityRecorded', 'PartnershipReactivated']);
  for (const answer of answers) {
    if (answer.status === 'fulfilled') t.equal(answer.value.position, events[answer.value.revision]?.position, `revision ${answer.value.revision}: its own position`);
  }
  await assertIntact(t, store, stream, 8);
});

t.test('groups from two processes on one stream: a conflicting group is taken apart, nothing is lost', async (t) => {
  const path = sharedFile(t);
  const a = processOn(t, path, 100);
  const b = processOn(t, path, 100);
  const id = await activePartnership(a.handle);
  const answers = await Promise.all(Array.from({ length: 40 }, (_, n) => command((n % 2 ? a : b).handle, id, 'RecordActivity', activity(n))));
  t.same(answers.map((answer) => answer.revision).sort((x, y) => x - y), Array.from({ length: 40 }, (_, n) => 3 + n));
  await assertIntact(t, a.store, partnershipStream(id), 43);
});

t.test('on EventStoreDB (the wire fake), two clients writing one stream in turn and at once lose nothing', async (t) => {
  const fake = await startEsdbWireFake();
  t.teardown(fake.close);
  const client = () => createEsdbEventStore({ connectionString: fake.connectionString });
  const a = processOn(t, client(), 100);
  const b = processOn(t, client(), 100);
  const id = await activePartnership(a.handle);
  for (let n = 0; n < 6; n++) t.equal((await command((n % 2 ? a : b).handle, id, 'RecordActivity', activity(n))).revision, 3 + n);
  const answers = await Promise.all(Array.from({ length: 20 }, (_, n) => command((n % 2 ? a : b).handle, id, 'RecordActivity', activity(n))));
  t.same(answers.map((answer) => answer.revision).sort((x, y) => x - y), Array.from({ length: 20 }, (_, n) => 9 + n));
  await assertIntact(t, a.store, partnershipStream(id), 29);
});
