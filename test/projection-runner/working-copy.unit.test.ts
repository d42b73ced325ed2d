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

t.test('a fold that throws changes nothing, even what it edited in place', async (t) => {
  const copy = createWorkingCopy(['items'], { items: { a: { n: 1, tags: ['x'] } } });
  t.throws(() =>
    copy.transact((docs) => {
      const doc = docs.get<{ n: number; tags: string[] }>('items', 'a');
      if (doc) {
        doc.n = 99;
        doc.tags.push('y');
      }
      docs.put('items', 'b', { n: 2 });
      throw new Error('halfway');
    }),
  );
  t.same(copy.everything(), { items: { a: { n: 1, tags: ['x'] } } });
  t.same(copy.takeChanges(), {});
});

t.test('documents are kept as their JSON round-trip, as a store would return them', async (t) => {
  const copy = createWorkingCopy(['items']);
  copy.transact((docs) => docs.put('items', 'a', { on: new Date('2021-12-07T00:00:00Z'), gone: undefined }));
  t.same(copy.everything(), { items: { a: { on: '2021-12-07T00:00:00.000Z' } } });
  t.throws(() => copy.transact((docs) => docs.put('items', 'b', { n: 1n })), 'what JSON cannot hold fails the event');
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
