import t from 'tap';
import { reportCommandSchemas } from '../../../commands/report/index.ts';
import { issues } from '../issues.ts';

const submit = (patch: Record<string, unknown>) =>
  issues(reportCommandSchemas.SubmitQuarterlyReport, { office: '370200', year: 2021, quarter: 4, ...patch }).codes;

t.test('submission bodies', async (t) => {
  t.strictSame(submit({}), []);
  t.strictSame(submit({ office: '370000', summary: '报告', date: '2022-01-05', notes: 'n' }), []);
  t.strictSame(submit({ office: '370202' }), ['office: office-invalid']);
  t.strictSame(submit({ office: '371200' }), ['office: office-invalid']);
  t.strictSame(submit({ office: 'Qingdao' }), ['office: invalid_format']);
  t.strictSame(submit({ year: 1979 }), ['year: too_small']);
  t.strictSame(submit({ year: 2101 }), ['year: too_big']);
  t.strictSame(submit({ year: 2021.5 }), ['year: invalid_type']);
  t.strictSame(submit({ quarter: 0 }), ['quarter: too_small']);
  t.strictSame(submit({ quarter: 5 }), ['quarter: too_big']);
  t.strictSame(submit({ quarter: '4' }), ['quarter: invalid_type']);
  t.strictSame(submit({ summary: 'x'.repeat(4001) }), ['summary: too_big']);
  t.strictSame(submit({ summary: 'x'.repeat(4000) }), []);
  t.strictSame(submit({ id: '370200-2021-q4' }), [': unrecognized_keys']);
  t.strictSame(submit({ date: '2021-02-30' }), ['date: invalid_format']);
});
