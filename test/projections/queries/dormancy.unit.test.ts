import t from 'tap';
import { dormancyIndicator } from '../../../projections/queries/dormancy.ts';
import { row, TODAY } from '../fixtures.ts';

const rows = [
  row({ id: 'quiet', status: 'active', country: 'JP', signedOn: '2015-01-01', lastActivityOn: '2023-06-15' }),
  row({ id: 'on-the-day', status: 'active', country: 'JP', signedOn: '2015-01-01', lastActivityOn: '2023-06-16' }),
  row({ id: 'never', status: 'active', country: 'JP', signedOn: '2022-01-10' }),
  row({ id: 'just-signed', status: 'active', country: 'JP', signedOn: '2024-01-10' }),
  row({ id: 'revived', status: 'active', country: 'JP', signedOn: '2010-01-01', lastActivityOn: '2015-01-01', reactivations: [{ date: '2024-01-01' }] }),
  row({ id: 'dormant', status: 'dormant', country: 'JP', signedOn: '2010-01-01', dormantSince: '2020-01-01' }),
  row({ id: 'candidate', status: 'candidate', country: 'JP', proposedOn: '2010-01-01' }),
];

t.test('active partnerships with no sign of life for the period', async (t) => {
  const result = dormancyIndicator(rows, { today: TODAY, months: 12 });
  t.equal(result.cutoff, '2023-06-15');
  t.equal(result.count, 2);
  t.strictSame(
    result.items.map((item) => [item.id, item.quietSince, item.daysQuiet, item.lastActivityOn]),
    [
      ['never', '2022-01-10', 887, null],
      ['quiet', '2023-06-15', 366, '2023-06-15'],
    ],
    'signing stands in for a missing activity; a reactivation counts as a sign of life',
  );
});

t.test('month arithmetic clamps to the end of a shorter month', async (t) => {
  t.equal(dormancyIndicator([], { today: '2024-03-31', months: 1 }).cutoff, '2024-02-29');
  t.equal(dormancyIndicator([], { today: '2024-02-29', months: 12 }).cutoff, '2023-02-28');
});
