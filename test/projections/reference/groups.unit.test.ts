import t from 'tap';
import { GROUP_IDS, group, groupMembers, GROUPS, groupsOf } from '../../../projections/reference/index.ts';

const ASEAN = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN'];

t.test('China is never in a list: it is never a partner country', async (t) => {
  for (const g of GROUPS) t.notOk(g.members.some((m) => m.iso2 === 'CN'), g.id);
  t.strictSame(groupsOf('CN'), []);
});

t.test('every group is versioned and sourced, with unique members', async (t) => {
  t.strictSame(GROUPS.map((g) => g.id), [...GROUP_IDS]);
  for (const g of GROUPS) {
    t.ok(g.version.length > 0 && g.source.length > 0 && g.nameZh.length > 0, g.id);
    t.equal(new Set(g.members.map((m) => m.iso2)).size, g.members.length, `${g.id} has no duplicates`);
  }
  t.throws(() => group('G7' as never));
});

t.test('the Belt and Road list has 65 countries besides China', async (t) => {
  t.equal(group('BRI').version, 'bri-65-2015');
  t.equal(groupMembers('BRI').length, 65);
  t.ok(groupMembers('BRI').includes('BT'), 'Bhutan is listed although it cannot be a partner');
  for (const code of ['MN', 'RU', 'GR', 'EG', 'IL', 'MK', ...ASEAN]) t.ok(groupsOf(code).includes('BRI'), code);
  for (const code of ['JP', 'KR', 'US', 'DE', 'TL']) t.notOk(groupsOf(code).includes('BRI'), code);
});

t.test('RCEP membership counts from signature, 15 November 2020', async (t) => {
  t.equal(groupMembers('RCEP', '2020-11-14').length, 0);
  t.equal(groupMembers('RCEP', '2020-11-15').length, 14);
  t.strictSame(groupMembers('RCEP', '2021-12-31').sort(), [...ASEAN, 'JP', 'KR', 'AU', 'NZ'].sort());
  t.strictSame(groupsOf('TH', '2021-12-31'), ['BRI', 'RCEP'], 'ASEAN members are on both lists');
  t.strictSame(groupsOf('JP', '2021-12-31'), ['RCEP']);
  t.notOk(groupsOf('IN', '2021-12-31').includes('RCEP'), 'India left the negotiations in 2019');
  const inForce = Object.fromEntries(group('RCEP').members.map((m) => [m.iso2, m.inForceFrom]));
  t.equal(inForce.SG, '2022-01-01');
  t.equal(inForce.KR, '2022-02-01');
  t.equal(inForce.MY, '2022-03-18');
  t.equal(inForce.ID, '2023-01-02');
  t.equal(inForce.PH, '2023-06-02');
  t.equal(inForce.MM, undefined);
});

t.test('SCO members join on their accession dates', async (t) => {
  t.strictSame(groupMembers('SCO', '2001-06-14'), []);
  t.strictSame(groupMembers('SCO', '2001-06-15'), ['RU', 'KZ', 'KG', 'TJ', 'UZ']);
  t.strictSame(groupMembers('SCO', '2021-12-31'), ['RU', 'KZ', 'KG', 'TJ', 'UZ', 'IN', 'PK']);
  t.strictSame(groupsOf('IR', '2023-07-03'), ['BRI']);
  t.strictSame(groupsOf('IR', '2023-07-04'), ['BRI', 'SCO']);
  t.ok(groupsOf('BY', '2024-07-04').includes('SCO'));
  t.notOk(groupsOf('BY', '2024-07-03').includes('SCO'));
  t.strictSame(groupsOf('IR'), ['BRI', 'SCO'], 'without a date: the list as it stands');
});
