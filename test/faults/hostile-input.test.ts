/**
 * Generated hostile requests against every write route of the in-process
 * app: malformed and adversarial bodies, headers and ids. Whatever arrives,
 * the answer is never a 5xx, every 4xx is problem+json, a rejected request
 * appends nothing, and the process keeps serving.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import t from 'tap';
import type { Position } from '../../src/event-store/port.ts';
import { buildTestApp } from '../http/harness.ts';
import { histogram } from './support.ts';

const TOTAL_RUNS = 10_000;
const BODY_LIMIT = 256 * 1024;
const DATE = '2021-06-01';

type Resource = 'candidate' | 'intentSigned' | 'underReview' | 'active' | 'dormant' | 'planned' | 'started' | 'campaign' | 'none';

interface WriteRoute {
  url: string;
  target: Resource;
  body: (ids: Fixtures) => Record<string, unknown>;
}

type Fixtures = Record<Exclude<Resource, 'none'>, string>;

/** Every write route of the README's table, each with a body it accepts. */
const ROUTES: WriteRoute[] = [
  {
    url: '/partnerships',
    target: 'none',
    body: () => ({
      local: { divisionCode: '370211', nameEn: 'Huangdao District', institution: 'Port of Qingdao' },
      partner: { nameEn: 'Dakar', nameZh: '达喀尔', nameNative: 'Ndakaaru', country: 'SN', level: 'city' },
      kind: 'sister',
      date: DATE,
      notes: 'first contact at a trade fair',
    }),
  },
  { url: '/partnerships/:id/contact', target: 'candidate', body: () => ({ channel: 'visit', date: DATE }) },
  { url: '/partnerships/:id/letter-of-intent', target: 'candidate', body: () => ({ documentRef: 'LOI-2021-7', date: DATE }) },
  { url: '/partnerships/:id/approval-requests', target: 'intentSigned', body: () => ({ level: 'city', date: DATE }) },
  {
    url: '/partnerships/:id/approval-decisions',
    target: 'underReview',
    body: () => ({ level: 'city', decision: 'granted', reference: 'QD-2021-12', date: DATE }),
  },
  {
    url: '/partnerships/:id/agreement',
    target: 'intentSigned',
    body: () => ({ place: 'Qingdao', signatories: [{ side: 'local', name: 'Zhao', title: 'Mayor' }], documentRef: 'AG-1', date: DATE }),
  },
  {
    url: '/partnerships/:id/activities',
    target: 'active',
    body: () => ({
      type: 'culture',
      direction: 'outgoing',
      title: 'Qingdao week',
      participants: 40,
      audience: 1200,
      leaderRank: 'vice-mayor',
      outcomes: [{ description: 'a memorandum on port cooperation', category: 'trade' }],
      date: DATE,
    }),
  },
  { url: '/partnerships/:id/upgrade', target: 'active', body: () => ({ to: 'sister', place: 'Lyon', signatories: [{ side: 'local', name: 'Qian' }], date: DATE }) },
  { url: '/partnerships/:id/dormancy', target: 'active', body: () => ({ reason: 'no exchange since 2019', date: DATE }) },
  { url: '/partnerships/:id/reactivation', target: 'dormant', body: (ids) => ({ reason: 'campaign', campaignId: ids.campaign, date: DATE }) },
  { url: '/partnerships/:id/termination', target: 'active', body: () => ({ reason: 'the partner city merged', reference: 'LZB-2021-9', date: DATE }) },
  { url: '/partnerships/:id/withdrawal', target: 'candidate', body: () => ({ reason: 'no interest', date: DATE }) },
  {
    url: '/projects',
    target: 'none',
    body: (ids) => ({
      title: 'Cold-chain logistics',
      sector: 'port_logistics',
      partnershipIds: [ids.active],
      leadOffice: '370200',
      plannedStart: '2021-07-01',
      plannedEnd: '2022-07-01',
      budget: { amount: 1_500_000, currency: 'CNY' },
      milestones: [{ title: 'feasibility study', dueDate: '2021-10-01' }],
      date: DATE,
    }),
  },
  { url: '/projects/:id/start', target: 'planned', body: () => ({ date: DATE }) },
  { url: '/projects/:id/milestones', target: 'started', body: () => ({ title: 'warehouse opened', date: DATE }) },
  { url: '/projects/:id/completion', target: 'started', body: () => ({ summary: 'delivered', date: DATE }) },
  { url: '/projects/:id/cancellation', target: 'planned', body: () => ({ reason: 'funding withdrawn', date: DATE }) },
  {
    url: '/campaigns',
    target: 'none',
    body: () => ({ name: 'Activate Friendship Cities', startsOn: '2021-01-01', endsOn: '2021-12-31', targets: { reservePairs: 168 }, date: DATE }),
  },
  { url: '/campaigns/:id/enrollments', target: 'campaign', body: (ids) => ({ partnershipId: ids.dormant, date: DATE }) },
  { url: '/campaigns/:id/targets', target: 'campaign', body: () => ({ metric: 'activities', value: 200, date: DATE }) },
  { url: '/campaigns/:id/closure', target: 'campaign', body: () => ({ summary: 'done', date: DATE }) },
  { url: '/reports/quarterly', target: 'none', body: () => ({ office: '370200', year: 2021, quarter: 1, summary: 'quiet quarter' }) },
];

// ------------------------------------------------------------ generators

const UNICODE_EDGES = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\ud83d',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '\ufeff',
  '\u200b\u200d',
  'e\u0301\u0301\u0301\u0301\u0301',
  '\ufffd\uffff',
  '😀👩‍👩‍👧‍👦🏳️‍🌈',
  '𠜎𠜱𠝹',
  'İıſK',
  '\r\n\t\u000b\u000c',
  '\u2028\u2029',
  '青岛 Qingdao',
  '<script>alert(1)</script>',
  "'; DROP TABLE events; --",
  '${7*7}{{7*7}}',
  '%s%n%x',
  '../../../../etc/passwd',
];
const BAD_DATES = [
  '2021-02-30',
  '2021-13-01',
  '2021-00-10',
  '0000-00-00',
  '2021-6-1',
  '2021-06-01T00:00:00Z',
  '+002021-06-01',
  '99999-01-01',
  '2999-01-01',
  '1800-01-01',
  '2021/06/01',
  'yesterday',
  ' 2021-06-01',
  '2021-06-01\u0000',
];
/** JSON tokens JSON.stringify never writes: placed raw into the text. */
const RAW_TOKENS = ['NaN', 'Infinity', '-Infinity', '-0', '1e308', '1e309', '-1e309', '1e-400', '0x10', '.5', '01', '1_000', '9007199254740993', '1.0', '-1', '"10"', 'undefined', 'true', '[]', '{}'];
const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString', 'valueOf', 'isAdmin'];

/** A number spelled with 20 to 400 digits, signed or not: past every range a header or position could have. */
const hugeDigits = fc.tuple(fc.integer({ min: 20, max: 400 }), fc.constantFrom('', '-')).map(([n, sign]) => `${sign}${'9'.repeat(n)}`);
const hugeString = fc.integer({ min: 201, max: 60_000 }).map((n) => 'x'.repeat(n));
const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...UNICODE_EDGES) },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_DATES) },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t\n ') },
);
/** Deep nesting as text: JSON.stringify itself would overflow the stack long before the server's parser. */
const deepText = fc
  .tuple(fc.integer({ min: 50, max: 50_000 }), fc.boolean())
  .map(([depth, arrays]) => (arrays ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)));
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(-0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 1.5, -1, 0, 2 ** 53) },
  { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 60 }) },
);

/** Paths to every value of a body, objects and arrays included. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, i) => paths(item, [...prefix, i]))];
  if (value && typeof value === 'object') return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return [prefix];
}

function containerAt(body: unknown, path: (string | number)[]): Record<string | number, unknown> | undefined {
  let node = body;
  for (const step of path) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[step];
  }
  return node && typeof node === 'object' ? (node as Record<string | number, unknown>) : undefined;
}

type Mutation =
  | { op: 'set'; pick: number; value: unknown }
  | { op: 'delete'; pick: number }
  | { op: 'add'; pick: number; key: string; value: unknown }
  | { op: 'raw'; pick: number; token: string }
  | { op: 'pollute'; pick: number; key: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('set' as const), pick: fc.nat(), value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('add' as const), pick: fc.nat(), key: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('id', 'actor', 'office', 'revision')), value: hostileValue }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('raw' as const), pick: fc.nat(), token: fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...RAW_TOKENS) }, { weight: 1, arbitrary: deepText }) }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('pollute' as const), pick: fc.nat(), key: fc.constantFrom(...POLLUTION_KEYS) }) },
);

const RAW = (n: number) => `\u0001raw${n}\u0001`;
const KEY = (n: number) => `\u0001key${n}\u0001`;

/** Applies mutations to a body and serialises it, splicing in raw tokens and keys JSON.stringify cannot write. */
function mutate(template: Record<string, unknown>, mutations: Mutation[]): string {
  const body = structuredClone(template);
  const raws: string[] = [];
  const keys: string[] = [];
  for (const m of mutations) {
    const all = paths(body);
    const path = all[m.pick % all.length] as (string | number)[];
    const parent = containerAt(body, path.slice(0, -1));
    const last = path.at(-1);
    if (m.op === 'set' && parent && last !== undefined) parent[last] = m.value;
    else if (m.op === 'delete' && parent && last !== undefined) {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (m.op === 'raw' && parent && last !== undefined) {
      parent[last] = RAW(raws.length);
      raws.push(m.token);
    } else if (m.op === 'add' || m.op === 'pollute') {
      const target = containerAt(body, path) ?? body;
      if (Array.isArray(target)) continue;
      const key = m.op === 'add' ? m.key : KEY(keys.length);
      if (m.op === 'pollute') keys.push(m.key);
      target[key] = m.op === 'add' ? m.value : m.key === 'constructor' ? { prototype: { polluted: true } } : { polluted: true };
    }
  }
  let text = JSON.stringify(body);
  raws.forEach((token, n) => (text = text.replace(JSON.stringify(RAW(n)), token)));
  keys.forEach((key, n) => (text = text.replace(JSON.stringify(KEY(n)), JSON.stringify(key))));
  return text;
}

type Payload = { kind: string; payload: string | Buffer | undefined };

function payloads(template: Record<string, unknown>): fc.Arbitrary<Payload> {
  const valid = JSON.stringify(template);
  return fc.oneof(
    { weight: 12, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ({ kind: 'mutated', payload: mutate(template, ms) })) },
    { weight: 2, arbitrary: fc.jsonValue().map((value) => ({ kind: 'random-json', payload: JSON.stringify(value) ?? 'null' })) },
    { weight: 1, arbitrary: fc.constantFrom(`[${valid}]`, '[]', '"a string"', '42', 'null', 'true').map((payload) => ({ kind: 'not-an-object', payload })) },
    {
      weight: 2,
      arbitrary: fc.oneof(
        fc.nat({ max: valid.length - 1 }).map((n) => valid.slice(0, n)),
        fc.constantFrom(
          `${valid.slice(0, -1)},}`,
          valid.replaceAll('"', "'"),
          `/* c */${valid}`,
          `\ufeff${valid}`,
          `${valid}${valid}`,
          `${valid} trailing`,
          '{"a":1,"a":2}',
          '',
          '   ',
          '{',
          '\u0000',
        ),
        fc.string({ unit: 'binary', maxLength: 80 }),
      ).map((payload) => ({ kind: 'malformed', payload })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(Buffer.from([0xff, 0xfe, 0x7b, 0x7d]), Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]), Buffer.from('{"title":"\xed\xa0\x80"}', 'latin1'))
        .map((payload) => ({ kind: 'invalid-utf8', payload })),
    },
    { weight: 1, arbitrary: deepText.map((payload) => ({ kind: 'deep-nesting', payload })) },
    { weight: 1, arbitrary: fc.integer({ min: BODY_LIMIT, max: BODY_LIMIT + 4096 }).map((n) => ({ kind: 'too-large', payload: JSON.stringify({ notes: 'x'.repeat(n) }) })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'valid', payload: valid }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'no-body', payload: undefined }) },
  );
}

const UUID_UPPER = randomUUID().toUpperCase();
const hostileId = fc.oneof(
  fc.constantFrom(
    '1',
    'null',
    'undefined',
    '00000000-0000-0000-0000-000000000000',
    UUID_UPPER,
    `{${randomUUID()}}`,
    `${randomUUID()}x`,
    '..%2F..%2Fadmin%2Fkeys',
    '%2e%2e',
    '%00',
    '%ZZ',
    '%',
    "'%20OR%20'1'%3D'1",
    '%F0%9F%98%80',
    '%ED%A0%80',
    '__proto__',
    'constructor',
    'a'.repeat(10_000),
  ),
  fc.string({ maxLength: 60 }).map(encodeURIComponent),
  fc.string({ unit: 'binary', maxLength: 30 }).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ''))),
);

const visible = (s: string) => s.replace(/[^\x20-\x7e]/g, '');

function headers(keys: { admin: string; editor: string; viewer: string }) {
  const authorization = fc.oneof(
    { weight: 14, arbitrary: fc.constantFrom(`Bearer ${keys.admin}`, `Bearer ${keys.editor}`, `bearer ${keys.editor}`, `Bearer  ${keys.admin} `) },
    {
      weight: 3,
      arbitrary: fc.oneof(
        fc.constantFrom(
          `Bearer ${keys.viewer}`,
          'Bearer',
          'Bearer ',
          `Bearer ${'k'.repeat(10_000)}`,
          'Basic dXNlcjpwYXNzd29yZA==',
          `Token ${keys.admin}`,
          `Bearer ${keys.admin} ${keys.admin}`,
          `Bearer ${keys.admin}\t`,
          'Bearer fcl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
          'Bearer null',
          '',
        ),
        fc.string({ maxLength: 80 }).map((s) => `Bearer ${visible(s)}`),
      ),
    },
    // A key with a real key's lookup prefix costs a full scrypt check: rare, to keep the run short.
    { weight: 1, arbitrary: fc.constant(`Bearer ${keys.editor.slice(0, 20)}${'Z'.repeat(keys.editor.length - 20)}`) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const contentType = fc.oneof(
    { weight: 12, arbitrary: fc.constant('application/json') },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=xyz',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'application/JSON',
        'application/vnd.api+json',
        'application/problem+json',
        'application/json, text/plain',
        ' application/json',
        'application/json;;;',
        'text/html',
        'application/xml',
        '*/*',
        '',
      ),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const ifMatch = fc.oneof(
    { weight: 10, arbitrary: fc.constant(undefined) },
    {
      weight: 3,
      arbitrary: fc.oneof(
        fc.constantFrom('*', '"abc"', 'W/"1"', '"-1"', '"1.5"', '1', '"99999999999999999999"', '""', '"0", "1"', `"${'9'.repeat(5000)}"`, '"0"', '"1"', '"2"', 'W/', '"'),
        hugeDigits.map((digits) => `"${digits}"`),
        fc.string({ maxLength: 30 }).map(visible),
      ),
    },
  );
  const idempotencyKey = fc.oneof(
    { weight: 10, arbitrary: fc.constant(undefined) },
    {
      weight: 3,
      arbitrary: fc.oneof(
        fc.constantFrom('', ' ', 'a'.repeat(201), 'a'.repeat(200), 'key with spaces', '\t', 'x', 'reused-key'),
        fc.string({ maxLength: 40 }).map(visible),
        fc.uuid(),
        hugeDigits,
      ),
    },
  );
  // Tracing headers end up in the log's metadata: hostile ones must not break a write either.
  const tracing = fc.oneof(
    { weight: 10, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.oneof(fc.constantFrom('c'.repeat(8000), 'a b', '\t', '<img src=x>', '${jndi:ldap://x}', '../../x', 'ok-token'), fc.string({ maxLength: 120 }).map(visible), hugeDigits) },
  );
  return fc.record({ authorization, contentType, ifMatch, idempotencyKey, correlationId: tracing, causationId: tracing, requestId: tracing });
}

// ------------------------------------------------------------ the run

/** The `code` of an error body, whatever shape it has, to name a violation. */
function codeIn(body: string): string {
  try {
    return String((JSON.parse(body) as { code?: unknown }).code ?? 'no code');
  } catch {
    return 'not JSON';
  }
}

t.test(`${TOTAL_RUNS}+ hostile requests across every write route: no 5xx, problem+json, nothing appended`, async (t) => {
  const { app, store, keys } = await buildTestApp(t);
  const admin = { authorization: `Bearer ${keys.admin}` };
  const post = async (url: string, body: unknown) => {
    const response = await app.inject({ method: 'POST', url, headers: admin, payload: body as object });
    if (response.statusCode >= 300) throw new Error(`fixture ${url}: ${response.statusCode} ${response.body}`);
    return response.json().id as string;
  };
  let pairs = 0;
  // Each fixture is a pair of its own: the same pair is not proposed twice.
  const propose = (kind: string) =>
    post('/partnerships', { local: { divisionCode: '370200' }, partner: { nameEn: `Pusan ${++pairs}`, country: 'KR', level: 'city' }, kind, date: '2020-01-01' });
  const fixtures = {} as Fixtures;
  fixtures.candidate = await propose('sister');
  fixtures.intentSigned = await propose('sister');
  await post(`/partnerships/${fixtures.intentSigned}/letter-of-intent`, { date: '2020-02-01' });
  fixtures.underReview = await propose('sister');
  await post(`/partnerships/${fixtures.underReview}/letter-of-intent`, { date: '2020-02-01' });
  await post(`/partnerships/${fixtures.underReview}/approval-requests`, { level: 'city', date: '2020-03-01' });
  fixtures.active = await propose('friendly_cooperation');
  await post(`/partnerships/${fixtures.active}/letter-of-intent`, { date: '2020-02-01' });
  await post(`/partnerships/${fixtures.active}/agreement`, { date: '2020-03-01', place: 'Qingdao', signatories: [{ side: 'local', name: 'A' }] });
  fixtures.dormant = await propose('friendly_cooperation');
  await post(`/partnerships/${fixtures.dormant}/letter-of-intent`, { date: '2020-02-01' });
  await post(`/partnerships/${fixtures.dormant}/agreement`, { date: '2020-03-01', place: 'Qingdao', signatories: [{ side: 'local', name: 'A' }] });
  await post(`/partnerships/${fixtures.dormant}/dormancy`, { date: '2020-04-01', reason: 'quiet' });
  const project = {
    title: 'Sister ports',
    sector: 'port_logistics',
    partnershipIds: [fixtures.active],
    leadOffice: '370200',
    plannedStart: '2020-05-01',
    plannedEnd: '2022-05-01',
    date: '2020-04-01',
  };
  fixtures.planned = await post('/projects', project);
  fixtures.started = await post('/projects', project);
  await post(`/projects/${fixtures.started}/start`, { date: '2020-05-01' });
  fixtures.campaign = await post('/campaigns', { name: 'Activate', startsOn: '2020-01-01', endsOn: '2022-12-31', date: '2020-01-01' });

  let last = (await store.readAll({ maxCount: 1_000_000 })).at(-1)?.position as Position;
  const statuses: number[] = [];
  const codes: string[] = [];
  const kinds: string[] = [];
  let appended = 0;
  let refusedByClient = 0;
  const violations = new Map<string, { count: number; routes: string[]; example: Record<string, unknown> }>();
  const seed = Date.now() % 2 ** 31;
  const started = performance.now();
  const runsPerRoute = Math.ceil(TOTAL_RUNS / ROUTES.length);

  for (const route of ROUTES) {
    const template = route.body(fixtures);
    const ids = route.target === 'none' ? fc.constant('') : fc.oneof({ weight: 5, arbitrary: fc.constant(fixtures[route.target]) }, { weight: 2, arbitrary: fc.uuid() }, { weight: 3, arbitrary: hostileId });
    const request = fc.record({ id: ids, body: payloads(template), headers: headers(keys) });
    await fc.assert(
      fc.asyncProperty(request, async ({ id, body, headers: h }) => {
        const url = route.url.replace(':id', id);
        const requestHeaders: Record<string, string> = {};
        if (h.authorization !== undefined) requestHeaders.authorization = h.authorization;
        if (h.contentType !== undefined) requestHeaders['content-type'] = h.contentType;
        if (h.ifMatch !== undefined) requestHeaders['if-match'] = h.ifMatch;
        if (h.idempotencyKey !== undefined) requestHeaders['idempotency-key'] = h.idempotencyKey;
        if (h.correlationId !== undefined) requestHeaders['x-correlation-id'] = h.correlationId;
        if (h.causationId !== undefined) requestHeaders['x-causation-id'] = h.causationId;
        if (h.requestId !== undefined) requestHeaders['x-request-id'] = h.requestId;
        let response;
        try {
          response = await app.inject({ method: 'POST', url, headers: requestHeaders, ...(body.payload === undefined ? {} : { payload: body.payload }) });
        } catch {
          // The injecting client refused to build the request (as a real HTTP client would): nothing reached the app.
          refusedByClient++;
          return;
        }
        const status = response.statusCode;
        statuses.push(status);
        kinds.push(body.kind);
        // Violations are collected, not thrown: one run then reports every kind of failure, with the routes and an example.
        const violation = (what: string) => {
          const seen = violations.get(what) ?? {
            count: 0,
            routes: [],
            example: {
              response: response.body.slice(0, 200),
              url: url.slice(0, 120),
              headers: JSON.stringify(requestHeaders).slice(0, 200),
              body: String(body.payload).slice(0, 200),
            },
          };
          seen.count++;
          if (!seen.routes.includes(route.url)) seen.routes.push(route.url);
          violations.set(what, seen);
        };
        if (status >= 500) violation(`a ${status}`);
        if (status >= 400) {
          const contentType = String(response.headers['content-type']);
          if (!contentType.startsWith('application/problem+json')) violation(`a ${status} as ${contentType}, not problem+json (${codeIn(response.body)})`);
          else {
            const problem = response.json() as { status?: unknown; code?: unknown };
            if (problem.status !== status || typeof problem.code !== 'string') violation(`a ${status} with a malformed problem`);
            else codes.push(problem.code);
          }
        }
        const fresh = await store.readAll({ ...(last ? { after: last } : {}), maxCount: 100 });
        if (fresh.length > 0) {
          if (status >= 300) violation(`a rejected request (${status}) appended ${fresh.map((e) => e.type).join(', ')}`);
          appended += fresh.length;
          last = (fresh.at(-1) as { position: Position }).position;
        }
        if (({} as Record<string, unknown>).polluted !== undefined) violation('Object.prototype was polluted');
      }),
      { numRuns: runsPerRoute, seed },
    );
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  const health = await app.inject({ method: 'GET', url: '/health' });
  t.equal(health.statusCode, 200, 'the process still answers /health');
  for (const id of [fixtures.active, fixtures.candidate]) {
    t.equal((await app.inject({ method: 'GET', url: `/partnerships/${id}/history`, headers: admin })).statusCode, 200, 'histories still read');
  }
  // X-Request-Id and X-Correlation-Id are kept only when they are short tokens; see what X-Causation-Id lets through.
  const probeTarget = await propose('friendly_cooperation');
  const longTracingId = `<b>${'c'.repeat(8000)}`;
  const probe = await app.inject({
    method: 'POST',
    url: `/partnerships/${probeTarget}/activities`,
    headers: { ...admin, 'x-causation-id': longTracingId, 'x-correlation-id': longTracingId },
    payload: { type: 'forum', direction: 'joint', title: 'Causation probe', participants: 1, date: DATE },
  });
  const probed = (await store.readAll({ after: last, maxCount: 10 })).at(-1);
  if (probed) last = probed.position;
  const probedMetadata = (probed?.type === 'ActivityRecorded' ? probed.metadata : {}) as { causationId?: unknown; correlationId?: unknown };
  t.comment(
    `hostile-input: X-Causation-Id and X-Correlation-Id of ${longTracingId.length} characters → ${probe.statusCode}; stored causationId ${String(probedMetadata.causationId ?? '').length} characters, ` +
      `correlationId ${String(probedMetadata.correlationId ?? '').length} characters`,
  );
  const TOKEN = /^[\w.@:-]{1,100}$/;
  const causations = (await store.readAll({ maxCount: 1_000_000 }))
    .map((event) => event.metadata.causationId)
    .filter((id): id is string => typeof id === 'string');
  const untokenlike = causations.filter((id) => !TOKEN.test(id));
  const longest = Math.max(0, ...causations.map((id) => id.length));
  const overview = await app.inject({ method: 'GET', url: `/dashboards/overview?minPosition=${last}`, headers: admin });
  t.equal(overview.statusCode, 200, 'the read side has projected every accepted hostile write');

  t.comment(`hostile-input: ${statuses.length} requests over ${ROUTES.length} write routes in ${seconds} s (seed ${seed}), ${refusedByClient} refused by the injecting client`);
  t.comment(`hostile-input: statuses ${JSON.stringify(histogram(statuses))}`);
  t.comment(`hostile-input: problem codes ${JSON.stringify(histogram(codes))}`);
  t.comment(`hostile-input: body kinds ${JSON.stringify(histogram(kinds))}; ${appended} events appended by accepted requests`);
  t.comment(`hostile-input: ${untokenlike.length} stored events carry an X-Causation-Id the request-id rule would refuse (longest ${longest} characters)`);
  t.ok(statuses.length >= TOTAL_RUNS, `at least ${TOTAL_RUNS} requests reached the app`);
  t.notOk(statuses.some((s) => s >= 500), 'never a 5xx');
  t.same(Object.fromEntries(violations), {}, 'no 5xx, every 4xx problem+json, no rejected request appended anything');
});
