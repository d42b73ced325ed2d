import t from 'tap';
import { buildTestApp, qingdaoDakar } from './harness.ts';

/** A Qingdao sister file granted at city level and waiting for the province's decision. */
async function atProvinceReview(post: Awaited<ReturnType<typeof buildTestApp>>['post']) {
  const id = (await post('/partnerships', qingdaoDakar)).json().id as string;
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
  for (const decision of ['refused', 'rejected']) {
    const id = await atProvinceReview(post);
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
