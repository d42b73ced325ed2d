import t from 'tap';
import {
  cityOf,
  divisionName,
  divisionProblem,
  resolveDivision,
  SHANDONG_CITIES,
} from '../../../commands/shared/divisions.ts';

t.test('sixteen prefecture cities, Laiwu gone', async (t) => {
  t.equal(SHANDONG_CITIES.length, 16);
  t.notOk(SHANDONG_CITIES.some((city) => city.code.startsWith('3712')));
  t.strictSame(divisionName('370900'), { nameEn: "Tai'an", nameZh: '泰安市' });
});

t.test('divisions resolve to their level and city', async (t) => {
  t.strictSame(resolveDivision('370000'), {
    code: '370000',
    cityCode: '370000',
    level: 'province',
    nameEn: 'Shandong Province',
    nameZh: '山东省',
  });
  t.strictSame(resolveDivision('371700'), { code: '371700', cityCode: '371700', level: 'city', nameEn: 'Heze', nameZh: '菏泽市' });
  t.strictSame(resolveDivision('370211'), { code: '370211', cityCode: '370200', level: 'county' });
  t.equal(resolveDivision('371200'), undefined);
});

t.test('an office is its city, or the province', async (t) => {
  t.equal(cityOf('370000'), '370000');
  t.equal(cityOf('370200'), '370200');
  t.equal(cityOf('370116'), '370100', 'Laiwu District now answers to Jinan');
  t.equal(cityOf('371202'), undefined);
  t.equal(cityOf('110000'), undefined);
});

t.test('invalid codes say why', async (t) => {
  t.match(divisionProblem('371200'), /merged into Jinan in 2019/);
  t.match(divisionProblem('37020'), /6 digits/);
  t.match(divisionProblem('110101'), /not in Shandong/);
  t.match(divisionProblem('371900'), /not under any of Shandong's 16 prefecture cities/);
  t.equal(divisionProblem('371326'), undefined);
});
