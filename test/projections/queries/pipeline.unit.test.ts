import t from 'tap';
import { pipeline } from '../../../projections/queries/pipeline.ts';
import { ledger, TODAY } from '../fixtures.ts';

t.test('the candidate pipeline with days in stage', async (t) => {
  const result = pipeline(ledger, { today: TODAY });
  t.equal(result.total, 3);
  t.strictSame(result.byStage, { candidate: 1, in_contact: 1, intent_signed: 0, under_review: 0, approved: 1 });
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
    result.items.map((item) => [item.id, item.stage, item.statusSince, item.daysInStage, item.daysSinceProposal]),
    [
      ['p10', 'approved', '2024-05-16', 30, 531],
      ['p08', 'in_contact', '2024-02-01', 135, 227],
      ['p06', 'candidate', '2024-01-10', 157, 157],
    ],
  );
  t.match(result.items[2], { office: '370200', partner: { nameEn: 'Dakar' }, country: { iso2: 'SN', continent: 'Africa' } });
});
