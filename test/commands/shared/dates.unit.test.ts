import t from 'tap';
import { addDays, chinaToday, factDate } from '../../../commands/shared/dates.ts';

t.test('today is the calendar day in China Standard Time', async (t) => {
  t.equal(chinaToday('2024-06-14T15:59:59Z'), '2024-06-14');
  t.equal(chinaToday('2024-06-14T16:00:00Z'), '2024-06-15', 'midnight in Beijing');
  t.equal(chinaToday('2024-12-31T20:00:00+00:00'), '2025-01-01');
  t.equal(chinaToday('2024-06-15T09:00:00+09:00'), '2024-06-15', 'offsets other than Z');
  t.throws(() => chinaToday('yesterday'), TypeError, 'a broken clock is a programming error');
});

t.test('days are added across months, years and leap days', async (t) => {
  t.equal(addDays('2024-02-28', 1), '2024-02-29');
  t.equal(addDays('2023-02-28', 1), '2023-03-01');
  t.equal(addDays('2024-12-31', 1), '2025-01-01');
});

t.test('a fact date defaults to today and may run one day ahead', async (t) => {
  const now = '2024-06-15T02:00:00Z';
  t.equal(factDate(undefined, now), '2024-06-15');
  t.equal(factDate('2024-06-16', now), '2024-06-16');
  t.equal(factDate('1982-10-25', now), '1982-10-25');
  t.throws(() => factDate('2024-06-17', now), { kind: 'invalid', code: 'date-in-future', path: ['date'] });
});
