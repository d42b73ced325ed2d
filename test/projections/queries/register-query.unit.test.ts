import t from 'tap';
import { PARTNERSHIP_STATUSES } from '../../../commands/partnership/index.ts';
import { registerProjection, registerQuery } from '../../../projections/index.ts';
import { fixtureLedger, incrementalView, LATE_ACTIVITY, nameOf, TODAY, uuid, viewOf } from '../ledger.ts';

const events = fixtureLedger();
const view = viewOf(registerProjection, events);

const ids = (result: { items: { id: string }[] }) => result.items.map((item) => nameOf(item.id));
const query = (options: Omit<Parameters<typeof registerQuery>[1], 'day'> & { day?: string }) => registerQuery(view, { day: TODAY, pageSize: 200, ...options });

t.test('filters', async (t) => {
  t.strictSame(ids(query({ status: 'active', sort: 'proposedOn' })).sort(), ['p01', 'p02', 'p04', 'p05'], 'by status');
  t.strictSame(ids(query({ status: ['dormant', 'terminated'] })).sort(), ['p03', 'p07'], 'by any of several statuses');
  t.strictSame(ids(query({ kind: 'institutional' })), ['p05'], 'by kind');
  t.strictSame(ids(query({ country: 'JP' })).sort(), ['p01', 'p02'], 'by country');
  t.strictSame(ids(query({ continent: 'Europe' })).sort(), ['p04', 'p08'], 'by continent');
  t.strictSame(ids(query({ group: 'RCEP' })).sort(), ['p01', 'p02', 'p03', 'p05', 'p10'], 'by group');
  t.strictSame(ids(query({ group: 'SCO' })).sort(), ['p04', 'p09'], 'by group, ended ones included');
  t.strictSame(ids(query({ office: '371000' })).sort(), ['p08', 'p10'], 'a county (371002) counts for its city');
  t.strictSame(ids(query({ office: '370000' })), ['p05'], 'the province\'s own');
  t.strictSame(ids(query({ signedYear: 2024 })).sort(), ['p02', 'p04'], 'by year signed');
  t.strictSame(ids(query({ signedFrom: '2019-07-01', signedTo: '2021-05-01' })).sort(), ['p01', 'p05'], 'signed within two days, both included');
  t.strictSame(ids(query({ signedFrom: '2024-02-02' })).sort(), ['p04'], 'signed on or after a day');
  t.strictSame(ids(query({ signedTo: '2000-05-01' })).sort(), ['p07'], 'signed on or before a day; never signed is never in a range');
  t.strictSame(ids(query({ group: 'RCEP', status: 'active', office: '370200' })), ['p01'], 'filters combine');
});

t.test('text search over both sides, case-insensitive, Chinese and native names', async (t) => {
  t.strictSame(ids(query({ text: 'KAZAN' })), ['p04'], 'case does not matter');
  t.strictSame(ids(query({ text: 'Казань' })), ['p04'], 'the native name');
  t.strictSame(ids(query({ text: '群' })), ['p03'], 'the Chinese name');
  t.strictSame(ids(query({ text: '下関' })), ['p01'], 'a Japanese native name');
  t.strictSame(ids(query({ text: '济南' })).sort(), ['p02', 'p04'], 'the local side too');
  t.strictSame(ids(query({ text: 'shandong' })), ['p05'], 'the province');
  t.strictSame(ids(query({ text: '   ' })).length, 10, 'a blank text does not filter');
});

t.test('sorting', async (t) => {
  t.strictSame(ids(query({ sort: 'signedOn' })), ['p07', 'p03', 'p05', 'p01', 'p02', 'p04', 'p10', 'p08', 'p06', 'p09'], 'unsigned rows come last, by partner name');
  t.strictSame(ids(query({ sort: '-signedOn' })).slice(0, 6), ['p04', 'p02', 'p01', 'p05', 'p03', 'p07'], 'latest signed first');
  t.strictSame(ids(query({ sort: '-signedOn' })).slice(6), ['p10', 'p08', 'p06', 'p09'], 'unsigned still last');
  t.strictSame(ids(query({ sort: 'partner' })), ['p10', 'p08', 'p06', 'p03', 'p04', 'p09', 'p07', 'p05', 'p01', 'p02'], 'by partner name');
  t.strictSame(ids(query({ sort: '-partner' })), ['p02', 'p01', 'p05', 'p07', 'p09', 'p04', 'p03', 'p06', 'p08', 'p10'], 'by partner name, descending');
  // Country names: Australia, Germany, Japan ×2 (then by partner), Pakistan, Russia, Senegal, South Korea, Thailand, United States.
  t.strictSame(ids(query({ sort: 'country' })), ['p10', 'p08', 'p01', 'p02', 'p09', 'p04', 'p06', 'p03', 'p05', 'p07'], 'by country name');
  t.strictSame(ids(query({ sort: 'status' })).slice(0, 3), ['p06', 'p08', 'p10'], 'lifecycle order, not alphabetical');
  t.strictSame(ids(query({ sort: '-proposedOn' })).slice(0, 3), ['p06', 'p08', 'p10'], 'newest proposals first');
  t.strictSame(ids(registerQuery(view, { day: TODAY, pageSize: 3 })), ['p06', 'p08', 'p10'], 'the default order');
});

t.test('the default listing reads only its page and agrees with the general path', async (t) => {
  // Naming every status narrows nothing but sends the query down the filtering path.
  for (const day of ['2019-12-31', '2020-01-01', '2022-06-30', TODAY]) {
    for (const page of [1, 2, 3]) {
      const fast = registerQuery(view, { day, page, pageSize: 4 });
      const general = registerQuery(view, { day, page, pageSize: 4, status: PARTNERSHIP_STATUSES });
      t.strictSame(fast, general, `as of ${day}, page ${page}`);
    }
  }
});

t.test('pagination', async (t) => {
  const first = registerQuery(view, { day: TODAY, sort: 'partner', page: 1, pageSize: 4 });
  t.strictSame([first.total, first.page, first.pageSize, ids(first)], [10, 1, 4, ['p10', 'p08', 'p06', 'p03']], 'the first page');
  t.strictSame(ids(registerQuery(view, { day: TODAY, sort: 'partner', page: 3, pageSize: 4 })), ['p01', 'p02'], 'the last page');
  t.strictSame(ids(registerQuery(view, { day: TODAY, sort: 'partner', page: 4, pageSize: 4 })), [], 'past the end');
  t.equal(registerQuery(view, { day: TODAY, pageSize: 1000 }).pageSize, 200, 'at most 200 a page');
  t.equal(registerQuery(view, { day: TODAY, pageSize: 0 }).pageSize, 1, 'at least one a page');
  t.equal(registerQuery(view, { day: TODAY, page: -2 }).page, 1, 'pages start at 1');
  t.equal(registerQuery(view, { day: TODAY, status: 'active', pageSize: 2 }).total, 4, 'total counts every match, not the page');
});

t.test('items carry their country', async (t) => {
  const [item] = query({ country: 'RU' }).items;
  t.strictSame(item?.country, { iso2: 'RU', nameEn: 'Russia', nameZh: '俄罗斯', continent: 'Europe', groups: ['BRI', 'SCO'] }, 'names, continent and groups');
  t.equal(item?.partner.nameEn, 'Kazan', 'and everything the row has');
});

t.test('the register as of earlier days', async (t) => {
  const asOf = (day: string, options: Omit<Parameters<typeof registerQuery>[1], 'day'> = {}) => registerQuery(view, { day, pageSize: 200, ...options });
  t.strictSame([asOf('2019-12-31').total, ids(asOf('2019-12-31')).sort()], [3, ['p03', 'p05', 'p07']], '2019-12-31: three partnerships had been proposed');
  t.strictSame(ids(asOf('2019-12-31', { status: 'active' })).sort(), ['p03', 'p05', 'p07'], '2019-12-31: Long Beach was still active');
  t.strictSame(ids(asOf('2019-12-31', { status: 'terminated' })), [], '2019-12-31: nothing had ended');
  t.strictSame(ids(asOf('2022-06-30', { status: 'dormant' })), [], '2022-06-30: Gunsan was not yet marked dormant');
  t.strictSame(ids(asOf('2023-06-30', { status: 'dormant' })), ['p03'], '2023-06-30: it was');
  t.strictSame(ids(asOf('2023-12-31', { signedYear: 2024 })), [], 'a filter on the year signed sees only what was signed by the day');
  t.strictSame(ids(asOf('2024-02-29', { signedYear: 2024 })), ['p02'], '2024-02-29: Yamaguchi, not yet Kazan');
  // Old rows as they stood: statuses, dates and activity figures of that day.
  const [yantai] = asOf('2019-12-31', { country: 'KR' }).items;
  t.match(yantai, { status: 'active', statusSince: '2010-01-01', dormantSince: null, signedYear: 2010 }, 'Gunsan as of 2019');
  const [shimonoseki] = asOf('2021-12-31', { country: 'JP' }).items;
  t.match(
    shimonoseki,
    { id: uuid('p01'), status: 'active', activityCount: 2, outcomeCount: 4, lastActivityOn: LATE_ACTIVITY.date },
    'as of 2021-12-31 p01 had two activities, the one entered late included',
  );
  t.match(asOf(TODAY, { country: 'JP', sort: 'partner' }).items[0], { activityCount: 3, outcomeCount: 5, lastActivityOn: '2022-01-01' }, 'and three by today');
});

t.test('a view kept commit by commit gives the same register', async (t) => {
  const kept = incrementalView(registerProjection, events, 3);
  for (const day of ['2019-12-31', '2021-12-31', TODAY]) {
    t.strictSame(registerQuery(kept, { day, pageSize: 200 }), registerQuery(view, { day, pageSize: 200 }), `default listing as of ${day}`);
    t.strictSame(registerQuery(kept, { day, text: 'ja', sort: 'country' }), registerQuery(view, { day, text: 'ja', sort: 'country' }), `a search as of ${day}`);
  }
});
