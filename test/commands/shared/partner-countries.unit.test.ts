import t from 'tap';
import { countryNameEn, partnerCountryProblem } from '../../../commands/shared/partner-countries.ts';

t.test('partner countries', async (t) => {
  t.equal(partnerCountryProblem('JP'), undefined);
  t.equal(partnerCountryProblem('NR'), undefined, 'Nauru has had relations with the PRC since January 2024');
  t.match(partnerCountryProblem('TW'), { code: 'country-part-of-china' });
  t.match(partnerCountryProblem('MO'), { code: 'country-part-of-china' });
  t.match(partnerCountryProblem('CN'), { code: 'country-part-of-china' });
  t.match(partnerCountryProblem('GT'), { code: 'country-no-diplomatic-relations', message: /Guatemala/ });
  t.match(partnerCountryProblem('XK'), { code: 'country-not-a-state', message: /Kosovo/ }, 'Kosovo is refused with its own message');
  t.match(partnerCountryProblem('ZZ'), { code: 'country-unknown' });
  t.match(partnerCountryProblem('276'), { code: 'country-unknown' }, 'numeric codes are not accepted');
  t.equal(countryNameEn('SN'), 'Senegal');
});
