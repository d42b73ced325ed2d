import t from 'tap';
import { type ActivityRecorded, partnershipDecider } from '../../../commands/partnership/index.ts';
import { spec, testId } from '../spec.ts';
import { contact, dakar, ID, intent, proposed, signed, sisterHistory } from './fixtures.ts';

const decider = spec(partnershipDecider);
const activity = (date: string) =>
  ({
    type: 'RecordActivity',
    id: ID,
    data: { type: 'youth', direction: 'incoming', title: 'Camp', participants: 20, date },
  }) as const;
const activityRecorded = (date: string): ActivityRecorded => ({
  type: 'ActivityRecorded',
  data: {
    partnershipId: ID,
    date,
    activityId: testId(1),
    type: 'youth',
    direction: 'incoming',
    title: 'Camp',
    participants: 20,
    outcomes: [],
  },
});

t.test('dates are judged in China Standard Time', async (t) => {
  // 16:30 UTC on 14 June is already 00:30 on 15 June in Shandong.
  const lateEvening = spec(partnershipDecider, { now: '2024-06-14T16:30:00Z' }).given(sisterHistory.active);
  t.test(
    'tomorrow in China is accepted (one day of slack)',
    lateEvening.when(activity('2024-06-16')).then([activityRecorded('2024-06-16')]),
  );
  t.test('the day after tomorrow is not', lateEvening.when(activity('2024-06-17')).thenRejects('date-in-future', 'invalid'));
  t.test('the path names the field', async (t) => {
    t.strictSame(lateEvening.when(activity('2024-06-17')).error()?.path, ['date']);
  });
  t.test(
    'an undated fact is dated today in China, not in UTC',
    spec(partnershipDecider, { now: '2024-06-14T16:30:00Z' })
      .given(sisterHistory.active)
      .when({ type: 'MarkDormant', id: ID, data: { reason: 'quiet' } })
      .then([{ type: 'PartnershipMarkedDormant', data: { partnershipId: ID, date: '2024-06-15', reason: 'quiet' } }]),
  );
});

t.test('nothing is dated before the proposal', async (t) => {
  t.test(
    'an activity',
    decider.given(sisterHistory.candidate).when(activity('2021-02-28')).thenRejects('date-before-proposal', 'invalid'),
  );
  t.test(
    'contact',
    decider
      .given(sisterHistory.candidate)
      .when({ type: 'RecordContact', id: ID, data: { date: '2020-12-31' } })
      .thenRejects('date-before-proposal', 'invalid'),
  );
  t.test(
    'the agreement',
    decider
      .given([proposed('friendly_cooperation'), intent('2021-03-01')])
      .when({
        type: 'SignAgreement',
        id: ID,
        data: { place: 'Qingdao', signatories: [{ side: 'partner', name: 'B' }], date: '2021-02-01' },
      })
      .thenRejects('date-before-proposal', 'invalid'),
  );
  t.test('the proposal day itself is fine', async (t) => {
    const error = decider.given(sisterHistory.candidate).when(activity('2021-03-01')).error();
    t.equal(error, undefined);
  });
});

t.test(
  'the agreement is not dated before the letter of intent',
  decider
    .given([proposed('friendly_cooperation'), contact(), intent('2021-05-01')])
    .when({
      type: 'SignAgreement',
      id: ID,
      data: { place: 'Qingdao', signatories: [{ side: 'partner', name: 'B' }], date: '2021-04-20' },
    })
    .thenRejects('date-before-letter-of-intent', 'invalid'),
);

t.test('lifecycle steps do not predate the current status', async (t) => {
  t.test(
    'a letter of intent before the contact',
    decider
      .given([proposed(), contact('2021-04-01')])
      .when({ type: 'SignLetterOfIntent', id: ID, data: { date: '2021-03-20' } })
      .thenRejects('date-out-of-order', 'invalid'),
  );
  t.test(
    'dormancy before the signing',
    decider
      .given([proposed('friendly_cooperation'), intent(), signed('friendly_cooperation', '2021-06-01')])
      .when({ type: 'MarkDormant', id: ID, data: { reason: 'quiet', date: '2021-05-15' } })
      .thenRejects('date-out-of-order', 'invalid'),
  );
  t.test(
    'but an activity may be entered long after the fact',
    decider
      .given(sisterHistory.active)
      .when(activity('2021-03-10'))
      .then([activityRecorded('2021-03-10')]),
  );
});

t.test(
  'an unknown partnership is not found',
  decider.given([]).when({ type: 'RecordContact', id: ID, data: {} }).thenRejects('not-found', 'not-found'),
);

t.test(
  'proposing twice is refused',
  decider
    .given([proposed()])
    .when({ type: 'ProposePartnership', id: ID, data: { local: { divisionCode: '370200' }, partner: dakar, kind: 'sister' } })
    .thenRejects('already-exists', 'rule'),
);
