import t from 'tap';
import { VOCABULARIES } from '../../src/i18n/vocabulary.ts';
import { buildTestApp, jinanFriendly, qingdaoDakar } from './harness.ts';

type Entry = { code: string; zh: string; en: string };

t.test('GET /vocabulary: every enum with both labels, for every reader', async (t) => {
  const { get, keys, app } = await buildTestApp(t);
  const response = await get('/vocabulary', { authorization: `Bearer ${keys.viewer}` });
  t.equal(response.statusCode, 200);
  const answer = response.json() as Record<string, Entry[]>;
  for (const [name, { values }] of Object.entries(VOCABULARIES)) {
    t.same(answer[name]?.map((entry) => entry.code), [...values], `${name}: every value`);
  }
  t.match(answer.partnershipKind, [{ code: 'sister', zh: '友好城市（友好省州）', en: 'Sister city or province' }]);
  t.equal((await app.inject({ method: 'GET', url: '/vocabulary' })).statusCode, 401, 'readers only');
});

t.test('the vocabulary covers every enum the OpenAPI document declares in answers and bodies', async (t) => {
  const { app, get } = await buildTestApp(t);
  const document = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  const answer = (await get('/vocabulary')).json() as Record<string, Entry[]>;
  const covered = new Set(Object.values(answer).flatMap((entries) => entries.map((entry) => entry.code)));
  // Enums of the contract's mechanics, for programs rather than people: query steps and formats,
  // a history entry's kinds of change, the hash-chain check's findings, the operations routes' states
  // and where the rate-limit counters are kept.
  const mechanics = new Set([
    ...['year', 'quarter', 'month', 'true', 'false', 'json', 'csv', 'xlsx', 'jsonl', 'forwards', 'backwards'],
    ...['added', 'changed', 'removed'],
    ...['ok', 'content-altered', 'hash-missing', 'link-broken', 'revision-missing', 'revision-out-of-order'],
    ...['live', 'ready', 'degraded', 'failed', 'unavailable'],
    ...['shared', 'process', 'fallback', 'off'],
  ]);
  const uncovered = new Set<string>();
  const walk = (node: unknown, key: string) => {
    if (Array.isArray(node)) return node.forEach((child) => walk(child, key));
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (Array.isArray(record.enum) && key !== 'parameters') {
      for (const value of record.enum) if (typeof value === 'string' && !covered.has(value) && !mechanics.has(value)) uncovered.add(value);
    }
    for (const [child, value] of Object.entries(record)) walk(value, child === 'parameters' ? 'parameters' : key);
  };
  walk(document.components?.schemas ?? {}, 'schemas');
  walk(document.paths ?? {}, 'paths');
  t.same([...uncovered].sort(), [], 'no enum value without a label');
});

t.test('dashboards show their codes with labels in the language asked', async (t) => {
  const { post, get } = await buildTestApp(t);
  await post('/partnerships', qingdaoDakar);
  await post('/partnerships', jinanFriendly);
  const zh = (await get('/dashboards/overview')).json();
  t.match(zh.labels, {
    partnershipKind: { sister: '友好城市（友好省州）', friendly_cooperation: '友好合作关系' },
    partnershipStatus: { candidate: '储备意向' },
    continent: { Africa: '非洲' },
    countryGroup: { RCEP: 'RCEP 成员国' },
  });
  const en = (await get('/dashboards/overview?lang=en')).json();
  t.match(en.labels, { partnershipStatus: { candidate: 'Candidate' }, continent: { Africa: 'Africa' } });
  t.same({ ...en, labels: undefined }, { ...zh, labels: undefined }, 'the figures and codes themselves do not change');
  const again = await get('/dashboards/overview', { 'accept-language': 'en' });
  t.equal(again.json().labels.continent.Africa, 'Africa', 'the answer cache keeps each language apart');
  t.equal(again.headers['content-language'], 'en');
  t.match((await get('/dashboards/pipeline')).json().labels, { partnershipStatus: { candidate: '储备意向' } });
  t.match((await get('/dashboards/projects')).json().labels, { projectStatus: { planned: '谋划中' } });
  t.match((await get('/dashboards/timeline')).json().labels, { activityType: { culture: '文化交流' } });
});
