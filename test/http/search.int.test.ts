import t from 'tap';
import { buildTestApp } from './harness.ts';

t.test('the register finds Chinese names by their characters and by pinyin, ignoring case, spaces and accents', async (t) => {
  const { post, get } = await buildTestApp(t);
  const propose = async (body: object) => {
    const answer = await post('/partnerships', { kind: 'institutional', date: '2021-03-01', ...body });
    t.equal(answer.statusCode, 201, answer.body);
    return answer.json().id as string;
  };
  const university = await propose({
    local: { divisionCode: '370200', institution: '青岛大学' },
    partner: { nameZh: '釜山国立大学', country: 'KR', level: 'institution' },
  });
  const county = await propose({
    local: { divisionCode: '370211', nameZh: '黄岛区' },
    partner: { nameZh: '长崎', nameNative: '長崎市', country: 'JP', level: 'city' },
    kind: 'friendly_cooperation',
  });
  const found = async (text: string) =>
    ((await get(`/partnerships?text=${encodeURIComponent(text)}`)).json().items as { id: string }[]).map((item) => item.id).sort();

  t.same(await found('青岛大学'), [university], 'by the Chinese characters');
  t.same(await found('qingdaodaxue'), [university], 'by pinyin run together');
  t.same(await found('Qingdao Daxue'), [university], 'by pinyin with capitals and spaces');
  t.same(await found('fushan'), [university], 'a Chinese-only partner name by its pinyin');
  t.same(await found('huangdao'), [county], 'a county named only in Chinese');
  t.same(await found('CHANGQI'), [county], '长崎 read in context: chang qi');
  t.same(await found('長崎'), [county], 'the native name');
  t.same(await found('qingdao'), [county, university].sort(), 'both sides of Qingdao: its institution and its district');
  t.same(await found('jinan'), [], 'nothing of Jinan');
});
