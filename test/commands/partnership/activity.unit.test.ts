import t from 'tap';
import {
  type ActivityRecorded,
  type PartnershipCommand,
  partnershipDecider,
} from '../../../commands/partnership/index.ts';
import { fold, spec, testId } from '../spec.ts';
import { ID, sisterHistory } from './fixtures.ts';

const decider = spec(partnershipDecider);

const outcomes = [{ description: 'Museum loan agreement' }, { description: 'Joint catalogue', category: 'publication' }];
const exhibition: Extract<PartnershipCommand, { type: 'RecordActivity' }>['data'] = {
  date: '2022-09-12',
  type: 'culture',
  direction: 'outgoing',
  title: 'Confucius hometown culture exhibition',
  participants: 40,
  audience: 1000000,
  leaderRank: 'Vice Governor',
  outcomes,
};

const recorded = (date: string): ActivityRecorded => ({
  type: 'ActivityRecorded',
  data: {
    partnershipId: ID,
    date,
    activityId: testId(1),
    type: 'culture',
    direction: 'outgoing',
    title: 'Confucius hometown culture exhibition',
    participants: 40,
    audience: 1000000,
    // One spelling for comparisons, and the office's own wording beside it.
    leaderRank: 'vice-governor',
    leaderTitle: 'Vice Governor',
    outcomes,
  },
});

t.test(
  'an activity on an active partnership is recorded with a minted id',
  decider
    .given(sisterHistory.active)
    .when({ type: 'RecordActivity', id: ID, data: exhibition })
    .then([recorded('2022-09-12')]),
);

t.test(
  'an activity on a dormant partnership brings it back to life',
  decider
    .given(sisterHistory.dormant)
    .when({ type: 'RecordActivity', id: ID, data: exhibition })
    .then([
      recorded('2022-09-12'),
      {
        type: 'PartnershipReactivated',
        data: {
          partnershipId: ID,
          date: '2022-09-12',
          reason: 'activity recorded: Confucius hometown culture exhibition',
          activityId: testId(1),
        },
      },
    ]),
);

t.test(
  'an activity entered late, dated before the partnership went dormant, does not revive it',
  decider
    .given(sisterHistory.dormant)
    .when({ type: 'RecordActivity', id: ID, data: { ...exhibition, date: '2022-03-01' } })
    .then([recorded('2022-03-01')]),
);

t.test(
  'activities are welcome before signing and keep no outcomes when none are given',
  decider
    .given(sisterHistory.in_contact)
    .when({
      type: 'RecordActivity',
      id: ID,
      data: { type: 'online_meeting', direction: 'online', title: 'Kick-off call', participants: 6, date: '2021-04-02' },
    })
    .then([
      {
        type: 'ActivityRecorded',
        data: {
          partnershipId: ID,
          date: '2021-04-02',
          activityId: testId(1),
          type: 'online_meeting',
          direction: 'online',
          title: 'Kick-off call',
          participants: 6,
          outcomes: [],
        },
      },
    ]),
);

t.test('the state counts activities and outcomes and remembers the latest one', async (t) => {
  const later = { ...recorded('2022-09-12'), data: { ...recorded('2022-09-12').data, outcomes: [] } };
  const earlier = { ...recorded('2021-12-01'), data: { ...recorded('2021-12-01').data, activityId: testId(2) } };
  const state = fold(partnershipDecider, [...sisterHistory.active, later, earlier]);
  t.match(state, { status: 'active', activityCount: 2, outcomeCount: 2, lastActivityOn: '2022-09-12' });
});
