import t from 'tap';
import { builtBy, nextVersion } from '../../src/projection-runner/versions.ts';

t.test('the first build of a projection version is named by its number', async (t) => {
  t.equal(nextVersion(undefined, 3), '3');
  t.equal(nextVersion('2.4', 3), '3', 'a version of other code is replaced by a first build');
  t.equal(nextVersion('4', 3), '3', 'older code after newer: rebuilt too');
  t.equal(nextVersion('garbage', 3), '3');
});

t.test('rebuilds of the same projection version count generations', async (t) => {
  t.equal(nextVersion('3', 3), '3.1');
  t.equal(nextVersion('3.1', 3), '3.2');
  t.equal(nextVersion('3.9', 3), '3.10');
});

t.test('a version is resumed only when this projection version built it', async (t) => {
  t.ok(builtBy('3', 3));
  t.ok(builtBy('3.12', 3));
  t.notOk(builtBy('31', 3));
  t.notOk(builtBy('2.3', 3));
  t.notOk(builtBy('3.x', 3));
});
