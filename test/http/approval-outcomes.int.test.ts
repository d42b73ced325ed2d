import t from 'tap';
import { buildTestApp, qingdaoDakar, qingdaoPair } from './harness.ts';

/** A Qingdao sister file granted at city level and waiting for the province's decision. */
async function atProvinceReview(post: Awaited<ReturnType<typeof buildTestApp>>['post'], body: object = qingdaoDakar) {
  const id = (await post('/partnerships', body)).json().id as string;
  for (const [path, body] of [
    ['letter-of-intent', { date: '2021-04-01' }],
    ['approval-requests', { date: '2021-04-10', level: 'city' }],
    ['approval-decisions', { date: '2021-05-01', level: 'city', decision: 'granted', reference: 'QD-2021-12' }],
    ['approval-requests', { date: '2021-05-10', level: 'province' }],
  ] as const) {
    const response = await post(`/partnerships/${id}/${path}`, body);
    if (response.statusCode !== 200) throw new Error(`${path}: ${response.body}`);
  }
  return id;
}

t.test('returned for more material: the grants stand, the office resubmits at the same level', async (t) => {
  const { post, get, expectNewEvents } = await buildTestApp(t);
  const id = await atProvinceReview(post);
  await expectNewEvents(`partnership-${id}`, [
    { type: 'PartnershipProposed' },
    { type: 'LetterOfIntentSigned' },
    { type: 'ApprovalRequested' },
    { type: 'ApprovalGranted' },
    { type: 'ApprovalRequested' },
  ]);

  const withoutReason = await post(`/partnerships/${id}/approval-decisions`, { date: '2021-06-01', level: 'province', decision: 'returned' });
  t.equal(withoutReason.statusCode, 400, 'a return needs a reason');
  t.match(withoutReason.json().errors, [{ path: 'reason', code: 'reason-required' }]);

  const reason = 'The cooperation plan lacks a budget';
  const returned = await post(`/partnerships/${id}/approval-decisions`, { date: '2021-06-01', level: 'province', decision: 'returned', reason });
  t.equal(returned.statusCode, 200);
  await expectNewEvents(`partnership-${id}`, [{ type: 'ApprovalReturned', data: { level: 'province', reason, date: '2021-06-01' } }]);

  const state = (await get(`/partnerships/${id}`)).json().state;
  t.equal(state.status, 'intent_signed', 'the file is back with the office');
  t.match(state.approvals, { granted: [{ level: 'city', reference: 'QD-2021-12' }], pending: null, returned: { level: 'province', on: '2021-06-01', reason, times: 1 } });

  const pipeline = (await get('/dashboards/pipeline?asOf=2021-06-02')).json();
  t.equal(pipeline.returned, 1, 'the pipeline counts the returned file');
  t.match(pipeline.items.find((item: { id: string }) => item.id === id), { awaitingResubmission: true, approvals: { returned: { times: 1, reason } } });

  t.equal((await post(`/partnerships/${id}/letter-of-intent`, { date: '2021-06-05' })).statusCode, 409, 'no new letter of intent is needed or taken');
  const city = await post(`/partnerships/${id}/approval-requests`, { date: '2021-06-10', level: 'city' });
  t.equal(city.statusCode, 409, 'the city level is not asked again');
  t.equal(city.json().code, 'approval-out-of-order');
  t.equal((await post(`/partnerships/${id}/approval-requests`, { date: '2021-06-10', level: 'province' })).statusCode, 200, 'resubmitted at the province level');
  t.equal(
    (await post(`/partnerships/${id}/approval-decisions`, { date: '2021-07-01', level: 'province', decision: 'returned', reason: 'Signatory not named' })).statusCode,
    200,
  );
  t.equal((await post(`/partnerships/${id}/approval-requests`, { date: '2021-07-05', level: 'province' })).statusCode, 200);
  const granted = await post(`/partnerships/${id}/approval-decisions`, { date: '2021-07-20', level: 'province', decision: 'granted', reference: 'LZB-2021-40' });
  t.equal(granted.statusCode, 200);
  const after = (await get(`/partnerships/${id}`)).json().state;
  t.match(after.approvals, {
    granted: [{ level: 'city' }, { level: 'province', reference: 'LZB-2021-40' }],
    returned: { times: 2, reason: 'Signatory not named', on: '2021-07-01' },
  });
  const later = (await get('/dashboards/pipeline?asOf=2021-07-21')).json();
  t.equal(later.returned, 0, 'a resubmitted and granted file no longer waits');
  t.equal(later.items.find((item: { id: string }) => item.id === id).awaitingResubmission, false);
});

t.test('refused: back to negotiation, earlier grants void, the reason readable; rejected is accepted for refused', async (t) => {
  const { post, get, expectNewEvents } = await buildTestApp(t);
  for (const [n, decision] of ['refused', 'rejected'].entries()) {
    const id = await atProvinceReview(post, qingdaoPair(n));
    await expectNewEvents(`partnership-${id}`, [{ type: 'PartnershipProposed' }, { type: 'LetterOfIntentSigned' }, { type: 'ApprovalRequested' }, { type: 'ApprovalGranted' }, { type: 'ApprovalRequested' }]);
    const noReason = await post(`/partnerships/${id}/approval-decisions`, { date: '2021-06-01', level: 'province', decision });
    t.equal(noReason.statusCode, 400, `${decision} needs a reason`);
    const reason = 'The partner city is already tied to a Shandong city';
    const refused = await post(`/partnerships/${id}/approval-decisions`, { date: '2021-06-01', level: 'province', decision, reason, reference: 'LZB-2021-51' });
    t.equal(refused.statusCode, 200);
    await expectNewEvents(`partnership-${id}`, [{ type: 'ApprovalRejected', data: { level: 'province', reason, reference: 'LZB-2021-51' } }], `${decision} is stored as ApprovalRejected`);
    const state = (await get(`/partnerships/${id}`)).json().state;
    t.equal(state.status, 'in_contact');
    t.strictSame(state.approvals.granted, [], 'the city grant is void');
    t.strictSame(state.approvals.refused, { level: 'province', on: '2021-06-01', reason, reference: 'LZB-2021-51' });
    t.equal((await post(`/partnerships/${id}/approval-requests`, { date: '2021-06-10', level: 'city' })).statusCode, 409, 'a new letter of intent comes first');
    t.equal((await post(`/partnerships/${id}/letter-of-intent`, { date: '2021-06-20' })).statusCode, 200);
    t.equal((await post(`/partnerships/${id}/approval-requests`, { date: '2021-06-25', level: 'city' })).statusCode, 200, 'and the approvals start again at the city');
  }
});

t.test('an upgrade to sister needs the sister approvals, asked while the tie stays active, then a new agreement', async (t) => {
  const { post, get, keys, expectNewEvents } = await buildTestApp(t);
  const friendly = { ...qingdaoDakar, kind: 'friendly_cooperation', date: '2015-03-01' };
  const id = (await post('/partnerships', friendly)).json().id as string;
  await post(`/partnerships/${id}/letter-of-intent`, { date: '2015-05-01' });
  const signedOn = { date: '2015-10-01', place: 'Qingdao', signatories: [{ side: 'local', name: 'Zhang' }], documentRef: 'QD-FC-2015-3' };
  t.equal((await post(`/partnerships/${id}/agreement`, signedOn)).statusCode, 200);
  await expectNewEvents(`partnership-${id}`, [{ type: 'PartnershipProposed' }, { type: 'LetterOfIntentSigned' }, { type: 'AgreementSigned' }]);

  const upgrade = { to: 'sister', date: '2021-09-20', place: 'Dakar', signatories: [{ side: 'partner', name: 'Soham El Wardini', title: 'Mayor' }], documentRef: 'QD-SC-2021-8' };
  const early = await post(`/partnerships/${id}/upgrade`, upgrade);
  t.equal(early.statusCode, 409, 'no upgrade without the approvals');
  t.equal(early.json().code, 'approvals-incomplete');
  t.match(early.json().detail, /尚缺：市级、省级、国家级审批$/, 'the answer names the missing levels');
  t.equal((await post(`/partnerships/${id}/upgrade`, { to: 'sister', date: '2021-09-20' })).statusCode, 400, 'the new agreement is part of the upgrade');

  for (const [n, level] of (['city', 'province', 'national'] as const).entries()) {
    t.equal((await post(`/partnerships/${id}/approval-requests`, { level, date: `2021-0${n + 3}-01` })).statusCode, 200, `${level} requested`);
    const status = (await get(`/partnerships/${id}`)).json().state.status;
    t.equal(status, 'active', 'the tie stays active while the upgrade is reviewed');
    const decision = { level, decision: 'granted', reference: `${level}-2021-5`, date: `2021-0${n + 3}-20` };
    t.equal((await post(`/partnerships/${id}/approval-decisions`, decision)).statusCode, 200, `${level} granted`);
  }
  const overviewBefore = (await get('/dashboards/overview?asOf=2021-09-01')).json();
  t.equal(overviewBefore.relationships, 1, 'it keeps counting while the upgrade is under way');

  t.equal((await post(`/partnerships/${id}/upgrade`, upgrade)).statusCode, 200);
  const state = (await get(`/partnerships/${id}`)).json().state;
  t.match(state, { status: 'active', kind: 'sister', upgradedOn: '2021-09-20', upgradeApprovals: { required: ['city', 'province', 'national'], pending: null } });
  t.equal(state.upgradeApprovals.granted.length, 3);

  const history = (await get(`/partnerships/${id}/history`, { authorization: `Bearer ${keys.auditor}` })).json().events;
  const agreements = history.filter((e: { type: string }) => e.type === 'AgreementSigned' || e.type === 'RelationshipUpgraded');
  t.match(
    agreements.map((e: { type: string; data: { place: string; documentRef: string } }) => [e.type, e.data.place, e.data.documentRef]),
    [
      ['AgreementSigned', 'Qingdao', 'QD-FC-2015-3'],
      ['RelationshipUpgraded', 'Dakar', 'QD-SC-2021-8'],
    ],
    'the history shows both agreements',
  );
  const before = (await get('/dashboards/overview?asOf=2021-09-19')).json();
  const after = (await get('/dashboards/overview?asOf=2021-09-20')).json();
  t.equal(before.byKind.friendly_cooperation, 1);
  t.equal(after.byKind.sister, 1, 'counted by its current kind from the upgrade');
  t.equal(after.byKind.friendly_cooperation, 0);
  t.equal((await post(`/partnerships/${id}/approval-requests`, { level: 'city', date: '2021-10-01' })).json().code, 'upgrade-not-allowed', 'a sister tie asks for no more approvals');
});
