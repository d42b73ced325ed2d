import t from 'tap';
import { buildTestApp, jinanFriendly, qingdaoDakar } from './harness.ts';

t.test('a sister partnership from proposal to signed agreement and activities', async (t) => {
  const { post, get, keys, expectNewEvents } = await buildTestApp(t);

  const proposed = await post('/partnerships', qingdaoDakar);
  t.equal(proposed.statusCode, 201, proposed.body);
  const { id, revision, position } = proposed.json();
  t.match(id, /^[0-9a-f-]{36}$/);
  t.equal(revision, 0);
  t.type(position, 'string');
  t.equal(proposed.headers.etag, '"0"');
  const stream = `partnership-${id}`;
  await expectNewEvents(stream, [
    {
      type: 'PartnershipProposed',
      data: {
        partnershipId: id,
        kind: 'sister',
        date: '2021-03-01',
        local: { divisionCode: '370200', cityCode: '370200', level: 'city', nameEn: 'Qingdao', nameZh: '青岛市' },
        partner: qingdaoDakar.partner,
        approvalsRequired: ['city', 'province', 'national'],
      },
    },
  ]);

  const steps: [string, object, string][] = [
    ['contact', { date: '2021-04-02', channel: 'video' }, 'ContactEstablished'],
    ['letter-of-intent', { date: '2021-05-20', documentRef: 'LOI-2021-3' }, 'LetterOfIntentSigned'],
    ['approval-requests', { date: '2021-06-01', level: 'city' }, 'ApprovalRequested'],
    ['approval-decisions', { date: '2021-06-15', level: 'city', decision: 'granted', reference: 'QD-2021-88' }, 'ApprovalGranted'],
    ['approval-requests', { date: '2021-06-20', level: 'province' }, 'ApprovalRequested'],
    ['approval-decisions', { date: '2021-07-15', level: 'province', decision: 'granted', reference: 'SD-FAO-2021-17' }, 'ApprovalGranted'],
    ['approval-requests', { date: '2021-07-20', level: 'national' }, 'ApprovalRequested'],
    ['approval-decisions', { date: '2021-09-01', level: 'national', decision: 'granted', reference: 'WB-2021-204' }, 'ApprovalGranted'],
    [
      'agreement',
      {
        date: '2021-10-18',
        place: 'Qingdao',
        signatories: [
          { side: 'local', name: 'Zhao Haozhi', title: 'Mayor' },
          { side: 'partner', name: 'Barthélémy Dias', title: 'Mayor' },
        ],
        documentRef: 'SD-FAO-2021-017',
      },
      'AgreementSigned',
    ],
    ['activities', { date: '2021-11-02', type: 'culture', direction: 'outgoing', title: 'Qingdao week in Dakar', participants: 40 }, 'ActivityRecorded'],
    ['activities', { date: '2021-11-20', type: 'education', direction: 'incoming', title: 'Teacher exchange', participants: 12, outcomes: [{ description: 'Two school twinning agreements' }] }, 'ActivityRecorded'],
    ['activities', { date: '2021-12-01', type: 'online_meeting', direction: 'online', title: 'Port logistics webinar', participants: 80, audience: 2000 }, 'ActivityRecorded'],
  ];
  let expected = 0;
  for (const [action, body, type] of steps) {
    const response = await post(`/partnerships/${id}/${action}`, body);
    expected++;
    t.equal(response.statusCode, 200, `${action}: ${response.body}`);
    t.equal(response.json().revision, expected, `${action} advances the revision`);
    t.equal(response.headers.etag, `"${expected}"`);
    // What the body said is in the event; the decision itself is its type.
    const { decision: _decision, ...facts } = body as Record<string, unknown>;
    await expectNewEvents(stream, [{ type, data: { partnershipId: id, ...facts } }], `${action} appends ${type}`);
  }

  const current = await get(`/partnerships/${id}`);
  t.equal(current.statusCode, 200);
  t.equal(current.json().state.status, 'active');
  t.equal(current.json().revision, expected);
  t.equal(current.headers.etag, `"${expected}"`);

  const past = await get(`/partnerships/${id}?revision=2`);
  t.equal(past.json().state.status, 'intent_signed', 'a past revision shows the state then');

  // Histories are the audit trail: auditors and admins read them, editors do not.
  const history = await get(`/partnerships/${id}/history`, { authorization: `Bearer ${keys.auditor}` });
  t.equal(history.statusCode, 200);
  const events = history.json().events as { type: string; revision: number; data: Record<string, unknown>; metadata: { actor: string; office: string; correlationId: string } }[];
  t.equal(events.length, expected + 1);
  t.same(
    events.map((e) => e.type),
    [
      'PartnershipProposed',
      'ContactEstablished',
      'LetterOfIntentSigned',
      'ApprovalRequested',
      'ApprovalGranted',
      'ApprovalRequested',
      'ApprovalGranted',
      'ApprovalRequested',
      'ApprovalGranted',
      'AgreementSigned',
      'ActivityRecorded',
      'ActivityRecorded',
      'ActivityRecorded',
    ],
  );
  const officeOf = (e: (typeof events)[number]) =>
    e.type === 'ApprovalGranted' && e.data.level !== 'city' ? '370000' : '370200';
  t.ok(events.every((e) => e.metadata.actor === 'test-editor' && e.metadata.office === officeOf(e)), 'every event names its actor and office');
  t.ok(events.every((e) => typeof e.metadata.correlationId === 'string' && e.metadata.correlationId.length > 0));
});

t.test('a client may choose the id; a second proposal with it is a conflict', async (t) => {
  const { post, get } = await buildTestApp(t);
  const id = '6f1c2c8e-8d1e-4c53-9a53-0f7d1b1f4a11';
  const first = await post('/partnerships', { ...qingdaoDakar, id });
  t.equal(first.statusCode, 201);
  t.equal(first.json().id, id);
  const again = await post('/partnerships', { ...qingdaoDakar, id });
  t.equal(again.statusCode, 409);
  t.equal((await get(`/partnerships/${id}`)).json().revision, 0);
});

t.test('unknown partnerships are 404 problems', async (t) => {
  const { post, get, keys } = await buildTestApp(t);
  const missing = '00000000-0000-4000-8000-000000000000';
  for (const response of [
    await get(`/partnerships/${missing}`),
    await get(`/partnerships/${missing}/history`, { authorization: `Bearer ${keys.auditor}` }),
    await post(`/partnerships/${missing}/contact`, {}),
  ]) {
    t.equal(response.statusCode, 404);
    t.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
    t.equal(response.json().code, 'not-found');
  }
});

t.test('projects and campaigns are written and read the same way', async (t) => {
  const { post, get, keys, expectNewEvents } = await buildTestApp(t);
  const partnership = (await post('/partnerships', qingdaoDakar)).json().id;

  const planned = await post('/projects', {
    title: 'Dakar port logistics training centre',
    sector: 'port_logistics',
    partnershipIds: [partnership],
    leadOffice: '370200',
    plannedStart: '2022-01-01',
    plannedEnd: '2023-06-30',
    budget: { amount: 1200000, currency: 'CNY' },
    date: '2021-11-01',
  });
  t.equal(planned.statusCode, 201, planned.body);
  const project = planned.json().id;
  const projectStream = `project-${project}`;
  await expectNewEvents(projectStream, [
    { type: 'ProjectPlanned', data: { projectId: project, leadOffice: '370200', leadOfficeCity: '370200', partnershipIds: [partnership] } },
  ]);
  t.equal((await post(`/projects/${project}/start`, { date: '2021-11-20' })).statusCode, 200);
  t.equal((await post(`/projects/${project}/milestones`, { date: '2021-11-25', title: 'Curriculum agreed' })).statusCode, 200);
  t.equal((await post(`/projects/${project}/completion`, { date: '2021-12-01' })).statusCode, 200);
  await expectNewEvents(projectStream, [
    { type: 'ProjectStarted', data: { date: '2021-11-20' } },
    { type: 'MilestoneRecorded', data: { date: '2021-11-25', title: 'Curriculum agreed', planned: false } },
    { type: 'ProjectCompleted', data: { date: '2021-12-01' } },
  ]);
  t.equal((await post(`/projects/${project}/cancellation`, { date: '2021-12-02', reason: 'late' })).statusCode, 409);
  await expectNewEvents(projectStream, [], 'a refused cancellation appends nothing');
  t.equal((await get(`/projects/${project}`)).json().state.status, 'completed');
  t.equal((await get(`/projects/${project}/history`, { authorization: `Bearer ${keys.auditor}` })).json().events.length, 4);

  const launched = await post('/campaigns', {
    name: 'Activate Friendship Cities 2021',
    startsOn: '2021-03-01',
    endsOn: '2021-12-31',
    targets: { reservePairs: 168, plannedProjects: 127 },
    date: '2021-03-01',
  });
  t.equal(launched.statusCode, 201, launched.body);
  const campaign = launched.json().id;
  const campaignStream = `campaign-${campaign}`;
  // Only a signed tie takes part in a campaign.
  const tie = (await post('/partnerships', { ...jinanFriendly, date: '2020-05-10' })).json().id;
  await post(`/partnerships/${tie}/letter-of-intent`, { date: '2020-06-01' });
  await post(`/partnerships/${tie}/agreement`, { date: '2020-07-01', place: 'Jinan', signatories: [{ side: 'local', name: 'Sun' }] });
  t.equal((await post(`/campaigns/${campaign}/enrollments`, { partnershipId: partnership, date: '2021-04-01' })).statusCode, 409, 'a candidate is not enrolled');
  t.equal((await post(`/campaigns/${campaign}/enrollments`, { partnershipId: tie, date: '2021-04-01' })).statusCode, 200);
  t.equal((await post(`/campaigns/${campaign}/enrollments`, { partnershipId: tie, date: '2021-04-01' })).statusCode, 409);
  await expectNewEvents(campaignStream, [
    { type: 'CampaignLaunched', data: { name: 'Activate Friendship Cities 2021', targets: { reservePairs: 168, plannedProjects: 127 } } },
    { type: 'PartnershipEnrolled', data: { partnershipId: tie, date: '2021-04-01' } },
  ], 'the second enrolment appended nothing');
  t.equal((await post(`/campaigns/${campaign}/targets`, { metric: 'reactivations', value: 30, date: '2021-04-02' })).statusCode, 200);
  t.equal((await post(`/campaigns/${campaign}/closure`, { date: '2021-12-31' })).statusCode, 200);
  t.equal((await get(`/campaigns/${campaign}`)).json().revision, 3);
});

t.test('a partner is named in Chinese, in English or both; a partner without a name is refused', async (t) => {
  const { post, get, eventCount } = await buildTestApp(t);
  const chineseOnly = await post('/partnerships', { ...qingdaoDakar, partner: { nameZh: '蒙巴萨', country: 'KE', level: 'city' } });
  t.equal(chineseOnly.statusCode, 201, chineseOnly.body);
  const state = (await get(`/partnerships/${chineseOnly.json().id}`)).json().state;
  t.match(state.partner, { nameZh: '蒙巴萨', country: 'KE' });
  t.notOk('nameEn' in state.partner);
  const found = (await get('/partnerships?text=蒙巴萨')).json();
  t.same(found.items.map((item: { id: string }) => item.id), [chineseOnly.json().id], 'found by its Chinese name');

  const before = await eventCount();
  const nameless = await post('/partnerships', { ...qingdaoDakar, partner: { nameNative: 'Mombasa', country: 'KE', level: 'city' } });
  t.equal(nameless.statusCode, 400);
  t.match(nameless.json(), {
    code: 'invalid-request',
    errors: [{ path: 'body.partner.nameZh', code: 'partner-name-required', message: '外方须填写中文名称（nameZh）或英文名称（nameEn），已知时两者都填' }],
  });
  const english = await post('/partnerships', { ...qingdaoDakar, partner: { country: 'KE', level: 'city' } }, { 'accept-language': 'en' });
  t.match(english.json().errors, [{ path: 'body.partner.nameZh', message: /give nameZh or nameEn/ }]);
  t.equal(await eventCount(), before, 'nothing appended');
});
