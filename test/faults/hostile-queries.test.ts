/**
 * Generated hostile query strings and headers against every read route the
 * OpenAPI document lists: numbers far past any range, numeric spellings
 * JavaScript would accept and the contract does not, every Unicode code
 * point including lone surrogates and bytes that are no UTF-8 at all,
 * controls, bidirectional overrides, repeated and unknown parameters. The
 * answer is never a 5xx, every 4xx is problem+json, and nothing is appended.
 * The one 503 the contract has for valid input is `read-model-behind`: a
 * `minPosition` past what the projections have read, to be retried.
 */
import fc from 'fast-check';
import t from 'tap';
import { buildTestApp } from '../http/harness.ts';
import { histogram } from './support.ts';

const TOTAL_RUNS = 10_000;

function codeOf(body: string): unknown {
  try {
    return (JSON.parse(body) as { code?: unknown }).code;
  } catch {
    return undefined;
  }
}

/** A number spelled past every range: 20 to 400 digits, signed or not, with an exponent or not. */
const hugeNumber = fc
  .tuple(fc.integer({ min: 20, max: 400 }), fc.constantFrom('', '-', '+'), fc.constantFrom('', 'e309', 'e-400', '.5'))
  .map(([digits, sign, tail]) => `${sign}${'9'.repeat(digits)}${tail}`);
const NUMERIC_SPELLINGS = [
  '9007199254740993', '18446744073709551616', '-1', '-0', '0', '1e3', '1e309', '1E-7', '0x10', '0o7', '0b1', '1_000', ' 1', '1 ', '1.0', '1.5',
  'NaN', 'Infinity', '-Infinity', '١٢٣', '１２３', '²', '', '00000000000000000000001', '2021', '2021-12-07', '2021-12-07T08:00:00Z',
  '2021-12-07T08:00:00+08:00', '99999-12-31', '0000-01-01', '2021-02-29',
];
/** Percent-encoded bytes a decoder must refuse or keep as text: lone surrogates (WTF-8), overlong and stray bytes, controls, overrides. */
const RAW_BYTES = [
  '%ED%A0%80', '%ED%BF%BF', '%ED%A0%BD%ED%B8%80', '%C0%80', '%C0%AF', '%FF', '%FE%FF', '%F4%90%80%80', '%E2%80%AE', '%E2%80%8F', '%E2%81%A6',
  '%00', '%01', '%07', '%08', '%0A', '%0D', '%1B', '%1F', '%7F', '%C2%85', '%C2%9B', '%EF%BB%BF', '%', '%G0', '%2', '%25', '%26', '%3D', '%23',
];
/** Any code point, encoded as UTF-8 where it has an encoding and as WTF-8 where it is a lone surrogate. */
const anyCodePoints = fc
  .array(fc.integer({ min: 0, max: 0x10ffff }), { minLength: 1, maxLength: 12 })
  .map((points) =>
    points
      .map((point) =>
        point >= 0xd800 && point <= 0xdfff
          ? `%ED%${(0xa0 | ((point >> 6) & 0x1f)).toString(16).toUpperCase()}%${(0x80 | (point & 0x3f)).toString(16).toUpperCase()}`
          : encodeURIComponent(String.fromCodePoint(point)),
      )
      .join(''),
  );
const queryValue = fc.oneof(
  { weight: 4, arbitrary: hugeNumber },
  { weight: 4, arbitrary: fc.constantFrom(...NUMERIC_SPELLINGS).map(encodeURIComponent) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...RAW_BYTES), { minLength: 1, maxLength: 4 }).map((bytes) => bytes.join('')) },
  { weight: 3, arbitrary: anyCodePoints },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.constantFrom('json', 'csv', 'xlsx', 'jsonl', 'true', 'false', 'year', 'quarter', 'month', 'JP', 'sister', '370200') },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 20_000 }).map((n) => 'x'.repeat(n)) },
);

/** A header value any HTTP client could send: visible ASCII, or numbers past every range. */
const headerValue = fc.oneof(
  hugeNumber,
  fc.constantFrom(...NUMERIC_SPELLINGS.filter((s) => /^[\x21-\x7e]*$/.test(s))),
  fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  fc.constantFrom('W/"1"', '"1"', '*', 'zh-CN,zh;q=0.9', 'en;q=abc', '*;q=1e309', 'xx-XX;q=-1', 'a'.repeat(8000)),
);

t.test(`${TOTAL_RUNS} hostile query strings and headers across every read route: no 5xx, problem+json, nothing appended`, async (t) => {
  // A minPosition past the end of the log waits this long before its 503.
  const { app, keys, eventCount } = await buildTestApp(t, { minPositionWaitMs: 20 });
  const admin = { authorization: `Bearer ${keys.admin}` };
  const post = async (url: string, body: object) => {
    const response = await app.inject({ method: 'POST', url, headers: admin, payload: body });
    if (response.statusCode >= 300) throw new Error(`fixture ${url}: ${response.statusCode} ${response.body}`);
    return response.json().id as string;
  };
  const partnership = await post('/partnerships', {
    local: { divisionCode: '370200' },
    partner: { nameEn: 'Busan', country: 'KR', level: 'city' },
    kind: 'friendly_cooperation',
    date: '2020-01-01',
  });
  const project = await post('/projects', {
    title: 'Ports',
    sector: 'port_logistics',
    partnershipIds: [partnership],
    leadOffice: '370200',
    plannedStart: '2020-05-01',
    plannedEnd: '2022-05-01',
    date: '2020-04-01',
  });
  const campaign = await post('/campaigns', { name: 'Activate', startsOn: '2020-01-01', endsOn: '2022-12-31', date: '2020-01-01' });
  const ids: Record<string, string> = { partnerships: partnership, projects: project, campaigns: campaign };

  const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as {
    paths: Record<string, { get?: { parameters?: { name: string; in: string }[] } }>;
  };
  const routes = Object.entries(document.paths)
    .filter(([, operations]) => operations.get !== undefined)
    .map(([path, operations]) => ({
      path,
      query: (operations.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    }));
  const before = await eventCount();

  const statuses: number[] = [];
  const violations = new Map<string, { count: number; example: string }>();
  let refusedByClient = 0;
  let behindCount = 0;
  const seed = Date.now() % 2 ** 31;
  const runsPerRoute = Math.ceil(TOTAL_RUNS / routes.length);
  for (const route of routes) {
    const resource = route.path.split('/')[1] === 'dashboards' ? 'campaigns' : (route.path.split('/')[1] ?? '');
    const id = fc.oneof({ weight: 4, arbitrary: fc.constant(ids[resource] ?? 'x') }, { weight: 1, arbitrary: queryValue });
    const names = route.query.length > 0 ? fc.constantFrom(...route.query) : fc.constant('page');
    const parameter = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(names, queryValue) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('unknown', '__proto__', 'constructor', ''), queryValue) },
    );
    const request = fc.record({
      id,
      parameters: fc.array(parameter, { minLength: 1, maxLength: 4 }),
      headers: fc.record(
        {
          'accept-language': headerValue,
          'if-none-match': headerValue,
          'x-request-id': headerValue,
          'x-correlation-id': headerValue,
          accept: fc.constantFrom('text/csv', 'application/x-ndjson', '*/*', 'application/json;q=0', 'x/y;q=1e309'),
        },
        { requiredKeys: [] },
      ),
      caller: fc.constantFrom(keys.admin, keys.auditor, keys.viewer),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ id: target, parameters, headers, caller }) => {
        const url = `${route.path.replace('{id}', target)}?${parameters.map(([name, value]) => `${name}=${value}`).join('&')}`;
        let response;
        try {
          response = await app.inject({ method: 'GET', url, headers: { ...headers, authorization: `Bearer ${caller}` } });
        } catch {
          refusedByClient++;
          return;
        }
        statuses.push(response.statusCode);
        const violation = (what: string) => {
          const seen = violations.get(what) ?? { count: 0, example: `${url.slice(0, 160)} ${JSON.stringify(headers).slice(0, 120)} → ${response.body.slice(0, 160)}` };
          seen.count++;
          violations.set(what, seen);
        };
        const behind = response.statusCode === 503 && codeOf(response.body) === 'read-model-behind' && /minPosition=/.test(url);
        if (behind) behindCount++;
        else if (response.statusCode >= 500) violation(`a ${response.statusCode} on ${route.path}`);
        if (response.statusCode >= 400 && !String(response.headers['content-type']).startsWith('application/problem+json')) {
          violation(`a ${response.statusCode} on ${route.path} that is not problem+json`);
        }
      }),
      { numRuns: runsPerRoute, seed },
    );
  }

  t.comment(`hostile-queries: ${statuses.length} requests over ${routes.length} read routes (seed ${seed}), ${refusedByClient} refused by the injecting client`);
  t.comment(`hostile-queries: statuses ${JSON.stringify(histogram(statuses))}, of which ${behindCount} × 503 read-model-behind for a minPosition past the log`);
  t.ok(statuses.length >= TOTAL_RUNS, `at least ${TOTAL_RUNS} requests reached the app`);
  t.same(Object.fromEntries(violations), {}, 'no 5xx, and every 4xx problem+json');
  t.equal(await eventCount(), before, 'no read appended anything');
  t.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200, 'the process still answers');
});
