import t from 'tap';
import { currentSchemaVersion, upcast } from '../../commands/upcasters.ts';

const v1Activity = {
  partnershipId: '11111111-1111-4111-8111-111111111111',
  date: '2020-05-01',
  activityId: '00000000-0000-4000-8000-000000000001',
  type: 'culture',
  direction: 'incoming',
  title: 'Delegation visit',
  participants: 12,
  leaderRank: 'Vice Governor',
  outcomes: [],
};

t.test('ActivityRecorded is at schema version 2; types without upcasters are at 1', async (t) => {
  t.equal(currentSchemaVersion('ActivityRecorded'), 2);
  t.equal(currentSchemaVersion('PartnershipProposed'), 1);
  t.equal(currentSchemaVersion('SomethingUnknown'), 1);
});

t.test('a version 1 activity gets its rank in one spelling and keeps the wording as the title', async (t) => {
  t.same(upcast('ActivityRecorded', v1Activity, 1), { ...v1Activity, leaderRank: 'vice-governor', leaderTitle: 'Vice Governor' });
  t.same(upcast('ActivityRecorded', { ...v1Activity, leaderRank: '副省长' }, 1), {
    ...v1Activity,
    leaderRank: '副省长',
    leaderTitle: '副省长',
  });
});

t.test('a version 1 activity without a leader is unchanged', async (t) => {
  const { leaderRank: _rank, ...withoutLeader } = v1Activity;
  t.same(upcast('ActivityRecorded', withoutLeader, 1), withoutLeader);
});

t.test('current and newer versions, and other types, are left as stored', async (t) => {
  const v2 = { ...v1Activity, leaderRank: 'vice-governor', leaderTitle: 'Vice Governor' };
  t.equal(upcast('ActivityRecorded', v2, 2), v2);
  t.equal(upcast('ActivityRecorded', v2, 3), v2);
  t.equal(upcast('PartnershipProposed', v1Activity, 1), v1Activity);
});
