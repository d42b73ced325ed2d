import t from 'tap';
import { buildTestApp, qingdaoDakar } from './harness.ts';

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

t.test('the city decides its own level; the province office records the province and national decisions', async (t) => {
  const { post, get, keys } = await buildTestApp(t);
  const qingdao = bearer(keys.qingdaoEditor);
  const issued = await post('/admin/keys', { name: 'province-editor', role: 'editor', offices: ['370000'] }, bearer(keys.admin));
  const province = bearer(issued.json().key);
  const id = (await post('/partnerships', qingdaoDakar, qingdao)).json().id;
  for (const [path, body] of [
    ['contact', { date: '2021-03-10' }],
    ['letter-of-intent', { date: '2021-04-01' }],
    ['approval-requests', { date: '2021-04-10', level: 'city' }],
    ['approval-decisions', { date: '2021-05-01', level: 'city', decision: 'granted', reference: 'QD-2021-12' }],
    ['approval-requests', { date: '2021-05-10', level: 'province' }],
  ] as const) {
    t.equal((await post(`/partnerships/${id}/${path}`, body, qingdao)).statusCode, 200, `the Qingdao office records ${path}`);
  }

  const decision = { date: '2021-06-01', level: 'province', decision: 'granted', reference: 'LZB-2021-31' };
  const byCity = await post(`/partnerships/${id}/approval-decisions`, decision, qingdao);
  t.equal(byCity.statusCode, 403, 'a city editor may not record the province-level decision');
  t.equal(byCity.json().code, 'forbidden');
  t.match(byCity.json().detail, /^省级审批结果由单位 370000（省外办）记录；密钥 qingdao-editor 不代表该单位$/, 'in Chinese by default');
  const english = await post(`/partnerships/${id}/approval-decisions`, decision, { ...qingdao, 'accept-language': 'en' });
  t.match(english.json().detail, /province-level approval decision is recorded by office 370000/, 'in English on request');

  const noReference = await post(`/partnerships/${id}/approval-decisions`, { ...decision, reference: undefined }, province);
  t.equal(noReference.statusCode, 400, 'a province grant without its document reference is refused');
  t.equal(noReference.json().code, 'reference-required');
  t.match(noReference.json().errors, [{ path: 'reference', code: 'reference-required' }]);

  const before = (await get(`/partnerships/${id}`)).json().revision;
  const byProvince = await post(`/partnerships/${id}/approval-decisions`, decision, province);
  t.equal(byProvince.statusCode, 200, 'the province office records it on a Qingdao file');
  t.equal(byProvince.json().revision, before + 1, 'the refused attempts appended nothing');

  t.equal((await post(`/partnerships/${id}/approval-requests`, { date: '2021-06-10', level: 'national' }, qingdao)).statusCode, 200);
  const national = { date: '2021-09-01', level: 'national', decision: 'granted', reference: 'WB-2021-88' };
  const nationalByCity = await post(`/partnerships/${id}/approval-decisions`, national, qingdao);
  t.equal(nationalByCity.statusCode, 403, 'nor the national decision');
  t.match(nationalByCity.json().detail, /^国家级审批结果/);
  t.equal((await post(`/partnerships/${id}/approval-decisions`, national, province)).statusCode, 200);

  const history = (await get(`/partnerships/${id}/history`, bearer(keys.admin))).json().events;
  const granted = history.filter((e: { type: string }) => e.type === 'ApprovalGranted');
  t.match(
    granted.map((e: { data: { level: string; reference?: string }; metadata: { actor: string; office?: string } }) => [e.data.level, e.data.reference, e.metadata.actor, e.metadata.office]),
    [
      ['city', 'QD-2021-12', 'qingdao-editor', '370200'],
      ['province', 'LZB-2021-31', 'province-editor', '370000'],
      ['national', 'WB-2021-88', 'province-editor', '370000'],
    ],
    'each decision names the office that recorded it',
  );

  const otherWrite = await post(`/partnerships/${id}/agreement`, { date: '2021-10-01', place: 'Qingdao', signatories: [{ side: 'local', name: 'Zhao' }] }, province);
  t.equal(otherWrite.statusCode, 403, "the province office's other writes stay within its own offices");
  t.equal((await post(`/partnerships/${id}/approval-decisions`, national, bearer(keys.admin))).statusCode, 409, 'an admin may record decisions (this one is no longer pending)');
});

t.test('a sister tie is ended by the province office on a document; friendly cooperation by its own office', async (t) => {
  const { post, get, keys } = await buildTestApp(t);
  const qingdao = bearer(keys.qingdaoEditor);
  const province = bearer((await post('/admin/keys', { name: 'province-editor', role: 'editor', offices: ['370000'] }, bearer(keys.admin))).json().key);
  const sign = { date: '2019-10-01', place: 'Qingdao', signatories: [{ side: 'local', name: 'Zhao' }] };

  const sister = (await post('/partnerships', { ...qingdaoDakar, date: '2019-01-10' }, bearer(keys.admin))).json().id;
  await post(`/partnerships/${sister}/letter-of-intent`, { date: '2019-02-01' }, bearer(keys.admin));
  for (const [n, level] of (['city', 'province', 'national'] as const).entries()) {
    await post(`/partnerships/${sister}/approval-requests`, { level, date: `2019-0${n + 3}-01` }, bearer(keys.admin));
    await post(`/partnerships/${sister}/approval-decisions`, { level, decision: 'granted', reference: `${level}-2019`, date: `2019-0${n + 3}-20` }, bearer(keys.admin));
  }
  t.equal((await post(`/partnerships/${sister}/agreement`, sign, bearer(keys.admin))).statusCode, 200);

  const ending = { date: '2021-05-01', reason: 'The partner city was merged into a larger municipality' };
  const byCity = await post(`/partnerships/${sister}/termination`, { ...ending, reference: 'QD-2021-1' }, qingdao);
  t.equal(byCity.statusCode, 403, 'the city may not end a sister tie');
  t.match(byCity.json().detail, /^终止友好城市（友好省州）关系由单位 370000（省外办）记录/);
  const noReference = await post(`/partnerships/${sister}/termination`, ending, province);
  t.equal(noReference.statusCode, 400);
  t.equal(noReference.json().code, 'reference-required');
  t.equal((await get(`/partnerships/${sister}`)).json().state.status, 'active', 'the refused attempts changed nothing');
  t.equal((await post(`/partnerships/${sister}/termination`, { ...ending, reference: 'LZB-2021-77' }, province)).statusCode, 200);
  const seen = (await get(`/partnerships/${sister}`, bearer(keys.viewer))).json().state;
  t.equal(seen.status, 'terminated');
  t.match(
    seen,
    {
      approvals: { granted: [{ level: 'city', reference: 'city-2019' }, { level: 'province', reference: 'province-2019' }, { level: 'national', reference: 'national-2019' }] },
      recorded: {
        agreement: { on: '2019-10-01', place: 'Qingdao', signatories: [{ side: 'local', name: 'Zhao' }] },
        termination: { on: '2021-05-01', reason: ending.reason, reference: 'LZB-2021-77' },
      },
    },
    'a viewer reads the agreement, the approval references and why the tie ended',
  );

  const friendly = (await post('/partnerships', { ...qingdaoDakar, kind: 'friendly_cooperation', date: '2019-01-10' }, qingdao)).json().id;
  await post(`/partnerships/${friendly}/letter-of-intent`, { date: '2019-02-01' }, qingdao);
  t.equal((await post(`/partnerships/${friendly}/agreement`, sign, qingdao)).statusCode, 200);
  t.equal((await post(`/partnerships/${friendly}/termination`, { date: '2021-05-01' }, qingdao)).statusCode, 400, 'a reason is needed');
  t.equal((await post(`/partnerships/${friendly}/termination`, ending, qingdao)).statusCode, 200, 'friendly cooperation is ended by its own office');
});
