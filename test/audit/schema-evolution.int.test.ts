import { randomUUID } from 'node:crypto';
import t from 'tap';
import { buildTestApp, jinanFriendly } from '../http/harness.ts';

/**
 * ActivityRecorded was stored at schema version 1 with `leaderRank` as the
 * office typed it. These tests store events of that older shape and read
 * them through every reader: the command handler, the projections and the
 * audit log. Stored bytes are never rewritten.
 */
t.test('activities stored in the version 1 shape are read in the current shape everywhere', async (t) => {
  const { app, post, get, store, keys } = await buildTestApp(t);
  const auditor = { authorization: `Bearer ${keys.auditor}` };
  const id = (await post('/partnerships', jinanFriendly)).json().id as string;
  await post(`/partnerships/${id}/letter-of-intent`, { date: '2021-06-01' });
  const signed = await post(`/partnerships/${id}/agreement`, { date: '2021-07-01', place: 'Jinan', signatories: [{ side: 'local', name: 'A' }] });
  const stream = `partnership-${id}`;

  const v1 = (date: string, title: string, leaderRank?: string) => ({
    id: randomUUID(),
    type: 'ActivityRecorded',
    data: {
      partnershipId: id,
      date,
      activityId: randomUUID(),
      type: 'culture',
      direction: 'outgoing',
      title,
      participants: 10,
      ...(leaderRank !== undefined && { leaderRank }),
      outcomes: [],
    },
    metadata: { actor: 'legacy-import', correlationId: randomUUID(), occurredAt: '2021-09-01T00:00:00.000Z', schemaVersion: 1 },
  });
  await store.append(
    stream,
    [v1('2021-08-01', 'Governor-led visit', 'Vice Governor'), v1('2021-08-15', 'Mayors forum', 'vice_mayor'), v1('2021-08-20', 'Youth camp')],
    { expectedRevision: signed.json().revision },
  );

  // The handler folds the older events and decides on top of them.
  const recorded = await post(`/partnerships/${id}/activities`, {
    date: '2021-09-12',
    type: 'trade_investment',
    direction: 'incoming',
    title: 'Trade fair',
    participants: 30,
    leaderRank: 'Vice Governor',
  });
  t.equal(recorded.statusCode, 200, recorded.body);
  const state = (await get(`/partnerships/${id}`)).json().state;
  t.equal(state.activityCount, 4, 'all four activities are in the state');

  // The projections see one spelling per rank, and the wording beside it.
  const timeline = (await get(`/dashboards/timeline?partnershipId=${id}&minPosition=${recorded.json().position}`)).json();
  t.same(
    timeline.items.map((a: { title: string; leaderRank?: string; leaderTitle?: string }) => [a.title, a.leaderRank, a.leaderTitle]),
    [
      ['Trade fair', 'vice-governor', 'Vice Governor'],
      ['Youth camp', undefined, undefined],
      ['Mayors forum', 'vice-mayor', 'vice_mayor'],
      ['Governor-led visit', 'vice-governor', 'Vice Governor'],
    ],
  );

  // The audit log shows the current shape and says which were upcast.
  const log = (await get('/audit/events?type=ActivityRecorded', auditor)).json().events;
  t.match(log.map((e: { metadata: object }) => e.metadata), [
    { schemaVersion: 2, storedSchemaVersion: 1, actor: 'legacy-import' },
    { schemaVersion: 2, storedSchemaVersion: 1 },
    { schemaVersion: 2, storedSchemaVersion: 1 },
    { schemaVersion: 2, actor: 'test-editor' },
  ]);
  t.notOk('storedSchemaVersion' in log[3].metadata, 'a current event is not marked as upcast');
  t.equal(log[0].data.leaderTitle, 'Vice Governor');

  // The store still holds the bytes as written, and the chain over them holds.
  const stored = await store.stored.readStream(stream, { fromRevision: 3, maxCount: 1 });
  t.equal(stored[0]?.data.leaderRank, 'Vice Governor');
  t.notOk('leaderTitle' in (stored[0]?.data ?? {}));
  t.equal(stored[0]?.metadata.schemaVersion, 1);
  t.match((await app.inject({ url: `/audit/verify?stream=${stream}`, headers: auditor })).json(), { ok: true, events: 7 });
});
