import t from 'tap';
import type { Role } from '../../commands/api-keys/index.ts';
import { allows, canWriteFor, coveringOffice, type Access } from '../../src/auth/policy.ts';

t.test('what each role may access', async (t) => {
  const expected: Record<Role, Access[]> = {
    admin: ['read', 'write', 'audit', 'admin'],
    editor: ['read', 'write'],
    auditor: ['read', 'audit'],
    viewer: ['read'],
  };
  for (const [role, granted] of Object.entries(expected) as Array<[Role, Access[]]>) {
    for (const access of ['read', 'write', 'audit', 'admin'] as Access[]) {
      t.equal(allows(role, access), granted.includes(access), `${role} ${access}`);
    }
  }
});

t.test('office scope of writes', async (t) => {
  const admin = { role: 'admin', offices: [] } as const;
  const qingdao = { role: 'editor', offices: ['370200'] } as const;
  const province = { role: 'editor', offices: ['370000'] } as const;
  const provinceAndJinan = { role: 'editor', offices: ['370000', '370100'] } as const;

  t.ok(canWriteFor(admin, '370200'), 'admin: anywhere');
  t.ok(canWriteFor(admin, '370000'));
  t.ok(canWriteFor(admin, '371726'));

  t.ok(canWriteFor(qingdao, '370200'), 'Qingdao itself');
  t.ok(canWriteFor(qingdao, '370211'), 'a district under Qingdao (Huangdao)');
  t.ok(canWriteFor(qingdao, '370281'), 'a county-level city under Qingdao (Jiaozhou)');
  t.notOk(canWriteFor(qingdao, '370100'), 'not Jinan');
  t.notOk(canWriteFor(qingdao, '370116'), 'not a district of Jinan');
  t.notOk(canWriteFor(qingdao, '370000'), 'not the province');
  t.notOk(canWriteFor(qingdao, '110000'), 'not outside Shandong');
  t.notOk(canWriteFor(qingdao, 'nonsense'));

  t.ok(canWriteFor(province, '370000'), 'the province office: province-level records');
  t.notOk(canWriteFor(province, '370200'), 'but not a city');
  t.notOk(canWriteFor(province, '370211'), 'nor a county');

  t.ok(canWriteFor(provinceAndJinan, '370000'));
  t.ok(canWriteFor(provinceAndJinan, '370116'));
  t.notOk(canWriteFor(provinceAndJinan, '370211'));

  for (const role of ['viewer', 'auditor'] as const) t.notOk(canWriteFor({ role, offices: [] }, '370200'), `${role}: nowhere`);
  t.notOk(canWriteFor({ role: 'viewer', offices: ['370200'] }, '370200'), 'offices do not make a viewer an editor');
});

t.test('the office an editor acts for', async (t) => {
  t.equal(coveringOffice({ offices: ['370000', '370200'] }, '370211'), '370200');
  t.equal(coveringOffice({ offices: ['370000', '370200'] }, '370000'), '370000');
  t.equal(coveringOffice({ offices: ['370200'] }, '370100'), undefined);
});
