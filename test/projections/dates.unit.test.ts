import t from 'tap';
import { dateOfDay, dayNumber } from '../../projections/shared/dates.ts';

t.test('day numbers are days since 1970-01-01, and back', async (t) => {
  t.equal(dayNumber('1970-01-01'), 0);
  t.equal(dayNumber('2021-12-07'), 18968);
  t.equal(dayNumber('1969-12-31'), -1);
  t.equal(dayNumber('2000-03-01') - dayNumber('2000-02-28'), 2, 'a leap day in a year divisible by 400');
  t.equal(dayNumber('2100-03-01') - dayNumber('2100-02-28'), 1, 'none in 2100');
  let mismatches = 0;
  for (let day = dayNumber('1900-01-01'); day <= dayNumber('2100-12-31'); day++) {
    const date = dateOfDay(day);
    if (dayNumber(date) !== day || Date.parse(`${date}T00:00:00Z`) !== day * 86_400_000) mismatches++;
  }
  t.equal(mismatches, 0, 'every day of two centuries agrees with the calendar of Date');
});
