import t from 'tap';
import { partnershipDecider, type PartnershipEvent } from '../../../commands/partnership/index.ts';
import { fold } from '../spec.ts';
import { dakar, ID, intent, proposed, qingdao, signed, sisterHistory } from './fixtures.ts';

t.test('an active sister partnership remembers every step', async (t) => {
  t.strictSame(fold(partnershipDecider, sisterHistory.active), {
    id: ID,
    status: 'active',
    statusSince: '2021-10-18',
    kind: 'sister',
    local: qingdao,
    partner: dakar,
    proposedOn: '2021-03-01',
    contactOn: '2021-04-01',
    intentSignedOn: '2021-05-01',
    approvals: {
      required: ['city', 'province', 'national'],
      granted: [
        { level: 'city', on: '2021-06-01' },
        { level: 'province', on: '2021-07-01', reference: 'LZB-2021-7' },
        { level: 'national', on: '2021-09-01', reference: 'WB-2021-7' },
      ],
      pending: null,
    },
    signedOn: '2021-10-18',
    upgradedOn: null,
    lastActivityOn: null,
    activityCount: 0,
    outcomeCount: 0,
    dormantSince: null,
    terminatedOn: null,
    withdrawnOn: null,
    recorded: { agreement: { on: '2021-10-18', place: 'Qingdao', signatories: [{ side: 'local', name: 'Zhao Haozhi' }] } },
  });
});

t.test('dormancy is remembered until reactivation', async (t) => {
  t.match(fold(partnershipDecider, sisterHistory.dormant), { status: 'dormant', dormantSince: '2022-06-01' });
  const reactivated: PartnershipEvent = { type: 'PartnershipReactivated', data: { partnershipId: ID, date: '2022-09-01' } };
  t.match(fold(partnershipDecider, [...sisterHistory.dormant, reactivated]), {
    status: 'active',
    statusSince: '2022-09-01',
    dormantSince: null,
  });
});

t.test('terminal states keep their dates', async (t) => {
  t.match(fold(partnershipDecider, sisterHistory.terminated), { status: 'terminated', terminatedOn: '2023-01-01' });
  t.match(fold(partnershipDecider, sisterHistory.withdrawn), { status: 'withdrawn', withdrawnOn: '2021-03-15' });
});

t.test('an upgrade turns the kind into sister', async (t) => {
  const upgraded: PartnershipEvent = {
    type: 'RelationshipUpgraded',
    data: { partnershipId: ID, date: '2023-05-01', from: 'friendly_cooperation', to: 'sister' },
  };
  const history = [proposed('friendly_cooperation'), intent(), signed('friendly_cooperation', '2021-06-01'), upgraded];
  t.match(fold(partnershipDecider, history), { status: 'active', kind: 'sister', upgradedOn: '2023-05-01' });
});

t.test('events on a stream without a proposal leave it non-existent', async (t) => {
  t.strictSame(fold(partnershipDecider, [intent()]), { status: 'none' });
});
