import t from 'tap';
import { buildTestApp, jinanFriendly, qingdaoDakar, qingdaoTrainingCentre } from './harness.ts';

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const UNKNOWN = '7f6d2c1e-0b3a-4c5d-9e8f-1a2b3c4d5e6f';

/** A friendly-cooperation tie signed in 2020, proposed by `headers`' key. */
async function signedTie(post: Awaited<ReturnType<typeof buildTestApp>>['post'], body: object, headers: Record<string, string>) {
  const id = (await post('/partnerships', { ...body, kind: 'friendly_cooperation', date: '2020-01-10' }, headers)).json().id as string;
  await post(`/partnerships/${id}/letter-of-intent`, { date: '2020-02-01' }, headers);
  const signed = await post(`/partnerships/${id}/agreement`, { date: '2020-03-01', place: 'Qingdao', signatories: [{ side: 'local', name: 'Li' }] }, headers);
  if (signed.statusCode !== 200) throw new Error(signed.body);
  return id;
}

t.test("a project lists only partnerships that exist, have not ended and are its writer's to serve", async (t) => {
  const { post, keys, eventCount } = await buildTestApp(t);
  const admin = bearer(keys.admin);
  const qingdao = bearer(keys.qingdaoEditor);
  const province = bearer((await post('/admin/keys', { name: 'province-editor', role: 'editor', offices: ['370000'] }, admin)).json().key);
  const ownTie = await signedTie(post, qingdaoDakar, qingdao);
  const jinanTie = await signedTie(post, jinanFriendly, admin);
  const withdrawn = (await post('/partnerships', { ...qingdaoDakar, partner: { nameEn: 'Kaolack', country: 'SN', level: 'city' } }, qingdao)).json().id;
  await post(`/partnerships/${withdrawn}/withdrawal`, { date: '2021-04-01', reason: 'The partner declined' }, qingdao);
  const before = await eventCount();

  const unknown = await post('/projects', { ...qingdaoTrainingCentre(ownTie), partnershipIds: [ownTie, UNKNOWN] }, qingdao);
  t.equal(unknown.statusCode, 400, 'an unknown partnership id is refused');
  t.match(unknown.json().errors, [{ path: 'partnershipIds.1', code: 'partnership-unknown' }]);
  t.match(unknown.json().detail, new RegExp(`^结好关系 ${UNKNOWN} 不存在$`));
  const ended = await post('/projects', { ...qingdaoTrainingCentre(ownTie), partnershipIds: [withdrawn] }, qingdao);
  t.equal(ended.statusCode, 400);
  t.match(ended.json().errors, [{ path: 'partnershipIds.0', code: 'partnership-ended' }]);

  const jinan = await post('/projects', { ...qingdaoTrainingCentre(ownTie), partnershipIds: [ownTie, jinanTie] }, qingdao);
  t.equal(jinan.statusCode, 403, "a Qingdao editor may not plan a project serving a Jinan partnership");
  t.equal(jinan.json().code, 'forbidden');
  t.equal(await eventCount(), before, 'nothing was appended');

  t.equal((await post('/projects', qingdaoTrainingCentre(ownTie), qingdao)).statusCode, 201, 'its own partnership is fine');
  const provincial = { ...qingdaoTrainingCentre(ownTie), leadOffice: '370000', partnershipIds: [ownTie, jinanTie] };
  t.equal((await post('/projects', provincial, province)).statusCode, 201, 'the province office plans a project serving several offices');

  // A Qingdao-led project serving a Jinan partnership, as an admin may plan it: Qingdao alone may not run it.
  const mixed = (await post('/projects', { ...qingdaoTrainingCentre(ownTie), partnershipIds: [ownTie, jinanTie] }, admin)).json().id;
  const start = await post(`/projects/${mixed}/start`, { date: '2022-01-05' }, qingdao);
  t.equal(start.statusCode, 403, 'nor start it, nor move the Jinan partnership\'s evaluation through it');
  t.equal((await post(`/projects/${mixed}/start`, { date: '2022-01-05' }, province)).statusCode, 403, 'the lead office is still Qingdao');
  t.equal((await post(`/projects/${mixed}/start`, { date: '2022-01-05' }, admin)).statusCode, 200);
  const own = (await post('/projects', qingdaoTrainingCentre(ownTie), qingdao)).json().id;
  t.equal((await post(`/projects/${own}/start`, { date: '2022-01-05' }, qingdao)).statusCode, 200, 'its own project runs as before');
});

t.test('a campaign enrolls only signed partnerships that have not ended; a reactivation credits only a running campaign', async (t) => {
  const { post, get, keys } = await buildTestApp(t);
  const admin = bearer(keys.admin);
  const campaign = (await post('/campaigns', { name: '激活友城专项行动', startsOn: '2021-03-01', endsOn: '2021-12-31', date: '2021-02-20' }, admin)).json().id;
  const candidate = (await post('/partnerships', qingdaoDakar, admin)).json().id;
  const tie = await signedTie(post, jinanFriendly, admin);

  const unknown = await post(`/campaigns/${campaign}/enrollments`, { partnershipId: UNKNOWN, date: '2021-04-01' }, admin);
  t.equal(unknown.statusCode, 400);
  t.equal(unknown.json().code, 'partnership-unknown');
  const unsigned = await post(`/campaigns/${campaign}/enrollments`, { partnershipId: candidate, date: '2021-04-01' }, admin);
  t.equal(unsigned.statusCode, 409, 'a candidate is not enrolled');
  t.equal(unsigned.json().code, 'partnership-not-enrollable');
  t.equal((await post(`/campaigns/${campaign}/enrollments`, { partnershipId: tie, date: '2021-04-01' }, admin)).statusCode, 200);

  await post(`/partnerships/${tie}/dormancy`, { date: '2021-04-10', reason: 'No exchanges since 2019' }, admin);
  const noCampaign = await post(`/partnerships/${tie}/reactivation`, { date: '2021-05-01', campaignId: UNKNOWN }, admin);
  t.equal(noCampaign.statusCode, 400);
  t.match(noCampaign.json().errors, [{ path: 'campaignId', code: 'campaign-unknown' }]);
  const tooLate = await post(`/partnerships/${tie}/reactivation`, { date: '2022-01-05', campaignId: campaign }, admin);
  t.equal(tooLate.statusCode, 409, 'a reactivation after the campaign ended is not credited to it');
  t.equal(tooLate.json().code, 'campaign-ended');
  t.equal((await get(`/partnerships/${tie}`)).json().state.status, 'dormant', 'the refused reactivations changed nothing');
  t.equal((await post(`/partnerships/${tie}/reactivation`, { date: '2021-05-01', campaignId: campaign }, admin)).statusCode, 200);

  await post(`/partnerships/${tie}/termination`, { date: '2021-06-01', reason: 'The partner city merged' }, admin);
  const second = (await post('/campaigns', { name: 'Second', startsOn: '2021-06-01', endsOn: '2021-12-31', date: '2021-06-01' }, admin)).json().id;
  const terminated = await post(`/campaigns/${second}/enrollments`, { partnershipId: tie, date: '2021-07-01' }, admin);
  t.equal(terminated.statusCode, 409, 'a terminated partnership is not enrolled');
});

t.test('a pair still alive is not proposed again; once it ended, it may be', async (t) => {
  const { post, keys, eventCount } = await buildTestApp(t);
  const admin = bearer(keys.admin);
  const first = (await post('/partnerships', { ...qingdaoDakar, partner: { nameEn: 'São Paulo', country: 'BR', level: 'city' } }, admin)).json().id;
  const before = await eventCount();
  for (const partner of [
    { nameEn: 'Sao Paulo', country: 'BR', level: 'city' },
    { nameEn: 'são-paulo ', country: 'BR', level: 'city' },
  ]) {
    const again = await post('/partnerships', { ...qingdaoDakar, partner }, admin);
    t.equal(again.statusCode, 409, `${partner.nameEn}: the same pair, accents, case and punctuation aside`);
    t.equal(again.json().code, 'duplicate-partnership');
    t.match(again.json().detail, first, 'the answer names the existing partnership');
  }
  t.equal(await eventCount(), before, 'nothing was appended');
  t.equal((await post('/partnerships', { ...qingdaoDakar, partner: { nameEn: 'São Paulo', country: 'PT', level: 'city' } }, admin)).statusCode, 201, 'another country is another pair');
  t.equal((await post('/partnerships', { ...qingdaoDakar, local: { divisionCode: '370100' }, partner: { nameEn: 'São Paulo', country: 'BR', level: 'city' } }, admin)).statusCode, 201, 'another city is another pair');

  const dakar = (await post('/partnerships', qingdaoDakar, admin)).json().id;
  const byChinese = await post('/partnerships', { ...qingdaoDakar, partner: { nameEn: 'Dakar City', nameZh: '达喀尔', country: 'SN', level: 'city' } }, admin);
  t.equal(byChinese.statusCode, 409, 'the same Chinese name is the same pair');
  t.match(byChinese.json().detail, dakar);

  await post(`/partnerships/${first}/withdrawal`, { date: '2021-04-01', reason: 'The partner declined' }, admin);
  t.equal((await post('/partnerships', { ...qingdaoDakar, partner: { nameEn: 'Sao Paulo', country: 'BR', level: 'city' }, date: '2021-05-01' }, admin)).statusCode, 201, 'after the withdrawal the pair may be proposed again');
});
