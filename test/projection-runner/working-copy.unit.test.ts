import t from 'tap';
import { createWorkingCopy } from '../../src/projection-runner/working-copy.ts';

t.test('a fold that returns keeps its changes, and they are taken once', async (t) => {
  const copy = createWorkingCopy(['items'], { items: { a: { n: 1 } } });
  copy.transact((docs) => {
    docs.put('items', 'b', { n: 2 });
    docs.delete('items', 'a');
    t.same(docs.get('items', 'b'), { n: 2 }, 'the fold sees its own changes');
    t.equal(docs.get('items', 'a'), undefined);
  });
  t.same(copy.takeChanges(), { items: { a: null, b: { n: 2 } } });
  t.same(copy.takeChanges(), {});
  t.same(copy.everything(), { items: { b: { n: 2 } } });
});

t.test('a fold that throws changes nothing', async (t) => {
  const copy = createWorkingCopy(['items'], { items: { a: { n: 1 } } });
  t.throws(() =>
    copy.transact((docs) => {
      docs.put('items', 'a', { n: 99 });
      docs.put('items', 'b', { n: 2 });
      throw new Error('halfway');
    }),
  );
  t.same(copy.everything(), { items: { a: { n: 1 } } });
  t.same(copy.takeChanges(), {});
});

t.test('a fold reports each changed document once, with what it was before', async (t) => {
  const first = { n: 1 };
  const copy = createWorkingCopy(['items'], { items: { a: first } });
  const changes = copy.transact((docs) => {
    t.equal(docs.get('items', 'a'), first, 'the stored object itself: documents are immutable, nothing is copied');
    docs.put('items', 'a', { n: 2 });
    docs.put('items', 'a', { n: 3 });
    docs.put('items', 'b', { n: 1 });
    docs.delete('items', 'b');
    docs.delete('items', 'never');
  });
  t.same(changes, [{ collection: 'items', id: 'a', before: { n: 1 }, after: { n: 3 } }]);
  t.same(
    copy.transact((docs) => docs.delete('items', 'a')),
    [{ collection: 'items', id: 'a', before: { n: 3 }, after: undefined }],
  );
});

t.test('an undeclared collection is refused, so a reload cannot miss it', async (t) => {
  const copy = createWorkingCopy(['items']);
  t.throws(() => copy.transact((docs) => docs.put('other', 'a', {})), /not declared/);
});

t.test('changes put back after a failed commit do not overwrite newer ones', async (t) => {
  const copy = createWorkingCopy(['items']);
  copy.transact((docs) => {
    docs.put('items', 'a', { v: 1 });
    docs.put('items', 'b', { v: 1 });
  });
  const taken = copy.takeChanges();
  copy.transact((docs) => docs.put('items', 'a', { v: 2 }));
  copy.restoreChanges(taken);
  t.same(copy.takeChanges(), { items: { a: { v: 2 }, b: { v: 1 } } });
});
