import t from 'tap';
import { pipeline, registerProjection } from '../../../projections/index.ts';
import { fixtureLedger, incrementalView, nameOf, TODAY, viewOf } from '../ledger.ts';

const events = fixtureLedger();
const view = viewOf(registerProjection, events);
const listed = (day: string) => pipeline(view, { day }).items.map((item) => [nameOf(item.id), item.stage, item.statusSince, item.daysInStage, item.daysSinceProposal]);

t.test('the candidate pipeline with days in stage', async (t) => {
  const result = pipeline(view, { day: TODAY });
  t.equal(result.today, TODAY, 'the answer says which day it is for');
  t.equal(result.total, 3, 'three candidates');
  t.strictSame(result.byStage, { candidate: 1, in_contact: 1, intent_signed: 0, under_review: 0, approved: 1 }, 'by stage');
  t.strictSame(
    result.byOffice.filter((o) => o.count > 0).map((o) => [o.office, o.count]),
    [
      ['370200', 1],
      ['371000', 2],
    ],
    'a county partnership counts for its city (371002 → Weihai)',
  );
  // 2024-05-16 → 06-15: 30 days; 2024-02-01 → 06-15: 29 (leap February) + 31 + 30 + 31 + 14 = 135;
  // 2024-01-10 → 06-15: 22 + 135 = 157. The most advanced stage comes first.
  t.strictSame(
    listed(TODAY),
    [
      ['p10', 'approved', '2024-05-16', 30, 531],
      ['p08', 'in_contact', '2024-02-01', 135, 227],
      ['p06', 'candidate', '2024-01-10', 157, 157],
    ],
    'by stage, then the longest waiting',
  );
  t.match(result.items[2], { office: '370200', partner: { nameEn: 'Dakar' }, country: { iso2: 'SN', continent: 'Africa' } }, 'an item names both sides');
});

t.test('the pipeline as of earlier days', async (t) => {
  // Yamaguchi (p02), Kazan (p04) and Ballarat (p10) signed letters of intent on their proposal days and waited
  // for their approvals or signing; Bremen (p08) was a fresh candidate.
  t.strictSame(
    listed('2023-12-31'),
    [
      ['p02', 'intent_signed', '2022-03-01', 670, 670],
      ['p04', 'intent_signed', '2022-09-01', 486, 486],
      ['p10', 'intent_signed', '2023-01-01', 364, 364],
      ['p08', 'candidate', '2023-11-01', 60, 60],
    ],
    '2023-12-31: four candidates, none of today\'s approvals yet',
  );
  t.strictSame(pipeline(view, { day: '2023-12-31' }).byStage, { candidate: 1, in_contact: 0, intent_signed: 3, under_review: 0, approved: 0 }, '2023-12-31: by stage');
  t.strictSame(listed('2022-06-30'), [['p02', 'intent_signed', '2022-03-01', 121, 121]], '2022-06-30: Yamaguchi alone');
  // Shimonoseki (p01) and Lahore (p09) were both proposed on 2020-01-01; Lahore was withdrawn a year later.
  t.strictSame(
    listed('2020-06-30'),
    [
      ['p01', 'intent_signed', '2020-01-01', 181, 181],
      ['p09', 'candidate', '2020-01-01', 181, 181],
    ],
    '2020-06-30: p01 had its letter of intent, p09 was a candidate',
  );
  t.equal(pipeline(view, { day: '2019-12-31' }).total, 0, '2019-12-31: nothing in the pipeline');
});

t.test('a view kept commit by commit gives the same pipeline', async (t) => {
  const kept = incrementalView(registerProjection, events, 2);
  for (const day of ['2020-06-30', '2023-12-31', TODAY]) t.strictSame(pipeline(kept, { day }), pipeline(view, { day }), `as of ${day}`);
});
