/**
 * Many writers racing for one partnership: a transition that may happen once
 * happens exactly once, whoever wins; writes that may all happen all land,
 * in contiguous revisions. In-process (`inject`), over real sockets to a
 * server process, and across two server processes on one SQLite file.
 */
import t, { type Test } from 'tap';
import { buildTestApp } from '../http/harness.ts';
import { startServer, stopServer } from '../e2e/server-process.ts';
import { histogram, http, tempDir } from './support.ts';

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** What a scenario needs from the service, however it is reached. */
interface Service {
  name: string;
  /** Each request goes to one of these in turn (one per server process, or just one). */
  post(url: string, body: unknown, headers: Record<string, string>, n: number): Promise<Answer>;
  history(id: string): Promise<{ type: string; revision: number }[]>;
}

const proposal = {
  local: { divisionCode: '370100' },
  partner: { nameEn: 'Sacramento', country: 'US', level: 'city' },
  kind: 'friendly_cooperation',
  date: '2020-05-10',
};
const agreement = { date: '2020-07-01', place: 'Jinan', signatories: [{ side: 'local', name: 'Zhang' }] };
const activity = (n: number) => ({ date: '2021-06-01', type: 'culture', direction: 'joint', title: `Storm ${n}`, participants: n });

let pairs = 0;

async function atIntentSigned(service: Service): Promise<string> {
  // Each scenario proposes a pair of its own: the same pair is not proposed twice.
  const partner = { ...proposal.partner, nameEn: `${proposal.partner.nameEn} ${++pairs}` };
  const proposed = await service.post('/partnerships', { ...proposal, partner }, {}, 0);
  const id = proposed.body.id as string;
  const loi = await service.post(`/partnerships/${id}/letter-of-intent`, { date: '2020-06-01' }, {}, 0);
  if (loi.status !== 200 || loi.body.revision !== 1) throw new Error(`setup failed: ${JSON.stringify(loi)}`);
  return id;
}

async function storm(service: Service, count: number, request: (n: number) => Promise<Answer>) {
  const started = performance.now();
  const answers = await Promise.all(Array.from({ length: count }, (_, n) => request(n)));
  return { answers, ms: Math.round(performance.now() - started), statuses: histogram(answers.map((a) => a.status)) };
}

async function scenarios(t: Test, service: Service) {
  await t.test(`${service.name}: 100 agreements with If-Match on one partnership`, async (t) => {
    const id = await atIntentSigned(service);
    const { answers, ms, statuses } = await storm(service, 100, (n) =>
      service.post(`/partnerships/${id}/agreement`, agreement, { 'if-match': '"1"' }, n),
    );
    t.comment(`conflict-storm ${service.name}: 100 If-Match agreements in ${ms} ms → ${JSON.stringify(statuses)}`);
    t.equal(answers.filter((a) => a.status === 200).length, 1, 'exactly one wins');
    t.same(answers.filter((a) => ![200, 409, 412].includes(a.status)), [], 'the others are 409 or 412');
    const history = await service.history(id);
    t.equal(history.filter((e) => e.type === 'AgreementSigned').length, 1, 'one AgreementSigned in the stream');
    t.equal(history.length, 3);
  });

  await t.test(`${service.name}: 100 agreements without If-Match`, async (t) => {
    const id = await atIntentSigned(service);
    const { answers, ms, statuses } = await storm(service, 100, (n) => service.post(`/partnerships/${id}/agreement`, agreement, {}, n));
    t.comment(`conflict-storm ${service.name}: 100 unconditional agreements in ${ms} ms → ${JSON.stringify(statuses)}`);
    t.equal(answers.filter((a) => a.status === 200).length, 1, 'exactly one wins');
    t.same(answers.filter((a) => a.status !== 200 && a.status !== 409), [], 'the others are 409');
    const codes = histogram(answers.filter((a) => a.status === 409).map((a) => a.body.code as string));
    t.comment(`conflict-storm ${service.name}: 409 codes ${JSON.stringify(codes)}`);
    const history = await service.history(id);
    t.equal(history.filter((e) => e.type === 'AgreementSigned').length, 1, 'one AgreementSigned in the stream');
  });

  await t.test(`${service.name}: 50 activities without If-Match all land`, async (t) => {
    const id = await atIntentSigned(service);
    await service.post(`/partnerships/${id}/agreement`, agreement, {}, 0);
    const { answers, ms, statuses } = await storm(service, 50, (n) => service.post(`/partnerships/${id}/activities`, activity(n), {}, n));
    t.comment(`conflict-storm ${service.name}: 50 unconditional activities in ${ms} ms → ${JSON.stringify(statuses)}`);
    t.equal(answers.filter((a) => a.status === 200).length, 50, 'all 50 recorded');
    t.same(
      answers.map((a) => a.body.revision as number).sort((a, b) => a - b),
      Array.from({ length: 50 }, (_, n) => n + 3),
      'each answered its own revision',
    );
    const history = await service.history(id);
    t.same(
      history.map((e) => e.revision),
      Array.from({ length: 53 }, (_, n) => n),
      'revisions are contiguous',
    );
    t.equal(history.filter((e) => e.type === 'ActivityRecorded').length, 50);
  });
}

t.test('in-process', async (t) => {
  const { post, get, keys } = await buildTestApp(t);
  await scenarios(t, {
    name: 'in-process',
    post: async (url, body, headers) => {
      const response = await post(url, body, headers);
      return { status: response.statusCode, body: response.json() as Record<string, unknown> };
    },
    history: async (id) => (await get(`/partnerships/${id}/history`, { authorization: `Bearer ${keys.auditor}` })).json().events,
  });
});

t.test('a server process over HTTP', async (t) => {
  const server = await startServer({ DATA_DIR: tempDir(t, 'ledger-storm'), RATE_LIMIT_PER_MINUTE: '0' });
  t.teardown(() => stopServer(server, 'SIGKILL'));
  await scenarios(t, {
    name: 'one process',
    post: (url, body, headers) => http(`${server.url}${url}`, { body, headers }),
    history: async (id) => (await http(`${server.url}/partnerships/${id}/history`)).body.events as { type: string; revision: number }[],
  });
  t.equal(await stopServer(server), 0);
});

t.test('two server processes on one SQLite file', async (t) => {
  const dataDir = tempDir(t, 'ledger-storm-two');
  const env = { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' };
  const first = await startServer(env);
  t.teardown(() => stopServer(first, 'SIGKILL'));
  const second = await startServer(env);
  t.teardown(() => stopServer(second, 'SIGKILL'));
  const urls = [first.url, second.url];
  const service: Service = {
    name: 'two processes',
    post: (url, body, headers, n) => http(`${urls[n % 2]}${url}`, { body, headers }),
    history: async (id) => (await http(`${first.url}/partnerships/${id}/history`)).body.events as { type: string; revision: number }[],
  };
  // Across processes only the store's expected-revision check decides: the in-process turn-taking does not apply.
  await t.test('two processes: 100 agreements with If-Match', async (t) => {
    const id = await atIntentSigned(service);
    const { answers, ms, statuses } = await storm(service, 100, (n) =>
      service.post(`/partnerships/${id}/agreement`, agreement, { 'if-match': '"1"' }, n),
    );
    t.comment(`conflict-storm two processes: 100 If-Match agreements in ${ms} ms → ${JSON.stringify(statuses)}`);
    t.equal(answers.filter((a) => a.status === 200).length, 1, 'exactly one wins');
    t.same(answers.filter((a) => ![200, 409, 412].includes(a.status)), [], 'the others are 409 or 412');
    t.equal((await service.history(id)).filter((e) => e.type === 'AgreementSigned').length, 1);
  });
  await t.test('two processes: 100 agreements without If-Match', async (t) => {
    const id = await atIntentSigned(service);
    const { answers, ms, statuses } = await storm(service, 100, (n) => service.post(`/partnerships/${id}/agreement`, agreement, {}, n));
    const codes = histogram(answers.filter((a) => a.status === 409).map((a) => a.body.code as string));
    t.comment(`conflict-storm two processes: 100 unconditional agreements in ${ms} ms → ${JSON.stringify(statuses)}, 409 codes ${JSON.stringify(codes)}`);
    t.equal(answers.filter((a) => a.status === 200).length, 1, 'exactly one wins');
    t.same(answers.filter((a) => a.status !== 200 && a.status !== 409), [], 'the others are 409');
    t.equal((await service.history(id)).filter((e) => e.type === 'AgreementSigned').length, 1);
  });
  t.equal(await stopServer(first), 0);
  t.equal(await stopServer(second), 0);
});
