import t from 'tap';
import { PlanProjectBody, projectCommandSchemas } from '../../../commands/project/index.ts';
import { issues } from '../issues.ts';
import { P1, P2, planBody } from './fixtures.ts';

const plan = (patch: Record<string, unknown>) => issues(PlanProjectBody, { ...planBody, ...patch }).codes;

t.test('a full plan is accepted', async (t) => {
  t.strictSame(plan({}), []);
  t.strictSame(plan({ budget: undefined, milestones: undefined, date: undefined }), [], 'budget and milestones are optional');
});

t.test('shape errors report their field', async (t) => {
  t.strictSame(plan({ title: undefined }), ['title: invalid_type']);
  t.strictSame(plan({ owner: 'me' }), [': unrecognized_keys']);
  t.strictSame(plan({ sector: 'mining' }), ['sector: invalid_value']);
  t.strictSame(plan({ plannedStart: '2024-02-30' }), ['plannedStart: invalid_format']);
  t.strictSame(plan({ milestones: [{ title: 'x', dueDate: '2021-02-30' }] }), ['milestones.0.dueDate: invalid_format']);
});

t.test('partnership ids', async (t) => {
  t.strictSame(plan({ partnershipIds: [] }), ['partnershipIds: too_small']);
  t.strictSame(plan({ partnershipIds: [P1, P2, P1] }), ['partnershipIds.2: duplicate']);
  t.strictSame(plan({ partnershipIds: ['not-a-uuid'] }), ['partnershipIds.0: invalid_format']);
  const many = Array.from({ length: 51 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  t.strictSame(plan({ partnershipIds: many }), ['partnershipIds: too_big']);
});

t.test('lead office, period and budget', async (t) => {
  t.strictSame(plan({ leadOffice: '371200' }), ['leadOffice: division-invalid']);
  t.strictSame(plan({ leadOffice: '370000' }), [], 'the provincial office');
  t.strictSame(plan({ plannedEnd: '2024-06-30' }), ['plannedEnd: planned-end-before-start']);
  t.strictSame(plan({ plannedEnd: planBody.plannedStart }), [], 'a one-day project');
  t.strictSame(plan({ budget: { amount: -1, currency: 'CNY' } }), ['budget.amount: too_small']);
  t.strictSame(plan({ budget: { amount: 10, currency: 'cny' } }), ['budget.currency: invalid_format']);
  t.strictSame(plan({ budget: { amount: 10, currency: 'XYZ' } }), ['budget.currency: currency-unknown']);
  t.strictSame(plan({ budget: { amount: 10, currency: 'KRW' } }), []);
});

t.test('the other bodies', async (t) => {
  const s = projectCommandSchemas;
  t.strictSame(issues(s.StartProject, { date: '2024-02-01' }).codes, []);
  t.strictSame(issues(s.StartProject, { date: '2024-13-01' }).codes, ['date: invalid_format']);
  t.strictSame(issues(s.RecordMilestone, { date: '2024-02-01' }).codes, ['title: invalid_type']);
  t.strictSame(issues(s.RecordMilestone, { title: 'x', milestoneId: '7' }).codes, ['milestoneId: invalid_format']);
  t.strictSame(issues(s.CompleteProject, { summary: 'done' }).codes, []);
  t.strictSame(issues(s.CancelProject, {}).codes, ['reason: invalid_type']);
});
