import t from 'tap';
import { partnershipDecider } from '../../../commands/partnership/index.ts';
import { spec, TODAY } from '../spec.ts';
import { dakar, ID, province, qingdao } from './fixtures.ts';

const given = spec(partnershipDecider).given([]);

t.test(
  'a Qingdao sister city is proposed with reference names and three approvals to obtain',
  given
    .when({
      type: 'ProposePartnership',
      id: ID,
      data: { local: { divisionCode: '370200' }, partner: dakar, kind: 'sister', date: '2021-03-01', notes: 'via embassy' },
    })
    .then([
      {
        type: 'PartnershipProposed',
        data: {
          partnershipId: ID,
          date: '2021-03-01',
          notes: 'via embassy',
          kind: 'sister',
          local: qingdao,
          partner: dakar,
          approvalsRequired: ['city', 'province', 'national'],
        },
      },
    ]),
);

t.test(
  "the province's own sister tie starts approval at province level",
  given
    .when({
      type: 'ProposePartnership',
      id: ID,
      data: { local: { divisionCode: '370000', nameEn: 'Shandong' }, partner: dakar, kind: 'sister', date: '2021-03-01' },
    })
    .then([
      {
        type: 'PartnershipProposed',
        data: {
          partnershipId: ID,
          date: '2021-03-01',
          kind: 'sister',
          local: province,
          partner: dakar,
          approvalsRequired: ['province', 'national'],
        },
      },
    ]),
);

t.test(
  'a district keeps its given names and answers to its city; without a date it is dated today in China',
  given
    .when({
      type: 'ProposePartnership',
      id: ID,
      data: {
        local: { divisionCode: '370306', nameZh: '周村区' },
        partner: { nameEn: 'Staraya Russa', country: 'RU', level: 'city' },
        kind: 'friendly_cooperation',
      },
    })
    .then([
      {
        type: 'PartnershipProposed',
        data: {
          partnershipId: ID,
          date: TODAY,
          kind: 'friendly_cooperation',
          local: { divisionCode: '370306', cityCode: '370300', level: 'county', nameZh: '周村区' },
          partner: { nameEn: 'Staraya Russa', country: 'RU', level: 'city' },
          approvalsRequired: [],
        },
      },
    ]),
);

t.test(
  'an institution sits under its division; an institutional tie needs no approval',
  given
    .when({
      type: 'ProposePartnership',
      id: ID,
      data: {
        id: ID,
        local: { divisionCode: '370200', institution: 'Qingdao Port' },
        partner: { nameEn: 'Port of Long Beach', country: 'US', level: 'institution' },
        kind: 'institutional',
        date: '1997-05-01',
      },
    })
    .then([
      {
        type: 'PartnershipProposed',
        data: {
          partnershipId: ID,
          date: '1997-05-01',
          kind: 'institutional',
          local: { ...qingdao, level: 'institution', institution: 'Qingdao Port' },
          partner: { nameEn: 'Port of Long Beach', country: 'US', level: 'institution' },
          approvalsRequired: [],
        },
      },
    ]),
);

t.test(
  "a body id other than the route's is refused",
  given
    .when({
      type: 'ProposePartnership',
      id: ID,
      data: { id: '22222222-2222-4222-8222-222222222222', local: { divisionCode: '370200' }, partner: dakar, kind: 'sister' },
    })
    .thenRejects('id-mismatch', 'invalid'),
);

t.test('callers that skip the schema still cannot record an invalid side', async (t) => {
  const propose = (local: { divisionCode: string; nameEn?: string }, country = 'SN') =>
    given.when({ type: 'ProposePartnership', id: ID, data: { local, partner: { ...dakar, country }, kind: 'sister' } });
  t.test('Laiwu', propose({ divisionCode: '371200' }).thenRejects('division-invalid', 'invalid'));
  t.test('a county without a name', propose({ divisionCode: '370306' }).thenRejects('local-name-required', 'invalid'));
  t.test('Taiwan', propose({ divisionCode: '370200' }, 'TW').thenRejects('country-part-of-china', 'invalid'));
  t.test('Paraguay', propose({ divisionCode: '370200' }, 'PY').thenRejects('country-no-diplomatic-relations', 'invalid'));
  t.test('no such country', propose({ divisionCode: '370200' }, 'XX').thenRejects('country-unknown', 'invalid'));
  t.test('the error points at the field', async (t) => {
    t.strictSame(propose({ divisionCode: '370200' }, 'TW').error()?.path, ['partner', 'country']);
    t.strictSame(propose({ divisionCode: '371200' }).error()?.path, ['local', 'divisionCode']);
  });
});

t.test(
  'a proposal dated the day after tomorrow is refused',
  given
    .when({
      type: 'ProposePartnership',
      id: ID,
      data: { local: { divisionCode: '370200' }, partner: dakar, kind: 'sister', date: '2024-06-17' },
    })
    .thenRejects('date-in-future', 'invalid'),
);
