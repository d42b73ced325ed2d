import t from 'tap';
import { buildTestApp, qingdaoDakar } from './harness.ts';

const missingKind = { ...qingdaoDakar, kind: undefined, date: '2021-03-01' };

t.test('without Accept-Language the answer is in Chinese', async (t) => {
  const { post } = await buildTestApp(t);
  const response = await post('/partnerships', missingKind);
  t.equal(response.statusCode, 400);
  t.equal(response.headers['content-language'], 'zh-CN');
  t.match(response.headers.vary, /accept-language/i);
  t.match(response.json(), {
    code: 'invalid-request',
    title: '请求无效',
    detail: '部分字段缺失或无效。',
    errors: [{ path: 'body.kind', message: '此字段为必填项' }],
  });
});

t.test('Accept-Language picks English, ?lang wins over it, and codes and paths never change', async (t) => {
  const { post } = await buildTestApp(t);
  const english = await post('/partnerships', missingKind, { 'accept-language': 'en-US,en;q=0.9' });
  t.equal(english.headers['content-language'], 'en');
  t.match(english.json(), {
    code: 'invalid-request',
    title: 'The request is not valid',
    detail: 'Some fields are missing or invalid.',
    errors: [{ path: 'body.kind', message: /^Invalid option/ }],
  });
  const overridden = await post('/partnerships?lang=en', missingKind, { 'accept-language': 'zh-CN' });
  t.equal(overridden.headers['content-language'], 'en');
  t.equal(overridden.json().title, 'The request is not valid');
  const chinese = await post('/partnerships?lang=zh', missingKind, { 'accept-language': 'en' });
  t.equal(chinese.json().title, '请求无效');
  const strip = ({ title, detail, errors, requestId, instance, ...rest }: Record<string, unknown>) => ({
    ...rest,
    paths: (errors as { path: string; code?: string }[]).map(({ path, code }) => [path, code]),
  });
  t.same(strip(chinese.json()), strip(english.json()), 'the same code, type, status and field paths in both languages');
});

t.test('a language we do not speak, or a wildcard, gives Chinese; q=0 refuses one', async (t) => {
  const { get } = await buildTestApp(t);
  for (const [header, expected] of [
    ['fr-FR, de;q=0.8', 'zh-CN'],
    ['*', 'zh-CN'],
    ['en;q=0, zh;q=0.1', 'zh-CN'],
    ['fr, en;q=0.5', 'en'],
    ['zh-Hans-CN', 'zh-CN'],
  ] as const) {
    const response = await get('/nowhere', { 'accept-language': header });
    t.equal(response.statusCode, 404);
    t.equal(response.headers['content-language'], expected, header);
  }
  t.equal((await get('/nowhere')).json().detail, '不存在路由 GET /nowhere');
});

t.test('a zod check in Chinese and in English, for the same request', async (t) => {
  const { post } = await buildTestApp(t);
  const body = { ...qingdaoDakar, partner: { ...qingdaoDakar.partner, level: 'planet' }, date: 'yesterday' };
  const zh = await post('/partnerships', body);
  const en = await post('/partnerships', body, { 'accept-language': 'en' });
  const messages = (response: typeof zh) => Object.fromEntries(response.json().errors.map((e: { path: string; message: string }) => [e.path, e.message]));
  t.match(messages(zh), { 'body.partner.level': /^无效选项/, 'body.date': '无效ISO日期' });
  t.match(messages(en), { 'body.partner.level': /^Invalid option/, 'body.date': 'Invalid ISO date' });
});

t.test('a domain check on a field reads in the language asked, under the same code', async (t) => {
  const { post } = await buildTestApp(t);
  const body = { ...qingdaoDakar, partner: { ...qingdaoDakar.partner, country: 'TW' } };
  const zh = (await post('/partnerships', body)).json();
  const en = (await post('/partnerships', body, { 'accept-language': 'en' })).json();
  t.match(zh.errors, [{ path: 'body.partner.country', code: 'country-part-of-china', message: /中国/ }]);
  t.match(en.errors, [{ path: 'body.partner.country', code: 'country-part-of-china', message: /China/ }]);
});

t.test('a domain error with values writes them into its Chinese detail', async (t) => {
  const { post } = await buildTestApp(t);
  const id = (await post('/partnerships', qingdaoDakar)).json().id;
  const request = { date: '2021-02-01' };
  const zh = (await post(`/partnerships/${id}/contact`, request)).json();
  t.match(zh, { code: 'date-before-proposal', title: '请求无效', detail: '日期 2021-02-01 早于提出结好意向的日期（2021-03-01）' });
  t.match(zh.errors, [{ path: 'date', code: 'date-before-proposal', message: zh.detail }]);
  const en = (await post(`/partnerships/${id}/contact`, request, { 'accept-language': 'en' })).json();
  t.match(en, { code: 'date-before-proposal', title: 'The request is not valid', detail: 'date 2021-02-01 is before the proposal (2021-03-01)' });
  const rule = (await post(`/partnerships/${id}/approval-requests`, { date: '2021-04-01', level: 'province' })).json();
  t.match(rule, { code: 'illegal-transition', title: '当前状态下不允许该操作', detail: '该结好关系当前状态为“储备意向”，不能申请审批' });
});

t.test('authentication errors are in the language asked too', async (t) => {
  const { app } = await buildTestApp(t);
  const zh = await app.inject({ method: 'GET', url: '/partnerships' });
  t.match(zh.json(), { code: 'unauthenticated', title: '需要有效的 API 密钥', detail: '请以“Authorization: Bearer <密钥>”的形式提供 API 密钥' });
  const en = await app.inject({ method: 'GET', url: '/partnerships?lang=en' });
  t.match(en.json(), { code: 'unauthenticated', title: 'A valid API key is required' });
});
