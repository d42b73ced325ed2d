import t from 'tap';
import { buildTestApp } from './harness.ts';

t.test('health and readiness', async (t) => {
  const { get, store } = await buildTestApp(t);
  t.same((await get('/health')).json(), { status: 'ok' });
  const ready = await get('/ready');
  t.equal(ready.statusCode, 200);
  t.match(ready.json(), { status: 'ready', eventStore: { kind: 'sqlite', reachable: true }, readSide: { reachable: true } });
  t.same(
    ready.json().readSide.projections.map((p: { name: string }) => p.name),
    ['register', 'portfolio', 'campaigns', 'reports'],
  );

  store.readAll = async () => {
    throw new Error('disk gone');
  };
  const down = await get('/ready');
  t.equal(down.statusCode, 503);
  t.equal(down.json().eventStore.reachable, false);
});

t.test('every response carries a request id; a sane caller id is kept', async (t) => {
  const { get } = await buildTestApp(t);
  t.match((await get('/health')).headers['x-request-id'], /^[0-9a-f-]{36}$/);
  t.equal((await get('/health', { 'x-request-id': 'office-tool-42' })).headers['x-request-id'], 'office-tool-42');
  t.not((await get('/health', { 'x-request-id': 'bad id\twith tab' })).headers['x-request-id'], 'bad id\twith tab');
});

t.test('the OpenAPI document lists every command route with its body schema', async (t) => {
  const { get } = await buildTestApp(t);
  const response = await get('/openapi.json');
  t.equal(response.statusCode, 200);
  const doc = response.json();
  t.match(doc.openapi, /^3\./);
  const paths = Object.keys(doc.paths);
  for (const path of [
    '/partnerships',
    '/partnerships/{id}/agreement',
    '/partnerships/{id}/activities',
    '/partnerships/{id}/withdrawal',
    '/partnerships/{id}/history',
    '/projects/{id}/milestones',
    '/campaigns/{id}/closure',
    '/audit/events',
    '/audit/verify',
    '/admin/projections',
    '/admin/projections/rebuild',
  ]) {
    t.ok(paths.includes(path), `${path} is documented`);
  }
  const propose = doc.paths['/partnerships'].post;
  t.ok(propose.requestBody.content['application/json'].schema, 'the proposal body has a schema');
  t.ok(propose.responses['201'], 'the proposal documents its 201');

  const history = doc.paths['/partnerships/{id}/history'].get;
  t.ok(history.responses['200'].content['text/csv'], 'the history documents its CSV export');
  t.ok(doc.paths['/audit/events'].get.parameters.some((p: { name: string }) => p.name === 'streamType'), 'the log documents its filters');

  const ui = await get('/docs/');
  t.equal(ui.statusCode, 200);
  t.match(ui.headers['content-type'], /text\/html/);
});
