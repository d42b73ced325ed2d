import t from 'tap';
import { apportion } from '../large/dataset.ts';
import { describeStop } from './child-process.ts';
import { describeFailures } from './load.ts';
import { parseOptions } from './options.ts';
import { parseProcStatus } from './proc-status.ts';
import { column } from './report.ts';
import { quantile, ratio } from './stats.ts';
import { formatCell, formatTable } from './table.ts';

t.test('formatTable aligns text left and numbers right, and shows missing figures as a dash', async (t) => {
  const table = {
    title: 'reads',
    columns: [column('case', 'case', 'text'), column('rate', 'req/s', 'int'), column('ratio', 'ratio', 'ratio')],
    rows: [
      { case: 'bare', rate: 12345.6, ratio: null },
      { case: 'GET /dashboards/overview', rate: 987, ratio: 0.25 },
      { case: 'asOf', rate: 'unsupported (400)', ratio: null },
    ],
  };
  t.equal(
    formatTable(table),
    [
      'reads',
      'case                                  req/s  ratio',
      '------------------------  -----------------  -----',
      'bare                                 12,346      –',
      'GET /dashboards/overview                987   0.25',
      'asOf                      unsupported (400)      –',
    ].join('\n'),
  );
});

t.test('formatCell picks a precision per format', async (t) => {
  t.equal(formatCell(1.234, 'ms'), '1.23');
  t.equal(formatCell(45.67, 'ms'), '45.7');
  t.equal(formatCell(1234.5, 'ms'), '1,235');
  t.equal(formatCell(Number.NaN, 'int'), '–');
  t.equal(formatCell(512.4, 'mb'), '512');
  t.equal(formatCell(0.4567, 'ratio'), '0.46');
  t.equal(formatCell(0.004712, 'ratio'), '0.0047');
  t.equal(formatCell(12.5, 'ratio'), '12.50');
  t.equal(formatCell(12.345, 's'), '12.3');
});

t.test('quantile is nearest-rank and ratio refuses what it cannot form', async (t) => {
  const values = Array.from({ length: 100 }, (_, i) => 100 - i);
  t.equal(quantile(values, 0.5), 50);
  t.equal(quantile(values, 0.99), 99);
  t.equal(quantile([7], 0.99), 7);
  t.ok(Number.isNaN(quantile([], 0.5)));
  t.equal(ratio(50, 200), 0.25);
  t.equal(ratio(50, 0), null);
  t.equal(ratio(null, 3), null);
});

t.test('parseProcStatus reads VmHWM and VmRSS in MB', async (t) => {
  const status = 'Name:\tnode\nVmPeak:\t 9999 kB\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\n';
  t.same(parseProcStatus(status), { peakRssMb: 200, rssMb: 100 });
  t.same(parseProcStatus('Name:\tnode\n'), { peakRssMb: null, rssMb: null });
});

t.test('parseOptions: default suites, named suites, bounds', async (t) => {
  t.same(parseOptions([]).suites, ['store', 'reads', 'commands']);
  const named = parseOptions(['reads', 'large', '--duration', '5', '--json', 'out.json']);
  t.same(named.suites, ['reads', 'large']);
  t.equal(named.durationSec, 5);
  t.equal(named.json, 'out.json');
  t.throws(() => parseOptions(['nope']), /unknown suite nope/);
  t.throws(() => parseOptions(['--duration', '0']), /--duration must be a number from 1 to 600/);
});

t.test('apportion hands out exactly the count, by weight, ignoring unusable weights', async (t) => {
  t.same(apportion([1, 1, 2], 8), [2, 2, 4]);
  t.same(apportion([1, 1, 1], 10).reduce((a, b) => a + b, 0), 10);
  t.same(apportion([0, Number.NaN, -1, 1], 5), [0, 0, 0, 5]);
  t.same(apportion([0, 0], 5), [0, 0]);
});

t.test('describeFailures lists the non-2xx codes seen', async (t) => {
  t.equal(describeFailures({ errors: 0, non2xx: 0, statusCodes: { '200': 90 } }), '0/0');
  t.equal(describeFailures({ errors: 2, non2xx: 17, statusCodes: { '200': 5, '503': 17 } }), '2/17 (503×17)');
});

t.test('describeStop says nothing about a clean exit', async (t) => {
  t.equal(describeStop({ forced: false, code: 0 }), '');
  t.equal(describeStop({ forced: false, code: 1 }), ' (exit code 1)');
  t.equal(describeStop({ forced: true, code: null }), ' (killed: no exit 30 s after SIGTERM)');
});
