import t from 'tap';
import { buildTestApp, qingdaoDakar } from './harness.ts';

t.test('a mistyped partner is corrected by a new event: the register reads the correction on every day, the history keeps both', async (t) => {
  const { post, get, keys, eventCount } = await buildTestApp(t);
  const auditor = { authorization: `Bearer ${keys.auditor}` };
  const proposed = await post('/partnerships', { ...qingdaoDakar, partner: { nameEn: 'Dakkar', nameZh: '达卡尔', country: 'SN', level: 'city' }, date: '2021-03-01' });
  const id = proposed.json().id as string;
  await post(`/partnerships/${id}/letter-of-intent`, { date: '2021-04-01' });
  const before = await eventCount();

  const noReason = await post(`/partnerships/${id}/corrections`, { partner: { nameEn: 'Dakar' } });
  t.equal(noReason.statusCode, 400, 'a correction gives its reason');
  const empty = await post(`/partnerships/${id}/corrections`, { partner: {}, reason: 'nothing' });
  t.equal(empty.statusCode, 400);
  t.match(empty.json().errors, [{ code: 'nothing-to-correct', message: '须至少更正 nameZh、nameEn、nameNative 或 level 中的一项' }]);
  const otherOffice = await post(`/partnerships/${id}/corrections`, { partner: { nameEn: 'Dakar' }, reason: 'typo' }, { authorization: `Bearer ${(await post('/admin/keys', { name: 'jinan-oa', role: 'editor', offices: ['370100'] }, { authorization: `Bearer ${keys.admin}` })).json().key}` });
  t.equal(otherOffice.statusCode, 403, 'only the partnership’s own office corrects it');
  t.equal(await eventCount(), before, 'nothing appended by the refused corrections');

  const corrected = await post(`/partnerships/${id}/corrections`, { partner: { nameEn: 'Dakar', nameZh: '达喀尔' }, reason: 'mistyped at entry', date: '2021-11-20' });
  t.equal(corrected.statusCode, 200, corrected.body);
  const position = corrected.json().position as string;
  const state = (await get(`/partnerships/${id}`)).json().state;
  t.match(state.partner, { nameEn: 'Dakar', nameZh: '达喀尔', country: 'SN' });
  t.equal(state.status, 'intent_signed', 'a correction is not a step of the lifecycle');

  const register = (await get(`/partnerships?text=达喀尔&minPosition=${position}`)).json();
  t.same(register.items.map((item: { id: string }) => item.id), [id], 'found by the corrected name');
  t.match(register.items[0], { partner: { nameEn: 'Dakar', nameZh: '达喀尔' }, status: 'intent_signed' });
  t.same((await get('/partnerships?text=Dakkar')).json().items, [], 'not by the mistyped one');
  const asOfSpring = (await get('/partnerships?asOf=2021-04-15&text=Dakar')).json();
  t.match(asOfSpring.items, [{ id, partner: { nameEn: 'Dakar' }, status: 'intent_signed' }], 'the corrected name on earlier days too');

  const again = await post(`/partnerships/${id}/corrections`, { partner: { nameEn: 'Dakar' }, reason: 'once more' });
  t.equal(again.statusCode, 200);
  t.equal(again.json().revision, corrected.json().revision, 'a correction to what is already recorded appends nothing');

  const history = (await get(`/partnerships/${id}/history`, auditor)).json().events as { type: string; data: Record<string, unknown>; changes: unknown[] }[];
  const correction = history.at(-1);
  t.equal(correction?.type, 'PartnershipRecordCorrected');
  t.match(correction?.data, { reason: 'mistyped at entry', partner: { nameEn: 'Dakar', nameZh: '达喀尔' }, previous: { nameEn: 'Dakkar', nameZh: '达卡尔' } });
  t.same(
    new Set(correction?.changes.map((change) => JSON.stringify(change))),
    new Set([
      JSON.stringify({ path: 'partner.nameEn', op: 'changed', before: 'Dakkar', after: 'Dakar' }),
      JSON.stringify({ path: 'partner.nameZh', op: 'changed', before: '达卡尔', after: '达喀尔' }),
    ]),
    'before and after of each corrected field',
  );
  t.equal(history[0]?.data.partner && (history[0].data.partner as { nameEn: string }).nameEn, 'Dakkar', 'the proposal still reads as it was recorded');

  const duplicate = await post('/partnerships', qingdaoDakar);
  t.equal(duplicate.statusCode, 409, 'the corrected pair is known: proposing it again is a duplicate');
  t.equal(duplicate.json().code, 'duplicate-partnership');
  t.match(duplicate.json().detail, id);
});

t.test('a correction that would make the record a live pair of another is refused', async (t) => {
  const { post } = await buildTestApp(t);
  const first = (await post('/partnerships', qingdaoDakar)).json().id as string;
  const second = (await post('/partnerships', { ...qingdaoDakar, partner: { nameEn: 'Thies', country: 'SN', level: 'city' } })).json().id as string;
  const clash = await post(`/partnerships/${second}/corrections`, { partner: { nameEn: 'Dakar' }, reason: 'thought it was Dakar' });
  t.equal(clash.statusCode, 409);
  t.equal(clash.json().code, 'duplicate-partnership');
  t.match(clash.json().detail, first);
});

t.test('as known before the correction, the register still reads what was recorded then', async (t) => {
  const { post, get } = await buildTestApp(t);
  const id = (await post('/partnerships', { ...qingdaoDakar, partner: { nameEn: 'Dakkar', country: 'SN', level: 'city' }, date: '2021-03-01' })).json().id as string;
  const recorded = (await get(`/partnerships/${id}`)).json().updatedAt as string;
  await new Promise((resolve) => setTimeout(resolve, 20));
  const corrected = await post(`/partnerships/${id}/corrections`, { partner: { nameEn: 'Dakar' }, reason: 'mistyped' });
  const position = corrected.json().position as string;
  t.match((await get(`/partnerships?text=Dakar&minPosition=${position}`)).json().items, [{ id, partner: { nameEn: 'Dakar' } }]);
  const known = (await get(`/partnerships?text=Dakkar&knownAt=${encodeURIComponent(recorded)}`)).json();
  t.match(known.items, [{ id, partner: { nameEn: 'Dakkar' } }], 'as known when the proposal was recorded: the old name');
});
