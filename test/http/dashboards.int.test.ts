import ExcelJS from 'exceljs';
import t from 'tap';
import { buildTestApp, jinanFriendly, qingdaoDakar, type TestApp } from './harness.ts';

async function signedFriendly(post: TestApp['post'], body: object) {
  const id = (await post('/partnerships', body)).json().id as string;
  await post(`/partnerships/${id}/letter-of-intent`, { date: '2021-06-01' });
  const signed = await post(`/partnerships/${id}/agreement`, {
    date: '2021-07-01',
    place: 'Jinan',
    signatories: [{ side: 'local', name: 'A' }],
  });
  return { id, position: signed.json().position as string };
}

t.test('a write shows up on the dashboards when the read passes its position', async (t) => {
  const { post, get } = await buildTestApp(t);
  const candidate = (await post('/partnerships', qingdaoDakar)).json();
  const { id, position } = await signedFriendly(post, { ...jinanFriendly, date: '2021-05-10' });

  const overview = await get(`/dashboards/overview?minPosition=${position}`);
  t.equal(overview.statusCode, 200, overview.body);
  t.match(overview.json(), { relationships: 1, countries: 1, candidates: 1 });
  t.match(overview.json().byCountry, [{ country: 'US', count: 1 }]);

  const pipeline = (await get(`/dashboards/pipeline?minPosition=${position}`)).json();
  t.equal(pipeline.total, 1);
  t.equal(pipeline.items[0].id, candidate.id);

  const register = (await get(`/partnerships?status=active&minPosition=${position}`)).json();
  t.equal(register.total, 1);
  t.equal(register.items[0].id, id);
  t.equal((await get('/partnerships?text=达喀尔')).json().items[0].id, candidate.id, 'Chinese names are searchable');
  t.equal((await get('/partnerships?continent=Africa')).json().total, 1);

  const activity = await post(`/partnerships/${id}/activities`, {
    date: '2021-08-01',
    type: 'culture',
    direction: 'outgoing',
    title: 'Shandong culture week',
    participants: 30,
    outcomes: [{ description: 'Museum exchange agreed' }],
  });
  const report = await get(`/reports/quarterly?year=2021&quarter=3&office=370100&minPosition=${activity.json().position}`);
  t.equal(report.statusCode, 200, report.body);
  t.match(report.json().rows, [{ office: '370100' }]);
  t.match(JSON.stringify(report.json().rows[0]), /culture/);

  const csv = await get('/reports/quarterly?year=2021&quarter=3&format=csv');
  t.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
  t.ok(csv.body.startsWith('\ufeff'), 'CSV starts with a byte-order mark for Excel');
  t.match(csv.body, /370100/);

  const xlsx = await get('/reports/quarterly?year=2021&quarter=3&format=xlsx');
  t.equal(xlsx.statusCode, 200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  t.ok(workbook.worksheets[0]!.rowCount >= 2, 'the workbook has a header and rows');

  const evaluation = await get('/dashboards/evaluation');
  t.equal(evaluation.statusCode, 200);
  t.match(evaluation.json(), { partnerships: [{ id }] });
  t.equal((await get('/dashboards/dormancy')).statusCode, 200);
  t.equal((await get('/dashboards/timeline?type=culture')).json().total, 1);
});

t.test('projects, campaigns and quarterly report submissions', async (t) => {
  const { post, get } = await buildTestApp(t);
  const { id: partnership } = await signedFriendly(post, jinanFriendly);
  const project = await post('/projects', {
    title: 'Almond orchard cooperation',
    sector: 'agriculture',
    partnershipIds: [partnership],
    leadOffice: '370100',
    plannedStart: '2021-09-01',
    plannedEnd: '2022-08-31',
    date: '2021-08-01',
  });
  t.equal(project.statusCode, 201);
  const projects = (await get(`/projects?minPosition=${project.json().position}`)).json();
  t.equal(projects.total, 1);
  t.equal((await get('/dashboards/projects')).json().byStatus.planned, 1);

  const campaign = await post('/campaigns', {
    name: 'Activate Friendship Cities',
    startsOn: '2021-01-01',
    endsOn: '2021-12-31',
    targets: { reservePairs: 168, plannedProjects: 127 },
    date: '2021-01-05',
  });
  const campaignId = campaign.json().id;
  const progress = await get(`/dashboards/campaigns/${campaignId}?minPosition=${campaign.json().position}`);
  t.equal(progress.statusCode, 200, progress.body);
  t.match(progress.json().metrics, { plannedProjects: { target: 127, actual: 1 } });
  t.equal((await get('/dashboards/campaigns/00000000-0000-4000-8000-000000000000')).statusCode, 404);

  const submitted = await post('/reports/quarterly', { office: '370100', year: 2021, quarter: 3, summary: 'Busy quarter', date: '2021-10-08' });
  t.equal(submitted.statusCode, 201, submitted.body);
  t.equal(submitted.json().id, '370100-2021-q3');
  const status = (await get(`/reports/submissions?year=2021&quarter=3&minPosition=${submitted.json().position}`)).json();
  t.equal(status.submittedCount, 1);
  t.equal(status.missingCount, 16);
  const again = await post('/reports/quarterly', { office: '370100', year: 2021, quarter: 3, summary: 'Corrected', date: '2021-10-09' });
  t.equal(again.json().revision, 1, 'a resubmission lands on the same report');
});

t.test('a read waiting for a position the projections never reach is a 503 with Retry-After', async (t) => {
  const { get } = await buildTestApp(t, { minPositionWaitMs: 100 });
  const response = await get('/dashboards/overview?minPosition=999999');
  t.equal(response.statusCode, 503);
  t.equal(response.json().code, 'read-model-behind');
  t.equal(response.headers['retry-after'], '1');
  t.equal((await get('/dashboards/overview?minPosition=abc')).statusCode, 400);
});

t.test('metrics expose request counts and projection lag', async (t) => {
  const { get } = await buildTestApp(t);
  await get('/health');
  const metrics = await get('/metrics');
  t.equal(metrics.statusCode, 200);
  t.match(metrics.body, /ledger_http_requests_total\{method="GET",route="\/health",status="200"\} 1/);
  t.match(metrics.body, /ledger_projection_lag_events\{projection="register"\}/);
});
