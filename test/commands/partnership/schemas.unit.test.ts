import t from 'tap';
import {
  partnershipCommandSchemas,
  ProposePartnershipBody,
  RecordActivityBody,
  RecordApprovalDecisionBody,
  SignAgreementBody,
} from '../../../commands/partnership/index.ts';
import { issues } from '../issues.ts';

const valid = {
  local: { divisionCode: '370200' },
  partner: { nameEn: 'Dakar', nameZh: '达喀尔', country: 'SN', level: 'city' },
  kind: 'sister',
  date: '2021-03-01',
  notes: 'first contact at the FOCAC forum',
};

const propose = (patch: Record<string, unknown>) => issues(ProposePartnershipBody, { ...valid, ...patch });
const withLocal = (local: Record<string, unknown>) => propose({ local });
const withCountry = (country: string) => propose({ partner: { ...valid.partner, country } });

t.test('the bodies from the HTTP contract are accepted', async (t) => {
  t.strictSame(issues(ProposePartnershipBody, valid).codes, []);
  t.strictSame(
    issues(SignAgreementBody, {
      date: '2021-10-18',
      place: 'Jinan',
      signatories: [
        { side: 'local', name: 'Li', title: 'Governor' },
        { side: 'partner', name: 'Diop', title: 'Mayor' },
      ],
      documentRef: 'SD-FAO-2021-017',
    }).codes,
    [],
  );
  t.strictSame(
    issues(RecordActivityBody, {
      date: '2021-09-12',
      type: 'culture',
      direction: 'outgoing',
      title: 'Confucius hometown culture exhibition',
      participants: 40,
      audience: 1000000,
      leaderRank: 'vice-governor',
      outcomes: [{ description: 'Museum loan agreement' }],
    }).codes,
    [],
  );
  t.strictSame(issues(partnershipCommandSchemas.RecordContact, {}).codes, [], 'date and notes are optional');
});

t.test('shape errors report their field', async (t) => {
  t.strictSame(propose({ partner: undefined }).codes, ['partner: invalid_type'], 'missing field');
  t.strictSame(propose({ kind: undefined }).codes, ['kind: invalid_value'], 'missing enum field');
  t.strictSame(propose({ status: 'active' }).codes, [': unrecognized_keys'], 'extra field');
  t.strictSame(withLocal({ divisionCode: '370200', mayor: 'x' }).codes, ['local: unrecognized_keys'], 'nested extra field');
  t.strictSame(propose({ kind: 'twin' }).codes, ['kind: invalid_value'], 'bad enum');
  t.strictSame(propose({ partner: { ...valid.partner, level: 'planet' } }).codes, ['partner.level: invalid_value']);
  t.strictSame(withLocal({ divisionCode: 370200 }).codes, ['local.divisionCode: invalid_type'], 'wrong type');
  t.strictSame(propose({ notes: 'x'.repeat(2001) }).codes, ['notes: too_big']);
  t.strictSame(propose({ partner: { ...valid.partner, nameEn: '   ' } }).codes, ['partner.nameEn: too_small'], 'blank name');
});

t.test('dates must exist on the calendar', async (t) => {
  t.strictSame(propose({ date: '2021-02-30' }).codes, ['date: invalid_format']);
  t.strictSame(propose({ date: '2021-02-29' }).codes, ['date: invalid_format'], '2021 is not a leap year');
  t.strictSame(propose({ date: '2020-02-29' }).codes, []);
  t.strictSame(propose({ date: '2021-3-1' }).codes, ['date: invalid_format']);
  t.strictSame(propose({ date: '2021-03-01T10:00:00Z' }).codes, ['date: invalid_format'], 'a day, not an instant');
});

t.test('partner countries', async (t) => {
  t.strictSame(withCountry('TW').codes, ['partner.country: country-part-of-china']);
  t.match(withCountry('TW').messages, /Taiwan is part of China/);
  t.strictSame(withCountry('HK').codes, ['partner.country: country-part-of-china']);
  t.strictSame(withCountry('XX').codes, ['partner.country: country-unknown']);
  t.strictSame(withCountry('sn').codes, ['partner.country: invalid_format'], 'upper case only');
  t.strictSame(withCountry('SEN').codes, ['partner.country: invalid_format'], 'alpha-2 only');
  for (const code of ['VA', 'PY', 'GT', 'BZ', 'HT', 'KN', 'LC', 'VC', 'MH', 'PW', 'TV', 'SZ', 'BT']) {
    t.strictSame(withCountry(code).codes, ['partner.country: country-no-diplomatic-relations'], code);
  }
  t.match(withCountry('PY').messages, /no diplomatic relations with Paraguay/);
  for (const code of ['NR', 'HN', 'NI', 'SB', 'KR', 'JP', 'DE', 'US']) {
    t.strictSame(withCountry(code).codes, [], `${code} is a partner country`);
  }
});

t.test('local divisions', async (t) => {
  t.strictSame(withLocal({ divisionCode: '371200' }).codes, ['local.divisionCode: division-invalid']);
  t.match(withLocal({ divisionCode: '371200' }).messages, /merged into Jinan in 2019/);
  t.match(withLocal({ divisionCode: '371202', nameEn: 'Laicheng' }).messages, /merged into Jinan/, 'its old districts too');
  t.strictSame(withLocal({ divisionCode: '360100' }).codes, ['local.divisionCode: division-invalid'], 'Nanchang, Jiangxi');
  t.strictSame(withLocal({
    divisionCode: '371800',
    nameEn: 'x',
  }).codes, ['local.divisionCode: division-invalid'], 'no 18th city');
  t.strictSame(withLocal({ divisionCode: '370099', nameEn: 'x' }).codes, ['local.divisionCode: division-invalid']);
  t.strictSame(withLocal({ divisionCode: '3702' }).codes, ['local.divisionCode: invalid_format']);
  t.strictSame(withLocal({ divisionCode: '370306' }).codes, ['local.nameEn: local-name-required'], 'a county needs a name');
  t.strictSame(withLocal({ divisionCode: '370306', nameZh: '周村区' }).codes, []);
  t.strictSame(withLocal({ divisionCode: '370116', nameEn: 'Laiwu District' }).codes, [], "Laiwu's successor district");
  t.strictSame(withLocal({ divisionCode: '370100', nameEn: 'Jinan City', nameZh: '济南' }).codes, [], 'matching names');
  t.strictSame(withLocal({ divisionCode: '370900', nameEn: 'Taian' }).codes, []);
  t.strictSame(withLocal({ divisionCode: '370100', nameEn: 'Qingdao' }).codes, ['local.nameEn: division-name-mismatch']);
  t.strictSame(withLocal({ divisionCode: '370000', nameZh: '山西省' }).codes, ['local.nameZh: division-name-mismatch']);
  t.strictSame(withLocal({ divisionCode: '370200', institution: 'Qingdao Port' }).codes, []);
});

t.test('approval decisions', async (t) => {
  const decision = (body: Record<string, unknown>) => issues(RecordApprovalDecisionBody, body).codes;
  t.strictSame(decision({ level: 'city', decision: 'rejected' }), ['reason: reason-required']);
  t.strictSame(decision({ level: 'city', decision: 'rejected', reason: 'incomplete file' }), []);
  t.strictSame(decision({ level: 'city', decision: 'granted', reference: 'FAO-1' }), []);
  t.strictSame(decision({ level: 'county', decision: 'granted' }), ['level: invalid_value']);
});

t.test('list and number limits', async (t) => {
  const agreement = (signatories: unknown[]) => issues(SignAgreementBody, { place: 'Jinan', signatories }).codes;
  t.strictSame(agreement([]), ['signatories: too_small']);
  t.strictSame(agreement(Array(11).fill({ side: 'local', name: 'A' })), ['signatories: too_big']);
  t.strictSame(agreement([{ side: 'guest', name: 'A' }]), ['signatories.0.side: invalid_value']);
  const activity = (patch: Record<string, unknown>) =>
    issues(RecordActivityBody, { type: 'forum', direction: 'joint', title: 'Forum', participants: 10, ...patch }).codes;
  t.strictSame(activity({ participants: -1 }), ['participants: too_small']);
  t.strictSame(activity({ participants: 2.5 }), ['participants: invalid_type']);
  t.strictSame(activity({ audience: -5 }), ['audience: too_small']);
  t.strictSame(activity({ type: 'party' }), ['type: invalid_value']);
  t.strictSame(activity({ outcomes: Array(51).fill({ description: 'x' }) }), ['outcomes: too_big']);
  t.strictSame(activity({ participants: undefined }), ['participants: invalid_type']);
});

t.test('other bodies', async (t) => {
  const s = partnershipCommandSchemas;
  t.strictSame(issues(s.UpgradeRelationship, { to: 'friendly_cooperation' }).codes, ['to: invalid_value', 'place: invalid_type', 'signatories: invalid_type']);
  t.strictSame(issues(s.MarkDormant, {}).codes, ['reason: invalid_type']);
  t.strictSame(issues(s.Reactivate, { campaignId: 'abc' }).codes, ['campaignId: invalid_format']);
  t.strictSame(issues(s.TerminatePartnership, { reason: 'ended' }).codes, []);
  t.strictSame(issues(s.WithdrawProposal, { reason: '' }).codes, ['reason: too_small']);
  t.strictSame(issues(s.RecordContact, { channel: 'pigeon' }).codes, ['channel: invalid_value']);
  t.strictSame(issues(s.RequestApproval, {}).codes, ['level: invalid_value']);
});
