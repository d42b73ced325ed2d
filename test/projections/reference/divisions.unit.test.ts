import t from 'tap';
import { cityOf, OFFICE_CODES, officeName, SHANDONG_CITIES } from '../../../projections/reference/index.ts';
import { SHANDONG_CITIES as WRITE_SIDE_CITIES } from '../../../commands/shared/divisions.ts';

t.test('the read side shares the write side’s divisions', async (t) => {
  t.equal(SHANDONG_CITIES, WRITE_SIDE_CITIES, 'the same list, not a copy');
  t.equal(OFFICE_CODES.length, 17);
  t.equal(OFFICE_CODES[0], '370000');
  t.equal(cityOf('370113'), '370100');
});

t.test('offices have display names', async (t) => {
  t.strictSame(officeName('370000'), { nameEn: 'Shandong Province', nameZh: '山东省' });
  t.strictSame(officeName('371000'), { nameEn: 'Weihai', nameZh: '威海市' });
  t.strictSame(officeName('999999'), { nameEn: '999999', nameZh: '999999' });
});
