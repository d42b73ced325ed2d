import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t, { type Test } from 'tap';
import { createLedger } from '../../src/event-store/ledger.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import { buildTestApp, jinanFriendly, qingdaoDakar } from './harness.ts';

async function ledgerWithHistory(t: Test, options: { file?: string } = {}) {
  const store = options.file ? createLedger(createSqliteEventStore({ path: options.file })) : undefined;
  const test = await buildTestApp(t, store ? { store } : {});
  const { post, keys } = test;
  const dakar = (await post('/partnerships', qingdaoDakar)).json().id as string;
  await post(`/partnerships/${dakar}/contact`, { date: '2021-03-05', channel: 'video' });
  await post(`/partnerships/${dakar}/letter-of-intent`, { date: '2021-04-01' });
  const sacramento = (await post('/partnerships', jinanFriendly, { authorization: `Bearer ${keys.admin}` })).json().id as string;
  const as = (key: string) => ({ authorization: `Bearer ${key}` });
  return { ...test, dakar, sacramento, as, auditor: as(keys.auditor) };
}

t.test('the global log pages $all in order and continues from `next`', async (t) => {
  const { get, auditor } = await ledgerWithHistory(t);
  const first = await get('/audit/events?limit=3', auditor);
  t.equal(first.statusCode, 200, first.body);
  const page = first.json();
  t.equal(page.events.length, 3);
  t.equal(page.more, true);
  t.equal(page.next, page.events[2].position);
  // The key register comes first: it was written when the test keys were issued.
  t.equal(page.events[0].stream, 'api-keys');

  const all: { position: string; stream: string }[] = [];
  let after = '';
  for (let guard = 0; guard < 20; guard++) {
    const next = (await get(`/audit/events?limit=2${after ? `&after=${after}` : ''}`, auditor)).json();
    all.push(...next.events);
    after = next.next;
    if (!next.more) break;
  }
  const positions = all.map((e) => BigInt(e.position));
  t.same(positions, [...positions].sort((a, b) => (a < b ? -1 : 1)), 'in position order');
  t.equal(new Set(positions).size, positions.length, 'no event twice');
  t.equal(all.filter((e) => e.stream.startsWith('partnership-')).length, 4);
});

t.test('filters: stream type, event type, actor, recorded-time window', async (t) => {
  const { get, auditor, dakar } = await ledgerWithHistory(t);
  const q = async (query: string) => (await get(`/audit/events?${query}`, auditor)).json().events as { type: string; stream: string; metadata: { actor: string } }[];

  t.same((await q('streamType=partnership')).map((e) => e.type), ['PartnershipProposed', 'ContactEstablished', 'LetterOfIntentSigned', 'PartnershipProposed']);
  t.same((await q('type=ContactEstablished,LetterOfIntentSigned')).map((e) => e.stream), [`partnership-${dakar}`, `partnership-${dakar}`]);
  t.same((await q('streamType=partnership&actor=test-admin')).map((e) => e.type), ['PartnershipProposed']);
  t.equal((await q('actor=nobody')).length, 0);
  t.equal((await q('streamType=partnership&since=2000-01-01&until=2099-12-31')).length, 4);
  t.equal((await q('until=2000-01-01')).length, 0, 'nothing recorded before 2000');
  const future = new Date(Date.now() + 3_600_000).toISOString();
  t.equal((await q(`since=${encodeURIComponent(future)}`)).length, 0);
});

t.test('key salts and hashes are redacted in the log', async (t) => {
  const { get, auditor } = await ledgerWithHistory(t);
  const keys = (await get('/audit/events?streamType=api-keys', auditor)).json().events as { type: string; data: Record<string, unknown> }[];
  t.ok(keys.length >= 5);
  for (const event of keys.filter((e) => e.type === 'ApiKeyIssued')) {
    t.equal(event.data.salt, '[redacted]');
    t.equal(event.data.hash, '[redacted]');
    t.type(event.data.name, 'string');
  }
});

t.test('JSON Lines: one event per line, continuation in headers', async (t) => {
  const { get, auditor } = await ledgerWithHistory(t);
  const response = await get('/audit/events?streamType=partnership&format=jsonl&limit=3', auditor);
  t.equal(response.statusCode, 200);
  t.match(response.headers['content-type'], /^application\/x-ndjson/);
  const lines = response.body.trimEnd().split('\n').map((line) => JSON.parse(line));
  t.equal(lines.length, 3);
  t.equal(response.headers['x-more'], 'true');
  t.equal(response.headers['x-next-after'], lines[2].position);
});

t.test('events in the log carry the full metadata, hashes included', async (t) => {
  const { get, auditor } = await ledgerWithHistory(t);
  const [event] = (await get('/audit/events?type=ContactEstablished', auditor)).json().events;
  t.match(event.metadata, {
    actor: 'test-editor',
    office: '370200',
    correlationId: String,
    occurredAt: String,
    schemaVersion: 1,
    previousHash: /^[0-9a-f]{64}$/,
    hash: /^[0-9a-f]{64}$/,
  });
});

t.test('bad parameters are a 400 and only auditors and admins may read the audit routes', async (t) => {
  const { get, as, keys } = await ledgerWithHistory(t);
  for (const query of ['after=abc', 'limit=0', 'limit=1001', 'streamType=planet', 'type=Drop%20Table', 'since=yesterday', 'format=xml', 'unknown=1']) {
    const response = await get(`/audit/events?${query}`, as(keys.auditor));
    t.equal(response.statusCode, 400, query);
    t.match(response.headers['content-type'], /application\/problem\+json/);
  }
  t.equal((await get('/audit/verify?stream=Partnership!', as(keys.auditor))).statusCode, 400);
  t.equal((await get('/audit/verify?stream=partnership-nobody', as(keys.auditor))).statusCode, 404, 'an unknown stream');
  for (const url of ['/audit/events', '/audit/verify']) {
    t.equal((await get(url, as(keys.admin))).statusCode, 200, `admin ${url}`);
    t.equal((await get(url, as(keys.auditor))).statusCode, 200, `auditor ${url}`);
    t.equal((await get(url, as(keys.editor))).statusCode, 403, `editor ${url}`);
    t.equal((await get(url, as(keys.viewer))).statusCode, 403, `viewer ${url}`);
    t.equal((await get(url, { authorization: '' })).statusCode, 401, `no key ${url}`);
  }
});

t.test('GET /audit/verify checks every chain or one stream and names an edited event', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'audit-route-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'events.db');
  const { get, auditor, dakar } = await ledgerWithHistory(t, { file });
  const stream = `partnership-${dakar}`;

  const all = (await get('/audit/verify', auditor)).json();
  t.match(all, { ok: true, brokenStreams: 0, broken: [], headsDigest: /^[0-9a-f]{64}$/ });
  // Dakar's pair is listed by its English and its Chinese name, Sacramento's by its English one.
  t.equal(all.streams, 6, 'two partnerships, the three pair lists and the key register');
  t.match((await get(`/audit/verify?stream=${stream}`, auditor)).json(), { stream, ok: true, events: 3, head: { revision: 2 } });

  const disk = new Database(file);
  t.teardown(() => disk.close());
  disk.prepare(`UPDATE events SET data = json_set(data, '$.channel', 'visit') WHERE stream = ? AND revision = 1`).run(stream);
  t.match((await get('/audit/verify', auditor)).json(), {
    ok: false,
    brokenStreams: 1,
    broken: [{ stream, revision: 1, kind: 'content-altered', expected: /^[0-9a-f]{64}$/, found: /^[0-9a-f]{64}$/ }],
  });
  t.match((await get(`/audit/verify?stream=${stream}`, auditor)).json(), { ok: false, broken: { revision: 1 } });

  const progress = await get('/audit/verify?progress=true', auditor);
  t.match(progress.headers['content-type'], /^application\/x-ndjson/);
  const lines = progress.body.trimEnd().split('\n').map((line) => JSON.parse(line));
  t.match(lines.at(0), { progress: { events: Number, streams: 6, broken: 1 } });
  t.match(lines.at(-1), { result: { ok: false, brokenStreams: 1 } });
});
