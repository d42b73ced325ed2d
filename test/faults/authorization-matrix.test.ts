/**
 * Every role × the office owning the target × every route of the README.
 * The expectations are written from the README's roles table, not read from
 * the policy code: admin may do everything; an editor reads everything
 * but the audit trail and writes partnerships and projects of its offices
 * (a city's office covers its counties, 370200 covers 370211; the province
 * office 370000 covers province-level records only, runs campaigns, and records
 * the province and national approval decisions on every office's file); a
 * viewer reads the register, states and dashboards; an auditor reads, plus
 * the audit trail (histories, the global log, chain verification); no key, or a revoked one, is a 401. For a write, a 409 from a
 * business rule means authorization let it through.
 */
import t from 'tap';
import { buildTestApp } from '../http/harness.ts';
import type { Position } from '../../src/event-store/port.ts';
import { histogram } from './support.ts';

const ROLES = ['admin', 'qingdaoEditor', 'provinceEditor', 'viewer', 'auditor', 'noKey', 'revokedKey'] as const;
type Role = (typeof ROLES)[number];

/** The office owning the target: its local division (partnerships) or lead office (projects). */
const OFFICES = { qingdao: '370200', county: '370211', jinan: '370100', province: '370000' } as const;
type Office = keyof typeof OFFICES;
/** The reporting office answering for a division (the filters of the read models take these). */
const REPORTING: Record<Office, string> = { qingdao: '370200', county: '370200', jinan: '370100', province: '370000' };

const EDITOR_OFFICES: Partial<Record<Role, string[]>> = { qingdaoEditor: ['370200'], provinceEditor: ['370000'] };

type Access = 'public' | 'read' | 'history' | 'write' | 'admin';

/** README: "a city's office covers its counties, districts and institutions"; the province office only province-level records. */
function covers(offices: string[], division: string): boolean {
  return offices.some((office) => office === division || (office !== '370000' && `${division.slice(0, 4)}00` === office));
}

function expectation(role: Role, access: Access, owner: string | undefined): 'allowed' | 401 | 403 {
  if (access === 'public') return 'allowed';
  if (role === 'noKey' || role === 'revokedKey') return 401;
  if (role === 'admin') return 'allowed';
  const editorOffices = EDITOR_OFFICES[role];
  switch (access) {
    case 'read':
      return 'allowed';
    case 'history':
      return role === 'auditor' ? 'allowed' : 403;
    case 'admin':
      return 403;
    case 'write':
      return editorOffices && owner !== undefined && covers(editorOffices, owner) ? 'allowed' : 403;
  }
}

interface Request {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  payload?: Record<string, unknown>;
}

interface Route {
  name: string;
  access: Access;
  /** The office whose editors may write it: the target's, the province's for campaigns, the reporting office's for reports. */
  owner?: (office: Office) => string;
  /** Builds a fresh target in a state that accepts the request, and the request. */
  prepare: (office: Office) => Promise<Request>;
  /** Where the route has no target of that office. */
  skip?: (office: Office) => string | undefined;
  allowed: number[];
}

t.test('authorization matrix: role × office × route', async (t) => {
  const { app, store, keys } = await buildTestApp(t);
  const admin = { authorization: `Bearer ${keys.admin}` };
  const inject = (request: Request, headers: Record<string, string>) =>
    app.inject({ method: request.method, url: request.url, headers, ...(request.payload ? { payload: request.payload } : {}) });
  const asAdmin = async (request: Request) => {
    const response = await inject(request, admin);
    if (response.statusCode >= 300) throw new Error(`setup ${request.url}: ${response.statusCode} ${response.body}`);
    return response.json() as Record<string, unknown>;
  };
  const issue = async (name: string, role: string, offices?: string[]) =>
    (await asAdmin({ method: 'POST', url: '/admin/keys', payload: { name, role, ...(offices ? { offices } : {}) } })).key as string;

  const provinceEditor = await issue('province-editor', 'editor', ['370000']);
  const revoked = await issue('revoked-editor', 'editor', ['370200']);
  // Used once while valid, so a cached verification has to be forgotten on revocation.
  t.equal((await app.inject({ method: 'GET', url: '/dashboards/overview', headers: { authorization: `Bearer ${revoked}` } })).statusCode, 200);
  t.equal((await app.inject({ method: 'DELETE', url: '/admin/keys/revoked-editor', headers: admin })).statusCode, 204);
  const headersOf: Record<Role, Record<string, string>> = {
    admin,
    qingdaoEditor: { authorization: `Bearer ${keys.qingdaoEditor}` },
    provinceEditor: { authorization: `Bearer ${provinceEditor}` },
    viewer: { authorization: `Bearer ${keys.viewer}` },
    auditor: { authorization: `Bearer ${keys.auditor}` },
    noKey: {},
    revokedKey: { authorization: `Bearer ${revoked}` },
  };

  // ---- targets, made fresh by an admin for every cell that writes
  let serial = 0;
  const local = (office: Office) => ({
    divisionCode: OFFICES[office],
    ...(office === 'county' ? { nameEn: 'Huangdao District' } : {}),
  });
  const firstApproval = (office: Office) => (office === 'province' ? 'province' : 'city');
  const partnership = async (office: Office, kind: 'sister' | 'friendly_cooperation', upTo: 'candidate' | 'intent_signed' | 'under_review' | 'active' | 'dormant') => {
    const id = (
      await asAdmin({
        method: 'POST',
        url: '/partnerships',
        payload: {
          local: local(office),
          partner: { nameEn: `Matrix partner ${++serial}`, country: 'NZ', level: office === 'province' ? 'province' : 'city' },
          kind,
          date: '2020-01-01',
        },
      })
    ).id as string;
    if (upTo === 'candidate') return id;
    await asAdmin({ method: 'POST', url: `/partnerships/${id}/letter-of-intent`, payload: { date: '2020-02-01' } });
    if (upTo === 'under_review') {
      await asAdmin({ method: 'POST', url: `/partnerships/${id}/approval-requests`, payload: { level: firstApproval(office), date: '2020-03-01' } });
    }
    if (upTo === 'active' || upTo === 'dormant') {
      if (kind === 'sister') {
        const levels = office === 'province' ? ['province', 'national'] : ['city', 'province', 'national'];
        for (const [n, level] of levels.entries()) {
          await asAdmin({ method: 'POST', url: `/partnerships/${id}/approval-requests`, payload: { level, date: `2020-02-${10 + 2 * n}` } });
          await asAdmin({ method: 'POST', url: `/partnerships/${id}/approval-decisions`, payload: { level, decision: 'granted', reference: 'R-1', date: `2020-02-${11 + 2 * n}` } });
        }
      }
      await asAdmin({
        method: 'POST',
        url: `/partnerships/${id}/agreement`,
        payload: { date: '2020-03-01', place: 'Auckland', signatories: [{ side: 'local', name: 'Sun' }] },
      });
    }
    if (upTo === 'dormant') await asAdmin({ method: 'POST', url: `/partnerships/${id}/dormancy`, payload: { date: '2020-04-01', reason: 'quiet' } });
    return id;
  };
  const projectBody = (office: Office, partnershipId: string) => ({
    title: `Matrix project ${++serial}`,
    sector: 'education',
    partnershipIds: [partnershipId],
    leadOffice: OFFICES[office],
    plannedStart: '2020-06-01',
    plannedEnd: '2022-06-01',
    date: '2020-05-01',
  });
  const project = async (office: Office, started: boolean) => {
    const id = (await asAdmin({ method: 'POST', url: '/projects', payload: projectBody(office, await partnership(office, 'friendly_cooperation', 'active')) })).id as string;
    if (started) await asAdmin({ method: 'POST', url: `/projects/${id}/start`, payload: { date: '2020-06-01' } });
    return id;
  };
  const campaignBody = () => ({ name: `Matrix campaign ${++serial}`, startsOn: '2021-01-01', endsOn: '2021-12-31', date: '2021-01-01' });
  const campaign = async () => (await asAdmin({ method: 'POST', url: '/campaigns', payload: campaignBody() })).id as string;

  const post = (url: string, payload: Record<string, unknown>): Request => ({ method: 'POST', url, payload });
  const get = (url: string): Request => ({ method: 'GET', url });
  const WRITE = [200, 201, 409];
  const owned = (office: Office) => OFFICES[office];
  const p = (kind: 'sister' | 'friendly_cooperation', upTo: Parameters<typeof partnership>[2], path: string, payload: Record<string, unknown>) => async (office: Office) =>
    post(`/partnerships/${await partnership(office, kind, upTo)}${path}`, payload);
  const writeSpecs: (Pick<Route, 'name' | 'prepare'> & Partial<Pick<Route, 'owner' | 'skip'>>)[] = [
    {
      name: 'POST /partnerships',
      prepare: async (office) =>
        post('/partnerships', { local: local(office), partner: { nameEn: `New ${++serial}`, country: 'CL', level: 'city' }, kind: 'sister', date: '2021-06-01' }),
    },
    { name: 'POST /partnerships/:id/contact', prepare: p('sister', 'candidate', '/contact', { date: '2021-06-01' }) },
    { name: 'POST /partnerships/:id/letter-of-intent', prepare: p('sister', 'candidate', '/letter-of-intent', { date: '2021-06-01' }) },
    {
      name: 'POST /partnerships/:id/approval-requests',
      prepare: async (office) => post(`/partnerships/${await partnership(office, 'sister', 'intent_signed')}/approval-requests`, { level: firstApproval(office), date: '2021-06-01' }),
    },
    {
      name: 'POST /partnerships/:id/approval-decisions',
      // The first level is the city's for a city's file, the province office's for its own.
      prepare: async (office) =>
        post(`/partnerships/${await partnership(office, 'sister', 'under_review')}/approval-decisions`, { level: firstApproval(office), decision: 'granted', reference: 'REF-2021-1', date: '2021-06-01' }),
    },
    {
      // The province office records province and national decisions on every office's file.
      name: 'POST /partnerships/:id/approval-decisions (province level)',
      owner: () => '370000',
      prepare: async (office) => {
        const id = await partnership(office, 'sister', 'under_review');
        if (office !== 'province') {
          await asAdmin(post(`/partnerships/${id}/approval-decisions`, { level: 'city', decision: 'granted', date: '2020-04-01' }));
          await asAdmin(post(`/partnerships/${id}/approval-requests`, { level: 'province', date: '2020-04-10' }));
        }
        return post(`/partnerships/${id}/approval-decisions`, { level: 'province', decision: 'granted', reference: 'LZB-2020-5', date: '2020-05-01' });
      },
    },
    {
      name: 'POST /partnerships/:id/agreement',
      prepare: p('friendly_cooperation', 'intent_signed', '/agreement', { date: '2021-06-01', place: 'Jinan', signatories: [{ side: 'local', name: 'Qian' }] }),
    },
    {
      name: 'POST /partnerships/:id/activities',
      prepare: p('friendly_cooperation', 'active', '/activities', { date: '2021-06-01', type: 'sports', direction: 'incoming', title: 'Marathon', participants: 30 }),
    },
    {
      name: 'POST /partnerships/:id/upgrade',
      prepare: async (office) => {
        const id = await partnership(office, 'friendly_cooperation', 'active');
        // The upgrade needs the approvals a new sister tie of that office needs.
        const levels = office === 'province' ? ['province', 'national'] : ['city', 'province', 'national'];
        for (const [n, level] of levels.entries()) {
          await asAdmin(post(`/partnerships/${id}/approval-requests`, { level, date: `2021-0${n + 1}-10` }));
          await asAdmin(post(`/partnerships/${id}/approval-decisions`, { level, decision: 'granted', reference: `${level}-2021-3`, date: `2021-0${n + 1}-25` }));
        }
        return post(`/partnerships/${id}/upgrade`, { to: 'sister', place: 'Auckland', signatories: [{ side: 'local', name: 'Sun' }], date: '2021-06-01' });
      },
    },
    { name: 'POST /partnerships/:id/dormancy', prepare: p('friendly_cooperation', 'active', '/dormancy', { reason: 'quiet', date: '2021-06-01' }) },
    { name: 'POST /partnerships/:id/reactivation', prepare: p('friendly_cooperation', 'dormant', '/reactivation', { reason: 'campaign', date: '2021-06-01' }) },
    { name: 'POST /partnerships/:id/termination', prepare: p('friendly_cooperation', 'active', '/termination', { reason: 'merged', date: '2021-06-01' }) },
    {
      // Ending a sister tie is the province office's act, on every office's file.
      name: 'POST /partnerships/:id/termination (sister)',
      owner: () => '370000',
      prepare: p('sister', 'active', '/termination', { reason: 'merged', reference: 'LZB-2021-8', date: '2021-06-01' }),
    },
    { name: 'POST /partnerships/:id/withdrawal', prepare: p('sister', 'candidate', '/withdrawal', { reason: 'no interest', date: '2021-06-01' }) },
    {
      name: 'POST /partnerships/:id/corrections',
      prepare: async (office) => post(`/partnerships/${await partnership(office, 'friendly_cooperation', 'active')}/corrections`, { partner: { nameZh: `更正 ${++serial}` }, reason: 'mistyped' }),
    },
    { name: 'POST /projects', prepare: async (office) => post('/projects', projectBody(office, await partnership(office, 'friendly_cooperation', 'active'))) },
    { name: 'POST /projects/:id/start', prepare: async (office) => post(`/projects/${await project(office, false)}/start`, { date: '2021-06-01' }) },
    { name: 'POST /projects/:id/milestones', prepare: async (office) => post(`/projects/${await project(office, true)}/milestones`, { title: 'halfway', date: '2021-06-01' }) },
    { name: 'POST /projects/:id/completion', prepare: async (office) => post(`/projects/${await project(office, true)}/completion`, { date: '2021-06-01' }) },
    { name: 'POST /projects/:id/cancellation', prepare: async (office) => post(`/projects/${await project(office, false)}/cancellation`, { reason: 'no budget', date: '2021-06-01' }) },
    { name: 'POST /campaigns', owner: () => '370000', prepare: async () => post('/campaigns', campaignBody()) },
    {
      name: 'POST /campaigns/:id/enrollments',
      owner: () => '370000',
      prepare: async (office) => post(`/campaigns/${await campaign()}/enrollments`, { partnershipId: await partnership(office, 'friendly_cooperation', 'dormant'), date: '2021-06-01' }),
    },
    { name: 'POST /campaigns/:id/targets', owner: () => '370000', prepare: async () => post(`/campaigns/${await campaign()}/targets`, { metric: 'reactivations', value: 5, date: '2021-06-01' }) },
    { name: 'POST /campaigns/:id/closure', owner: () => '370000', prepare: async () => post(`/campaigns/${await campaign()}/closure`, { date: '2021-06-01' }) },
    {
      name: 'POST /reports/quarterly',
      owner: (office) => REPORTING[office],
      prepare: async (office) => post('/reports/quarterly', { office: OFFICES[office], year: 2021, quarter: 1 + (++serial % 4) }),
      skip: (office) => (office === 'county' ? 'reports come only from the province and the 16 cities (README)' : undefined),
    },
  ];
  const writes: Route[] = writeSpecs.map((route) => ({ access: 'write', owner: owned, allowed: WRITE, ...route }));

  // ---- read targets: one per office, never changed by the reads
  const readTargets = {} as Record<Office, { partnership: string; project: string }>;
  for (const office of Object.keys(OFFICES) as Office[]) {
    const partnershipId = await partnership(office, 'friendly_cooperation', 'active');
    await asAdmin({ method: 'POST', url: `/partnerships/${partnershipId}/activities`, payload: { date: '2021-05-01', type: 'forum', direction: 'joint', title: 'Forum', participants: 3 } });
    readTargets[office] = { partnership: partnershipId, project: await project(office, true) };
  }
  const readCampaign = await campaign();
  const read = (name: string, access: Access, request: (office: Office) => Request): Route => ({
    name,
    access,
    prepare: async (office) => request(office),
    allowed: [200],
  });
  const reads: Route[] = [
    read('GET /partnerships/:id', 'read', (o) => get(`/partnerships/${readTargets[o].partnership}`)),
    read('GET /partnerships/:id/history', 'history', (o) => get(`/partnerships/${readTargets[o].partnership}/history`)),
    read('GET /projects/:id', 'read', (o) => get(`/projects/${readTargets[o].project}`)),
    read('GET /projects/:id/history', 'history', (o) => get(`/projects/${readTargets[o].project}/history`)),
    read('GET /campaigns/:id', 'read', () => get(`/campaigns/${readCampaign}`)),
    read('GET /campaigns/:id/history', 'history', () => get(`/campaigns/${readCampaign}/history`)),
    read('GET /audit/events', 'history', () => get('/audit/events?limit=5')),
    read('GET /audit/verify', 'history', (o) => get(`/audit/verify?stream=partnership-${readTargets[o].partnership}`)),
    read('GET /partnerships', 'read', (o) => get(`/partnerships?office=${REPORTING[o]}`)),
    read('GET /projects', 'read', (o) => get(`/projects?office=${REPORTING[o]}`)),
    read('GET /dashboards/overview', 'read', () => get('/dashboards/overview')),
    read('GET /dashboards/pipeline', 'read', () => get('/dashboards/pipeline')),
    read('GET /dashboards/projects', 'read', (o) => get(`/dashboards/projects?office=${REPORTING[o]}`)),
    read('GET /dashboards/campaigns/:id', 'read', () => get(`/dashboards/campaigns/${readCampaign}`)),
    read('GET /dashboards/evaluation', 'read', (o) => get(`/dashboards/evaluation?office=${REPORTING[o]}`)),
    read('GET /dashboards/dormancy', 'read', () => get('/dashboards/dormancy?months=12')),
    read('GET /dashboards/timeline', 'read', (o) => get(`/dashboards/timeline?partnershipId=${readTargets[o].partnership}`)),
    read('GET /reports/quarterly', 'read', (o) => get(`/reports/quarterly?year=2021&quarter=2&office=${REPORTING[o]}`)),
    read('GET /reports/quarterly (csv)', 'read', (o) => get(`/reports/quarterly?year=2021&quarter=2&office=${REPORTING[o]}&format=csv`)),
    read('GET /reports/submissions', 'read', () => get('/reports/submissions?year=2021&quarter=1')),
    read('GET /metrics', 'read', () => get('/metrics')),
    read('GET /health', 'public', () => get('/health')),
    read('GET /ready', 'public', () => get('/ready')),
    read('GET /openapi.json', 'public', () => get('/openapi.json')),
    read('GET /docs/', 'public', () => get('/docs/')),
  ];
  const adminRoutes: Route[] = [
    { name: 'GET /admin/keys', access: 'admin', prepare: async () => get('/admin/keys'), allowed: [200] },
    {
      name: 'POST /admin/keys',
      access: 'admin',
      prepare: async () => post('/admin/keys', { name: `matrix-key-${++serial}`, role: 'viewer' }),
      allowed: [201],
    },
    {
      name: 'DELETE /admin/keys/:name',
      access: 'admin',
      prepare: async () => {
        const name = `matrix-victim-${++serial}`;
        await issue(name, 'viewer');
        return { method: 'DELETE', url: `/admin/keys/${name}` };
      },
      allowed: [204],
    },
  ];
  const routes = [...writes, ...reads, ...adminRoutes];

  // ---- the matrix
  let known: Position | undefined;
  /** The log's last position, read incrementally: the log grows by thousands of setup events. */
  const lastPosition = async () => {
    const fresh = await store.readAll({ ...(known ? { after: known } : {}), maxCount: 1_000_000 });
    known = fresh.at(-1)?.position ?? known;
    return known;
  };
  const cells: { role: Role; office: Office; route: string; expected: string; status: number }[] = [];
  const wrong: string[] = [];
  const skipped: string[] = [];
  let deniedThatWrote = 0;
  let conflicts = 0;
  for (const office of Object.keys(OFFICES) as Office[]) {
    for (const route of routes) {
      const reason = route.skip?.(office);
      if (reason) {
        skipped.push(`${route.name} × ${office}: ${reason}`);
        continue;
      }
      for (const role of ROLES) {
        const owner = route.owner?.(office);
        const expected = expectation(role, route.access, owner);
        const request = await route.prepare(office);
        const before = await lastPosition();
        const response = await inject(request, headersOf[role]);
        const status = response.statusCode;
        cells.push({ role, office, route: route.name, expected: String(expected), status });
        const ok = expected === 'allowed' ? route.allowed.includes(status) : status === expected;
        if (!ok) wrong.push(`${role} × ${office} × ${route.name}: expected ${expected === 'allowed' ? route.allowed.join('/') : expected}, got ${status} ${response.body.slice(0, 160)}`);
        if (route.access === 'write' && status === 409) conflicts++;
        if (expected !== 'allowed') {
          if (!String(response.headers['content-type']).startsWith('application/problem+json')) wrong.push(`${role} × ${office} × ${route.name}: a ${status} that is not problem+json`);
          if (expected === 401 && !/^Bearer/.test(String(response.headers['www-authenticate']))) wrong.push(`${role} × ${office} × ${route.name}: a 401 without WWW-Authenticate: Bearer`);
          if ((await lastPosition()) !== before) deniedThatWrote++;
        }
      }
    }
  }

  t.comment(
    `authorization-matrix: ${cells.length} cells = ${ROLES.length} roles × ${Object.keys(OFFICES).length} offices × ${routes.length} routes ` +
      `(${writes.length} writes, ${reads.length} reads, ${adminRoutes.length} key routes) less ${skipped.length * ROLES.length} cells without a target; ` +
      `${wrong.length} unexpected, ${conflicts} allowed writes answered 409, ${deniedThatWrote} denied requests that wrote`,
  );
  for (const role of ROLES) t.comment(`authorization-matrix: ${role} ${JSON.stringify(histogram(cells.filter((c) => c.role === role).map((c) => c.status)))}`);
  t.same(wrong, [], 'every cell answers as the roles table says');
  t.equal(deniedThatWrote, 0, 'a denied request writes nothing');
  t.equal(conflicts, 0, 'every allowed write found its target in a state that accepts it');
  const keyList = (await app.inject({ method: 'GET', url: '/admin/keys', headers: admin })).json().keys as { name: string }[];
  t.notOk(keyList.some((k) => k.name === 'revoked-editor'), 'the revoked key stays revoked');
});
