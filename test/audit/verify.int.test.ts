import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t, { type Test } from 'tap';
import { verifyAll, verifyStream } from '../../src/audit/verify.ts';
import { createEsdbEventStore } from '../../src/event-store/esdb.ts';
import { eventHash, GENESIS_HASH } from '../../src/event-store/hash-chain.ts';
import { createLedger } from '../../src/event-store/ledger.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import { startEsdbWireFake } from '../support/esdb-wire-fake.ts';
import { grow, noted } from './support.ts';

const A = 'partnership-aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'project-bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

function sqliteFile(t: Test) {
  const dir = mkdtempSync(join(tmpdir(), 'verify-'));
  const path = join(dir, 'events.db');
  const ledger = createLedger(createSqliteEventStore({ path }));
  // A second connection edits the file as someone with disk access would.
  const disk = new Database(path);
  t.teardown(async () => {
    disk.close();
    await ledger.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { ledger, disk };
}

t.test('every appended event is chained: revision 0 links to the fixed start, each later one to the event before', async (t) => {
  const { ledger } = sqliteFile(t);
  await grow(ledger, A, 3);
  await ledger.append(A, [noted('X', { a: 1 }), noted('Y', { b: 2 })], { expectedRevision: 'any' });
  const events = await ledger.stored.readStream(A);
  t.equal(events.length, 5);
  t.equal(events[0]?.metadata.previousHash, GENESIS_HASH);
  for (let i = 1; i < events.length; i++) t.equal(events[i]?.metadata.previousHash, events[i - 1]?.metadata.hash, `link ${i}`);
  t.match(events.map((e) => e.metadata.hash), [/^[0-9a-f]{64}$/, /^[0-9a-f]{64}$/, /^[0-9a-f]{64}$/, /^[0-9a-f]{64}$/, /^[0-9a-f]{64}$/]);
  t.same(await verifyStream(ledger.stored, A), {
    stream: A,
    ok: true,
    events: 5,
    head: { revision: 4, hash: events[4]?.metadata.hash },
    broken: null,
  });
});

t.test('an append that hands over the event it just read chains to it; a stale hand-over is ignored', async (t) => {
  const { ledger } = sqliteFile(t);
  await grow(ledger, A, 3);
  const [last] = await ledger.readStream(A, { direction: 'backwards', maxCount: 1 });
  await ledger.append(A, [noted('X', {})], { expectedRevision: 2, previous: last! });
  const [first] = await ledger.readStream(A, { maxCount: 1 });
  await ledger.append(A, [noted('Y', {})], { expectedRevision: 3, previous: first! });
  t.ok((await verifyStream(ledger.stored, A)).ok);
});

t.test('concurrent `any` appends to one stream still form one chain', async (t) => {
  const { ledger } = sqliteFile(t);
  await Promise.all(Array.from({ length: 20 }, (_, i) => ledger.append(A, [noted('X', { i })], { expectedRevision: 'any' })));
  const result = await verifyStream(ledger.stored, A);
  t.ok(result.ok, JSON.stringify(result.broken));
  t.equal(result.events, 20);
});

t.test('an edited event is named by stream and revision; undoing the edit makes the chain whole again', async (t) => {
  const { ledger, disk } = sqliteFile(t);
  await grow(ledger, A, 6);
  await grow(ledger, B, 2);
  const original = disk.prepare('SELECT data FROM events WHERE stream = ? AND revision = 3').pluck().get(A) as string;
  disk.prepare(`UPDATE events SET data = json_set(data, '$.n', 99) WHERE stream = ? AND revision = 3`).run(A);

  const all = await verifyAll(ledger.stored);
  t.equal(all.ok, false);
  t.equal(all.brokenStreams, 1);
  t.match(all.broken, [{ stream: A, revision: 3, kind: 'content-altered' }]);
  t.match(await verifyStream(ledger.stored, A), { ok: false, broken: { stream: A, revision: 3, kind: 'content-altered' } });
  t.ok((await verifyStream(ledger.stored, B)).ok, 'the other stream is intact');

  disk.prepare('UPDATE events SET data = ? WHERE stream = ? AND revision = 3').run(original, A);
  const healed = await verifyAll(ledger.stored);
  t.ok(healed.ok);
  t.same([healed.events, healed.streams, healed.brokenStreams], [8, 2, 0]);
});

t.test('a metadata edit (the actor) is caught like a data edit', async (t) => {
  const { ledger, disk } = sqliteFile(t);
  await grow(ledger, A, 3);
  disk.prepare(`UPDATE events SET metadata = json_set(metadata, '$.actor', 'someone-else') WHERE stream = ? AND revision = 1`).run(A);
  t.match(await verifyStream(ledger.stored, A), { broken: { revision: 1, kind: 'content-altered' } });
});

t.test('an edit whose hash is recomputed to match is caught at the next link', async (t) => {
  const { ledger, disk } = sqliteFile(t);
  await grow(ledger, A, 4);
  const [event] = await ledger.stored.readStream(A, { fromRevision: 1, maxCount: 1 });
  const forged = { ...event!, data: { ...event!.data, n: 99 } };
  const forgedHash = eventHash(forged, event!.metadata.previousHash as string);
  disk
    .prepare('UPDATE events SET data = ?, metadata = ? WHERE stream = ? AND revision = 1')
    .run(JSON.stringify(forged.data), JSON.stringify({ ...event!.metadata, hash: forgedHash }), A);
  // Revision 1 is self-consistent now; revision 2 still points at the hash it was written after.
  t.match(await verifyStream(ledger.stored, A), {
    broken: { revision: 2, kind: 'link-broken', expected: forgedHash, found: event!.metadata.hash },
  });
});

t.test('a deleted event in the middle of a stream is named by its revision', async (t) => {
  const { ledger, disk } = sqliteFile(t);
  await grow(ledger, A, 6);
  disk.prepare('DELETE FROM events WHERE stream = ? AND revision = 2').run(A);
  t.match(await verifyStream(ledger.stored, A), {
    ok: false,
    broken: { stream: A, revision: 2, kind: 'revision-missing', expected: '2', found: '3' },
  });
  t.match((await verifyAll(ledger.stored)).broken, [{ stream: A, revision: 2, kind: 'revision-missing' }]);
});

t.test('a deleted event renumbered to close the gap breaks the link instead', async (t) => {
  const { ledger, disk } = sqliteFile(t);
  await grow(ledger, A, 5);
  disk.prepare('DELETE FROM events WHERE stream = ? AND revision = 2').run(A);
  disk.prepare('UPDATE events SET revision = revision - 1 WHERE stream = ? AND revision > 2').run(A);
  const result = await verifyStream(ledger.stored, A);
  // Revision 2 is now the old revision 3: its previousHash points at the deleted event, and its content names revision 3.
  t.match(result.broken, { revision: 2, kind: 'link-broken' });
});

t.test('a deleted first event and an event written around the ledger are reported', async (t) => {
  const { ledger, disk } = sqliteFile(t);
  await grow(ledger, A, 3);
  disk.prepare('DELETE FROM events WHERE stream = ? AND revision = 0').run(A);
  t.match((await verifyStream(ledger.stored, A)).broken, { revision: 0, kind: 'revision-missing' });

  await ledger.stored.append(B, [noted('X', {})], { expectedRevision: 'no_stream' });
  t.match((await verifyStream(ledger.stored, B)).broken, { revision: 0, kind: 'hash-missing' });
});

t.test('an unknown stream verifies as empty', async (t) => {
  const { ledger } = sqliteFile(t);
  t.same(await verifyStream(ledger.stored, 'partnership-none'), { stream: 'partnership-none', ok: true, events: 0, head: null, broken: null });
});

t.test('verifying everything reports progress and a heads digest that changes when a tail is cut', async (t) => {
  const { ledger, disk } = sqliteFile(t);
  for (let s = 0; s < 30; s++) await grow(ledger, `partnership-${s}`, 80);
  const progress: number[] = [];
  const before = await verifyAll(ledger.stored, { onProgress: (p) => void progress.push(p.events) });
  t.ok(before.ok);
  t.equal(before.events, 2400);
  t.same(progress, [1000, 2000, 2400], 'one progress report per page read');
  t.same(await verifyAll(ledger.stored), before, 'the same log verifies the same');

  // Deleting the last event of a stream leaves an intact (shorter) chain: only the digest shows it.
  disk.prepare(`DELETE FROM events WHERE stream = 'partnership-7' AND revision = 79`).run();
  const after = await verifyAll(ledger.stored);
  t.ok(after.ok);
  t.not(after.headsDigest, before.headsDigest);
});

t.test('EventStoreDB (wire fake): chains are written and an edited event is named', async (t) => {
  const fake = await startEsdbWireFake();
  const ledger = createLedger(createEsdbEventStore({ connectionString: fake.connectionString }));
  t.teardown(async () => {
    await ledger.close();
    await fake.close();
  });
  await grow(ledger, A, 5);
  await grow(ledger, B, 3);
  await ledger.append(B, [noted('X', { any: true })], { expectedRevision: 'any' });
  const clean = await verifyAll(ledger.stored);
  t.ok(clean.ok, JSON.stringify(clean.broken));
  t.same([clean.events, clean.streams], [9, 2]);

  fake.rewriteData(A, 2, (data) => ({ ...data, n: 42 }));
  t.match(await verifyAll(ledger.stored), { ok: false, broken: [{ stream: A, revision: 2, kind: 'content-altered' }] });
  fake.rewriteData(A, 2, (data) => ({ ...data, n: 2 }));
  t.ok((await verifyStream(ledger.stored, A)).ok, 'undone');
});
