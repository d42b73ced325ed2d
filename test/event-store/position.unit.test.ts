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
