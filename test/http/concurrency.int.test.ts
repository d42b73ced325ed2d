import t from 'tap';
import { partnershipStream } from '../../commands/partnership/index.ts';
import { buildTestApp, jinanFriendly } from './harness.ts';

const activity = (n: number) => ({
  date: '2021-06-01',
  type: 'culture',
  direction: 'joint',
  title: `Exchange ${n}`,
  participants: n,
});

async function activePartnership(post: Awaited<ReturnType<typeof buildTestApp>>['post']) {
  const id = (await post('/partnerships', jinanFriendly)).json().id as string;
  await post(`/partnerships/${id}/letter-of-intent`, { date: '2020-06-01' });
  const signed = await post(`/partnerships/${id}/agreement`, {
    date: '2020-07-01',
    place: 'Jinan',
    signatories: [{ side: 'local', name: 'A' }],
  });
  return { id, revision: signed.json().revision as number };
}

t.test('If-Match makes a write conditional: a stale revision is a 412 and appends nothing', async (t) => {
  const { post, eventCount } = await buildTestApp(t);
  const { id, revision } = await activePartnership(post);
  t.equal(revision, 2);

  const ok = await post(`/partnerships/${id}/activities`, activity(1), { 'if-match': '"2"' });
  t.equal(ok.statusCode, 200);
  t.equal(ok.headers.etag, '"3"');

  const before = await eventCount();
  const stale = await post(`/partnerships/${id}/activities`, activity(2), { 'if-match': '"2"' });
  t.equal(stale.statusCode, 412);
  t.equal(stale.json().code, 'precondition-failed');
  t.equal(stale.headers.etag, '"3"', 'the 412 tells the current revision');
  t.equal(await eventCount(), before);

  const weak = await post(`/partnerships/${id}/activities`, activity(3), { 'if-match': 'W/"3"' });
  t.equal(weak.statusCode, 412, 'a weak entity tag never matches (RFC 9110 strong comparison)');
  t.equal(weak.json().code, 'precondition-failed');
  t.equal(weak.json().detail, 'If-Match W/"3" 是弱实体标签，永远不会匹配；请发送 "3"', 'in Chinese by default');
  t.equal(await eventCount(), before);
});

t.test('without If-Match, concurrent writes to one stream all land with contiguous revisions', async (t) => {
  const { post, get, keys } = await buildTestApp(t);
  const { id } = await activePartnership(post);
  const responses = await Promise.all(Array.from({ length: 50 }, (_, n) => post(`/partnerships/${id}/activities`, activity(n))));
  t.ok(responses.every((r) => r.statusCode === 200), 'all 50 recorded');
  t.same(
    responses.map((r) => r.json().revision).sort((a: number, b: number) => a - b),
    Array.from({ length: 50 }, (_, n) => n + 3),
  );
  const events = (await get(`/partnerships/${id}/history`, { authorization: `Bearer ${keys.auditor}` })).json().events as { revision: number }[];
  t.same(events.map((e) => e.revision), Array.from({ length: 53 }, (_, n) => n));
});

t.test('concurrent agreements with If-Match: exactly one wins', async (t) => {
  const { post, get, keys } = await buildTestApp(t);
  const id = (await post('/partnerships', jinanFriendly)).json().id as string;
  await post(`/partnerships/${id}/letter-of-intent`, { date: '2020-06-01' });
  const agreement = { date: '2020-07-01', place: 'Jinan', signatories: [{ side: 'local', name: 'A' }] };
  const responses = await Promise.all(
    Array.from({ length: 20 }, () => post(`/partnerships/${id}/agreement`, agreement, { 'if-match': '"1"' })),
  );
  t.equal(responses.filter((r) => r.statusCode === 200).length, 1);
  t.ok(responses.every((r) => [200, 409, 412].includes(r.statusCode)));
  const types = ((await get(`/partnerships/${id}/history`, { authorization: `Bearer ${keys.auditor}` })).json().events as { type: string }[]).map((e) => e.type);
  t.equal(types.filter((type) => type === 'AgreementSigned').length, 1);
});

t.test('Idempotency-Key: a retry answers the first response and appends nothing', async (t) => {
  const { post, eventCount } = await buildTestApp(t);
  const headers = { 'idempotency-key': 'proposal-2021-0007' };
  const first = await post('/partnerships', jinanFriendly, headers);
  t.equal(first.statusCode, 201);
  const retry = await post('/partnerships', { ...jinanFriendly }, headers);
  t.equal(retry.statusCode, 201);
  t.same(retry.json(), first.json(), 'same answer, same id');
  t.equal(retry.headers['idempotent-replayed'], 'true');
  t.equal(await eventCount(), 1);

  const other = await post('/partnerships', { ...jinanFriendly, date: '2020-05-11' }, headers);
  t.equal(other.statusCode, 422);
  t.equal(other.json().code, 'idempotency-key-reused');
  t.equal(await eventCount(), 1);

  const id = first.json().id;
  const activityHeaders = { 'idempotency-key': 'loi-1' };
  const loi = await post(`/partnerships/${id}/letter-of-intent`, { date: '2020-06-01' }, activityHeaders);
  const loiRetry = await post(`/partnerships/${id}/letter-of-intent`, { date: '2020-06-01' }, activityHeaders);
  t.equal(loi.statusCode, 200);
  t.same(loiRetry.json(), loi.json(), 'a retried state change is not re-judged against the new state');
  t.equal(await eventCount(), 2);
});

t.test('an Idempotency-Key is its actor’s own: another key is judged as a new request and never learns the key was used', async (t) => {
  const { post, keys, expectNewEvents } = await buildTestApp(t);
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
  const issued = await post('/admin/keys', { name: 'jinan-editor', role: 'editor', offices: ['370100'] }, bearer(keys.admin));
  const jinanEditor = bearer(issued.json().key as string);
  const { id } = await activePartnership(post);
  const stream = partnershipStream(id);
  await expectNewEvents(stream, [{ type: 'PartnershipProposed' }, { type: 'LetterOfIntentSigned' }, { type: 'AgreementSigned' }]);
  const url = `/partnerships/${id}/activities`;
  const key = { 'idempotency-key': 'jn-key-1' };

  const first = await post(url, activity(1), { ...jinanEditor, ...key });
  t.equal(first.statusCode, 200, 'the Jinan editor records an activity of a Jinan partnership');
  await expectNewEvents(stream, [{ type: 'ActivityRecorded', data: { title: 'Exchange 1' } }]);

  const sameBody = await post(url, activity(1), { ...bearer(keys.qingdaoEditor), ...key });
  t.equal(sameBody.statusCode, 403, 'the same key and body from Qingdao is refused, not replayed');
  t.equal(sameBody.json().code, 'forbidden');
  t.notOk(sameBody.headers['idempotent-replayed']);
  const otherBody = await post(url, activity(2), { ...bearer(keys.qingdaoEditor), ...key });
  t.equal(otherBody.statusCode, 403, 'another body from Qingdao is the same 403, not a 422 that tells the key was used');
  t.equal(otherBody.json().code, 'forbidden');
  await expectNewEvents(stream, [], 'the refused requests appended nothing');

  const colleague = await post(url, activity(1), key);
  t.equal(colleague.statusCode, 200, 'an editor who may write there makes a new write with the same key');
  t.notOk(colleague.headers['idempotent-replayed']);
  t.equal(colleague.json().revision, first.json().revision + 1);
  await expectNewEvents(stream, [{ type: 'ActivityRecorded', data: { title: 'Exchange 1' } }]);
  const colleagueOther = await post(url, activity(3), key);
  t.equal(colleagueOther.statusCode, 422, 'its own key with another body is its own reuse');

  const retry = await post(url, activity(1), { ...jinanEditor, ...key });
  t.equal(retry.statusCode, 200);
  t.equal(retry.headers['idempotent-replayed'], 'true', 'the Jinan editor’s retry still answers its first response');
  t.same(retry.json(), first.json());
  await expectNewEvents(stream, []);
});

t.test('concurrent retries with one Idempotency-Key append once', async (t) => {
  const { post, eventCount } = await buildTestApp(t);
  const { id } = await activePartnership(post);
  const before = await eventCount();
  const responses = await Promise.all(
    Array.from({ length: 10 }, () => post(`/partnerships/${id}/activities`, activity(7), { 'idempotency-key': 'act-7' })),
  );
  t.ok(responses.every((r) => r.statusCode === 200));
  t.equal(new Set(responses.map((r) => r.json().revision)).size, 1);
  t.equal(await eventCount(), before + 1);
});
