import t, { type Test } from 'tap';
import { buildTestApp, qingdaoDakar, qingdaoTrainingCentre, type TestApp } from './harness.ts';

const PROBLEM = 'application/problem+json; charset=utf-8';
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

const STEPS: [action: string, body: object][] = [
  ['contact', { date: '2018-04-02', channel: 'video' }],
  ['letter-of-intent', { date: '2018-05-20', documentRef: 'LOI-2018-3' }],
  ['approval-requests', { date: '2018-06-01', level: 'city' }],
  ['approval-decisions', { date: '2018-06-15', level: 'city', decision: 'granted', reference: 'QD-2018-88' }],
  ['approval-requests', { date: '2018-06-20', level: 'province' }],
  ['approval-decisions', { date: '2018-07-15', level: 'province', decision: 'granted', reference: 'SD-FAO-2018-09' }],
  ['approval-requests', { date: '2018-07-20', level: 'national' }],
  ['approval-decisions', { date: '2018-09-01', level: 'national', decision: 'granted', reference: 'WB-2018-113' }],
  ['agreement', { date: '2018-10-18', place: 'Qingdao', signatories: [{ side: 'local', name: 'Zhao Haozhi', title: 'Mayor' }] }],
  ['activities', { date: '2019-11-02', type: 'culture', direction: 'outgoing', title: 'Qingdao week, "Dakar edition", 2019', participants: 40 }],
  ['dormancy', { date: '2021-06-01', reason: 'No exchanges\nfor two years' }],
  ['reactivation', { date: '2022-03-01', reason: '激活友城专项行动' }],
];

/** Proposal and twelve steps: revisions 0 to 12, the editor acting for Qingdao. */
async function partnershipWithHistory(t: Test, app: TestApp, headers: Record<string, string> = {}) {
  const id = (await app.post('/partnerships', { ...qingdaoDakar, date: '2018-03-01' }, headers)).json().id as string;
  for (const [action, body] of STEPS) t.equal((await app.post(`/partnerships/${id}/${action}`, body, headers)).statusCode, 200, action);
  return id;
}

/** A minimal RFC 4180 reader, so the test checks quoting rather than trusting it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

t.test('each event with its metadata, the state after it and what it changed', async (t) => {
  const app = await buildTestApp(t);
  const id = await partnershipWithHistory(t, app, { 'x-causation-id': 'oa-request-7' });
  const auditor = bearer(app.keys.auditor);

  const response = await app.get(`/partnerships/${id}/history`, auditor);
  t.equal(response.statusCode, 200, response.body);
  t.equal(response.headers.etag, '"12"');
  const { events, next } = response.json();
  t.equal(response.json().id, id);
  t.equal(next, null, 'one page holds it all');
  t.equal(events.length, 13);
  for (const [n, event] of events.entries()) {
    t.equal(event.revision, n);
    t.match(event, {
      id: /^[0-9a-f-]{36}$/,
      type: String,
      position: String,
      recordedAt: String,
      data: { partnershipId: id, date: String },
      metadata: {
        actor: 'test-editor',
        // The province office records the province and national decisions on a city's file.
        office: event.type === 'ApprovalGranted' && event.data.level !== 'city' ? '370000' : '370200',
        correlationId: String,
        causationId: 'oa-request-7',
        occurredAt: String,
        schemaVersion: Number,
        hash: /^[0-9a-f]{64}$/,
      },
    });
    if (n > 0) t.equal(event.metadata.previousHash, events[n - 1].metadata.hash, `revision ${n} chains to the one before`);
    const past = await app.get(`/partnerships/${id}?revision=${n}`);
    t.same(event.state, past.json().state, `the state after revision ${n} is the past state at it`);
  }

  t.equal(events[0].type, 'PartnershipProposed');
  t.match(events[0].changes, [{ path: 'status', op: 'changed', before: 'none', after: 'candidate' }]);
  t.ok(events[0].changes.some((c: { path: string; op: string }) => c.path === 'proposedOn' && c.op === 'added'));

  t.equal(events[2].type, 'LetterOfIntentSigned');
  t.same(events[2].changes, [
    { path: 'status', op: 'changed', before: 'in_contact', after: 'intent_signed' },
    { path: 'statusSince', op: 'changed', before: '2018-04-02', after: '2018-05-20' },
    { path: 'intentSignedOn', op: 'changed', before: null, after: '2018-05-20' },
    { path: 'recorded.letterOfIntentRef', op: 'added', after: 'LOI-2018-3' },
  ]);
  t.same(
    events[4].changes.find((c: { path: string }) => c.path === 'approvals.granted.0'),
    { path: 'approvals.granted.0', op: 'added', after: { level: 'city', on: '2018-06-15', reference: 'QD-2018-88' } },
  );
  t.match(events[12].changes, [
    { path: 'status', op: 'changed', before: 'dormant', after: 'active' },
    { path: 'statusSince', op: 'changed', before: '2021-06-01', after: '2022-03-01' },
    { path: 'dormantSince', op: 'changed', before: '2021-06-01', after: null },
  ]);
});

t.test('paging with from and limit; the fold still starts at revision 0', async (t) => {
  const app = await buildTestApp(t);
  const id = await partnershipWithHistory(t, app);
  const auditor = bearer(app.keys.auditor);
  const whole = (await app.get(`/partnerships/${id}/history`, auditor)).json().events;

  const first = await app.get(`/partnerships/${id}/history?limit=5`, auditor);
  t.same(first.json().events.map((e: { revision: number }) => e.revision), [0, 1, 2, 3, 4]);
  t.equal(first.json().next, 5);
  t.equal(first.headers.link, `</partnerships/${id}/history?from=5&limit=5>; rel="next"`);
  t.equal(first.headers.etag, '"12"', 'the ETag is the stream’s last revision on every page');

  const second = (await app.get(`/partnerships/${id}/history?from=5&limit=5`, auditor)).json();
  t.equal(second.next, 10);
  t.same(second.events, whole.slice(5, 10), 'a page equals the same slice of the whole history, states and changes included');

  const last = await app.get(`/partnerships/${id}/history?from=10&limit=5`, auditor);
  t.same(last.json().events, whole.slice(10));
  t.equal(last.json().next, null);
  t.notOk(last.headers.link);

  const beyond = (await app.get(`/partnerships/${id}/history?from=40`, auditor)).json();
  t.same(beyond, { id, events: [], next: null });
});

t.test('csv and jsonl exports of the whole history, with what each event changed', async (t) => {
  const app = await buildTestApp(t);
  const id = await partnershipWithHistory(t, app);
  const admin = bearer(app.keys.admin);

  const csv = await app.get(`/partnerships/${id}/history?format=csv`, admin);
  t.equal(csv.statusCode, 200, csv.body);
  t.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
  t.equal(csv.headers['content-disposition'], `attachment; filename="partnership-${id}-history.csv"`);
  t.ok(csv.body.startsWith('\ufeffrevision,position,'), 'a UTF-8 byte-order mark, then the header');
  t.ok(csv.body.endsWith('\r\n'));
  const rows = parseCsv(csv.body.slice(1));
  t.same(rows[0], [
    'revision', 'position', 'recordedAt', 'occurredAt', 'type', 'actor', 'office', 'correlationId', 'causationId',
    'schemaVersion', 'hash', 'previousHash', 'changes', 'data',
  ]);
  t.equal(rows.length, 14, 'the header and one row per event');
  t.ok(rows.every((row) => row.length === 14), 'every row has every column');
  const byType = (type: string) => rows.find((row) => row[4] === type) as string[];
  t.match(byType('LetterOfIntentSigned'), ['2', String, String, String, 'LetterOfIntentSigned', 'test-editor', '370200']);
  t.match(byType('LetterOfIntentSigned')[12], /^status: "in_contact" → "intent_signed"; /);
  const activity = byType('ActivityRecorded');
  t.equal(JSON.parse(activity[13] as string).title, 'Qingdao week, "Dakar edition", 2019', 'commas and quotes survive the quoting');
  t.match(activity[12], /activityCount: 0 → 1/, 'what the activity changed, not the whole state');
  t.match(csv.body, /,"status: ""in_contact"" → ""intent_signed""; /, 'a field with quotes is quoted and its quotes doubled');
  t.equal(JSON.parse(byType('PartnershipMarkedDormant')[13] as string).reason, 'No exchanges\nfor two years');
  t.match(byType('PartnershipReactivated')[13], /激活友城专项行动/);

  const jsonl = await app.get(`/partnerships/${id}/history?format=jsonl`, admin);
  t.equal(jsonl.statusCode, 200);
  t.equal(jsonl.headers['content-type'], 'application/x-ndjson; charset=utf-8');
  t.equal(jsonl.headers['content-disposition'], `attachment; filename="partnership-${id}-history.jsonl"`);
  const lines = jsonl.body.split('\n');
  t.equal(lines.pop(), '', 'every line ends in a newline');
  const entries = lines.map((line) => JSON.parse(line));
  t.same(
    entries,
    (await app.get(`/partnerships/${id}/history?state=false`, admin)).json().events,
    'the same entries as the JSON history without the states',
  );
  t.notOk(entries.some((entry) => 'state' in entry), 'no entry carries the whole state');

  // The whole state on request: paged like JSON.
  const withStates = await app.get(`/partnerships/${id}/history?format=csv&state=true&limit=5`, admin);
  const stateRows = parseCsv(withStates.body.slice(1));
  t.equal(stateRows[0]?.at(-1), 'state');
  t.equal(stateRows.length, 6, 'the header and five rows');
  t.equal(JSON.parse(stateRows[1]?.at(-1) as string).status, 'candidate');
  t.equal(withStates.headers.link, `</partnerships/${id}/history?from=5&limit=5&format=csv&state=true>; rel="next"`);
  const defaultPage = await app.get(`/partnerships/${id}/history?format=jsonl&state=true`, admin);
  t.equal(defaultPage.body.trim().split('\n').length, 13, 'an export with the states has pages of 100 by default');
  t.ok(JSON.parse(defaultPage.body.split('\n')[0] as string).state, 'each entry with its state');

  const slice = await app.get(`/partnerships/${id}/history?format=jsonl&from=3&limit=2`, admin);
  t.same(slice.body.trim().split('\n').map((line) => JSON.parse(line).revision), [3, 4]);
  t.equal(slice.headers.link, `</partnerships/${id}/history?from=5&limit=2&format=jsonl>; rel="next"`);

  const accepted = await app.get(`/partnerships/${id}/history`, { ...admin, accept: 'text/csv' });
  t.equal(accepted.headers['content-type'], 'text/csv; charset=utf-8', 'Accept: text/csv picks the csv export');
  t.equal(parseCsv(accepted.body.slice(1)).length, 14, 'the whole history, not one page');
});

t.test('only auditors and admins read histories', async (t) => {
  const app = await buildTestApp(t);
  const id = await partnershipWithHistory(t, app);
  const expected = { admin: 200, auditor: 200, editor: 403, qingdaoEditor: 403, viewer: 403 } as const;
  for (const [role, status] of Object.entries(expected)) {
    for (const format of ['json', 'csv', 'jsonl']) {
      const response = await app.get(`/partnerships/${id}/history?format=${format}`, bearer(app.keys[role as keyof typeof expected]));
      t.equal(response.statusCode, status, `${role} ${format}`);
    }
  }
  const anonymous = await app.app.inject({ method: 'GET', url: `/partnerships/${id}/history` });
  t.equal(anonymous.statusCode, 401);
});

t.test('unknown ids are 404 and bad parameters 400, as problem+json', async (t) => {
  const app = await buildTestApp(t);
  const id = (await app.post('/partnerships', qingdaoDakar)).json().id as string;
  const auditor = bearer(app.keys.auditor);
  const missing = await app.get('/partnerships/00000000-0000-4000-8000-000000000000/history?format=csv', auditor);
  t.equal(missing.statusCode, 404);
  t.equal(missing.headers['content-type'], PROBLEM);
  t.equal(missing.json().code, 'not-found');
  for (const query of ['limit=0', 'limit=1001', 'limit=ten', 'from=-1', 'from=1.5', 'format=xml', 'page=2', 'state=yes']) {
    const response = await app.get(`/partnerships/${id}/history?${query}`, auditor);
    t.equal(response.statusCode, 400, query);
    t.equal(response.headers['content-type'], PROBLEM, query);
    t.equal(response.json().code, 'invalid-request', query);
  }
});

t.test('projects and campaigns have the same history', async (t) => {
  const app = await buildTestApp(t);
  const auditor = bearer(app.keys.auditor);
  const partnership = (await app.post('/partnerships', qingdaoDakar)).json().id;
  const project = (await app.post('/projects', qingdaoTrainingCentre(partnership))).json().id;
  await app.post(`/projects/${project}/start`, { date: '2021-11-20' });
  const history = (await app.get(`/projects/${project}/history`, auditor)).json();
  t.equal(history.events.length, 2);
  t.match(history.events[1].changes, [{ path: 'status', op: 'changed', before: 'planned', after: 'started' }]);
  const csv = await app.get(`/projects/${project}/history?format=csv`, auditor);
  t.equal(csv.headers['content-disposition'], `attachment; filename="project-${project}-history.csv"`);

  const campaign = (await app.post('/campaigns', { name: 'Activate 2021', startsOn: '2021-03-01', endsOn: '2021-12-31', date: '2021-02-15' })).json().id;
  const campaignHistory = await app.get(`/campaigns/${campaign}/history?format=jsonl`, auditor);
  t.equal(campaignHistory.statusCode, 200);
  const launched = JSON.parse(campaignHistory.body.trim()) as { revision: number; changes: { path: string; after?: unknown }[] };
  t.equal(launched.revision, 0);
  t.ok(launched.changes.some((change) => change.path === 'name' && change.after === 'Activate 2021'), 'the name among what it changed');
});

t.test('the OpenAPI document describes the history formats and the past-state parameters', async (t) => {
  const app = await buildTestApp(t);
  const doc = (await app.get('/openapi.json')).json();
  const history = doc.paths['/partnerships/{id}/history'].get;
  t.same(Object.keys(history.responses['200'].content).sort(), ['application/json', 'application/x-ndjson', 'text/csv']);
  t.same(history.parameters.map((p: { name: string }) => p.name).sort(), ['format', 'from', 'id', 'limit', 'state']);
  const state = doc.paths['/partnerships/{id}'].get;
  t.same(state.parameters.map((p: { name: string }) => p.name).sort(), ['asOf', 'id', 'knownAt', 'revision']);
  t.match(state.description, /asOf=YYYY-MM-DD/);
});
