import t from 'tap';
import { comparePositions, encodePosition, parsePosition } from '../../src/event-store/position.ts';

t.test('positions order by commit, then prepare', async (t) => {
  t.equal(comparePositions(encodePosition(2n), encodePosition(10n)), -1);
  t.equal(comparePositions(encodePosition(10n, 12n), encodePosition(10n, 11n)), 1);
  t.equal(comparePositions(encodePosition(7n), encodePosition(7n, 7n)), 0);
});

t.test('only well-formed positions are parsed', async (t) => {
  t.equal(parsePosition('42'), '42');
  t.equal(parsePosition('42-40'), '42-40');
  t.equal(parsePosition('-1'), undefined);
  t.equal(parsePosition('4x'), undefined);
});

t.test('positions beyond what a store can hold (signed 64-bit parts) are not parsed', async (t) => {
  t.equal(parsePosition('9223372036854775807'), '9223372036854775807');
  t.equal(parsePosition('9223372036854775807-9223372036854775807'), '9223372036854775807-9223372036854775807');
  t.equal(parsePosition('9223372036854775808'), undefined);
  t.equal(parsePosition('99999999999999999999'), undefined);
  t.equal(parsePosition('5-9223372036854775808'), undefined);
});

t.test('the text comparison of plain positions agrees with comparing their numbers', async (t) => {
  const fc = (await import('fast-check')).default;
  const position = fc.oneof(
    fc.bigInt({ min: 0n, max: 10n ** 20n - 1n }).map((n) => `${n}`),
    fc.tuple(fc.bigInt({ min: 0n, max: 999n }), fc.bigInt({ min: 0n, max: 999n })).map(([c, p]) => `${c}-${p}`),
    fc.integer({ min: 0, max: 999 }).map((n) => `00${n}`),
  );
  const numbers = (text: string) => {
    const [commit, prepare = commit] = text.split('-');
    return [BigInt(commit as string), BigInt(prepare as string)] as const;
  };
  fc.assert(
    fc.property(position, position, (a, b) => {
      const [x, y] = [numbers(a), numbers(b)];
      const expected = x[0] !== y[0] ? (x[0] < y[0] ? -1 : 1) : x[1] !== y[1] ? (x[1] < y[1] ? -1 : 1) : 0;
      return comparePositions(a as never, b as never) === expected;
    }),
    { numRuns: 2000 },
  );
  t.pass('2,000 pairs agree');
});
