import t from 'tap';
import { partnershipDecider, type PartnershipEvent } from '../../../commands/partnership/index.ts';
import { fold, spec } from '../spec.ts';
import { approvalReference, approvedSister, contact, granted, ID, intent, province, proposed, requested } from './fixtures.ts';

const decider = spec(partnershipDecider);
const request = (level: 'city' | 'province' | 'national', date: string) =>
  ({ type: 'RequestApproval', id: ID, data: { level, date } }) as const;
const decision = (level: 'city' | 'province' | 'national', date: string, extra: { reference?: string } = approvalReference(level)) =>
  ({ type: 'RecordApprovalDecision', id: ID, data: { level, decision: 'granted', date, ...extra } }) as const;

t.test('a city sister partnership is approved by city, province and national level in turn', async (t) => {
  const history: PartnershipEvent[] = [proposed(), contact(), intent()];
  const steps: [ReturnType<typeof request> | ReturnType<typeof decision>, PartnershipEvent][] = [
    [request('city', '2021-05-10'), requested('city', '2021-05-10')],
    [decision('city', '2021-06-01'), granted('city', '2021-06-01', ['province', 'national'])],
    [request('province', '2021-06-10'), requested('province', '2021-06-10')],
    [decision('province', '2021-07-01'), granted('province', '2021-07-01', ['national'])],
    [request('national', '2021-07-10'), requested('national', '2021-07-10')],
    [decision('national', '2021-09-01'), granted('national', '2021-09-01', [])],
  ];
  for (const [command, expected] of steps) {
    await t.test(`${command.type} ${command.data.level}`, decider.given([...history]).when(command).then([expected]));
    history.push(expected);
  }
  const state = fold(partnershipDecider, history);
  t.equal(state.status, 'approved');
  t.strictSame(state.status !== 'none' && state.approvals, {
    required: ['city', 'province', 'national'],
    granted: [
      { level: 'city', on: '2021-06-01' },
      { level: 'province', on: '2021-07-01', reference: 'LZB-2021-7' },
      { level: 'national', on: '2021-09-01', reference: 'WB-2021-7' },
    ],
    pending: null,
  });
});

t.test('a province sister partnership is approved by province then national level', async (t) => {
  const base = [proposed('sister', province), contact(), intent()];
  t.test(
    'city approval is not part of it',
    decider.given(base).when(request('city', '2021-05-10')).thenRejects('approval-out-of-order', 'rule'),
  );
  t.test(
    'province first',
    decider.given(base).when(request('province', '2021-05-10')).then([requested('province', '2021-05-10')]),
  );
  const afterProvince = [...base, requested('province', '2021-05-10'), granted('province', '2021-06-01', ['national'])];
  t.equal(fold(partnershipDecider, afterProvince).status, 'intent_signed', 'back to intent_signed to request the next level');
  t.test(
    'national approval completes it, with the reference kept',
    decider
      .given([...afterProvince, requested('national', '2021-06-10')])
      .when(decision('national', '2021-08-01', { reference: 'FAO-2021-88' }))
      .then([
        {
          type: 'ApprovalGranted',
          data: { partnershipId: ID, date: '2021-08-01', level: 'national', reference: 'FAO-2021-88', levelsRemaining: [] },
        },
      ]),
  );
});

t.test('approvals cannot skip or repeat a level', async (t) => {
  const intentSigned = [proposed(), contact(), intent()];
  const cityGranted = [...intentSigned, requested('city', '2021-05-10'), granted('city', '2021-06-01', ['province', 'national'])];
  t.test(
    'national before city',
    decider.given(intentSigned).when(request('national', '2021-06-01')).thenRejects('approval-out-of-order', 'rule'),
  );
  t.test(
    'national before province',
    decider.given(cityGranted).when(request('national', '2021-06-10')).thenRejects('approval-out-of-order', 'rule'),
  );
  t.test(
    'city again',
    decider.given(cityGranted).when(request('city', '2021-06-10')).thenRejects('approval-out-of-order', 'rule'),
  );
  t.test(
    'a decision for a level that is not pending',
    decider
      .given([...intentSigned, requested('city', '2021-05-10')])
      .when(decision('province', '2021-06-01'))
      .thenRejects('approval-level-mismatch', 'rule'),
  );
  t.test(
    'signing before the last approval',
    decider
      .given(cityGranted)
      .when({
        type: 'SignAgreement',
        id: ID,
        data: { place: 'Qingdao', signatories: [{ side: 'local', name: 'A' }], date: '2021-07-01' },
      })
      .thenRejects('approvals-incomplete', 'rule'),
  );
});

t.test('a rejection sends the partnership back to negotiation and clears the grants', async (t) => {
  const underProvinceReview = approvedSister.slice(0, 6);
  const rejected: PartnershipEvent = {
    type: 'ApprovalRejected',
    data: { partnershipId: ID, date: '2021-07-01', level: 'province', reason: 'partner city in dispute', reference: 'SD-7' },
  };
  t.test(
    'rejected',
    decider
      .given(underProvinceReview)
      .when({
        type: 'RecordApprovalDecision',
        id: ID,
        data: {
          level: 'province',
          decision: 'rejected',
          reason: 'partner city in dispute',
          reference: 'SD-7',
          date: '2021-07-01',
        },
      })
      .then([rejected]),
  );
  const state = fold(partnershipDecider, [...underProvinceReview, rejected]);
  t.equal(state.status, 'in_contact');
  t.strictSame(state.status !== 'none' && state.approvals.granted, []);
  t.test(
    'after a new letter of intent approval restarts at city level',
    decider
      .given([...underProvinceReview, rejected, intent('2021-08-01')])
      .when(request('province', '2021-08-10'))
      .thenRejects('approval-out-of-order', 'rule'),
  );
  t.test(
    'a rejection without a reason is refused even without the schema',
    decider
      .given(underProvinceReview)
      .when({ type: 'RecordApprovalDecision', id: ID, data: { level: 'province', decision: 'rejected', date: '2021-07-01' } })
      .thenRejects('reason-required', 'invalid'),
  );
});

t.test('a province or national grant cites its approving document; a city grant may', async (t) => {
  const atCity = [proposed(), contact(), intent(), requested('city', '2021-05-10')];
  t.test('city without a reference', decider.given(atCity).when(decision('city', '2021-06-01', {})).then([granted('city', '2021-06-01', ['province', 'national'])]));
  const atProvince = [...atCity, granted('city', '2021-06-01', ['province', 'national']), requested('province', '2021-06-10')];
  t.test('province without a reference', decider.given(atProvince).when(decision('province', '2021-07-01', {})).thenRejects('reference-required', 'invalid'));
  t.test('province with one', decider.given(atProvince).when(decision('province', '2021-07-01')).then([granted('province', '2021-07-01', ['national'])]));
});
