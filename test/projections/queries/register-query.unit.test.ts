import t from 'tap';
import { registerQuery } from '../../../projections/queries/register-query.ts';
import { ledger, TODAY } from '../fixtures.ts';

const ids = (result: { items: { id: string }[] }) => result.items.map((item) => item.id);
const query = (options: Parameters<typeof registerQuery>[1]) => registerQuery(ledger, { today: TODAY, pageSize: 200, ...options });

t.test('filters', async (t) => {
  t.strictSame(ids(query({ status: 'active', sort: 'proposedOn' })).sort(), ['p01', 'p02', 'p04', 'p05']);
  t.strictSame(ids(query({ status: ['dormant', 'terminated'] })).sort(), ['p03', 'p07']);
  t.strictSame(ids(query({ kind: 'institutional' })), ['p05']);
  t.strictSame(ids(query({ country: 'JP' })).sort(), ['p01', 'p02']);
  t.strictSame(ids(query({ continent: 'Europe' })).sort(), ['p04', 'p08']);
  t.strictSame(ids(query({ group: 'RCEP' })).sort(), ['p01', 'p02', 'p03', 'p05', 'p10']);
  t.strictSame(ids(query({ group: 'SCO' })).sort(), ['p04', 'p09']);
  t.strictSame(ids(query({ office: '371000' })).sort(), ['p08', 'p10'], 'a county (371002) counts for its city');
  t.strictSame(ids(query({ office: '370000' })), ['p05']);
  t.strictSame(ids(query({ signedYear: 2024 })).sort(), ['p02', 'p04']);
  t.strictSame(ids(query({ group: 'RCEP', status: 'active', office: '370200' })), ['p01'], 'filters combine');
});

t.test('text search over both sides, case-insensitive, Chinese and native names', async (t) => {
  t.strictSame(ids(query({ text: 'KAZAN' })), ['p04']);
  t.strictSame(ids(query({ text: 'Казань' })), ['p04']);
  t.strictSame(ids(query({ text: '群' })), ['p03']);
  t.strictSame(ids(query({ text: '下関' })), ['p01']);
  t.strictSame(ids(query({ text: '济南' })).sort(), ['p02', 'p04'], 'the local side too');
  t.strictSame(ids(query({ text: 'shandong' })), ['p05']);
  t.strictSame(ids(query({ text: '   ' })).length, 10, 'a blank text does not filter');
});

t.test('sorting', async (t) => {
  // Unsigned rows come last, by partner name.
  t.strictSame(ids(query({ sort: 'signedOn' })), ['p07', 'p03', 'p05', 'p01', 'p02', 'p04', 'p10', 'p08', 'p06', 'p09']);
  t.strictSame(ids(query({ sort: '-signedOn' })).slice(0, 6), ['p04', 'p02', 'p01', 'p05', 'p03', 'p07']);
  t.strictSame(ids(query({ sort: '-signedOn' })).slice(6), ['p10', 'p08', 'p06', 'p09'], 'unsigned still last');
  t.strictSame(ids(query({ sort: 'partner' })), ['p10', 'p08', 'p06', 'p03', 'p04', 'p09', 'p07', 'p05', 'p01', 'p02']);
  t.strictSame(ids(query({ sort: '-partner' })), ['p02', 'p01', 'p05', 'p07', 'p09', 'p04', 'p03', 'p06', 'p08', 'p10']);
  // Country names: Australia, Germany, Japan ×2 (then by partner), Pakistan, Russian Federation, Senegal, South Korea, Thailand, United States.
  t.strictSame(ids(query({ sort: 'country' })), ['p10', 'p08', 'p01', 'p02', 'p09', 'p04', 'p06', 'p03', 'p05', 'p07']);
  t.strictSame(ids(query({ sort: 'status' })).slice(0, 3), ['p06', 'p08', 'p10'], 'lifecycle order, not alphabetical');
  t.strictSame(ids(query({ sort: '-proposedOn' })).slice(0, 3), ['p06', 'p08', 'p10'], 'newest proposals first');
  t.strictSame(ids(registerQuery(ledger, { pageSize: 3 })), ['p06', 'p08', 'p10'], 'the default order');
});

t.test('pagination', async (t) => {
  const first = registerQuery(ledger, { sort: 'partner', page: 1, pageSize: 4 });
  t.strictSame([first.total, first.page, first.pageSize, ids(first)], [10, 1, 4, ['p10', 'p08', 'p06', 'p03']]);
  t.strictSame(ids(registerQuery(ledger, { sort: 'partner', page: 3, pageSize: 4 })), ['p01', 'p02']);
  t.strictSame(ids(registerQuery(ledger, { sort: 'partner', page: 4, pageSize: 4 })), [], 'past the end');
  t.equal(registerQuery(ledger, { pageSize: 1000 }).pageSize, 200, 'at most 200 a page');
  t.equal(registerQuery(ledger, { pageSize: 0 }).pageSize, 1);
  t.equal(registerQuery(ledger, { page: -2 }).page, 1);
  t.equal(registerQuery(ledger, { status: 'active', pageSize: 2 }).total, 4, 'total counts every match, not the page');
});

t.test('items carry their country', async (t) => {
  const [item] = query({ country: 'RU' }).items;
  t.strictSame(item?.country, { iso2: 'RU', nameEn: 'Russian Federation', nameZh: '俄罗斯', continent: 'Europe', groups: ['BRI', 'SCO'] });
  t.equal(item?.partner.nameEn, 'Kazan', 'and everything the row has');
});
