import type { DocChange } from '../../projections/view.ts';
import type { Doc, Documents } from '../../projections/projection.ts';
import type { DocumentChanges } from '../read-models/port.ts';

/**
 * A projection version's documents in memory, and which of them changed
 * since the last commit. Documents are immutable (see `Documents`): `get`
 * hands out the stored object and `put` keeps the object it is given, so
 * folding an event copies nothing.
 */
export interface WorkingCopy {
  /**
   * Runs `fold` against the documents; its changes are kept only if it
   * returns, and are returned (each document once, with what it was before).
   */
  transact(fold: (docs: Documents) => void): DocChange[];
  /** The changes since the last take, which the caller is about to commit. */
  takeChanges(): DocumentChanges;
  /** Puts back changes whose commit failed, under any made since. */
  restoreChanges(changes: DocumentChanges): void;
  /** Every document, to write a version again in full or to build a view. */
  everything(): DocumentChanges;
}

type Collections = Map<string, Map<string, Doc>>;

export function createWorkingCopy(
  declared: readonly string[],
  initial: Record<string, Record<string, Doc>> = {},
): WorkingCopy {
  const docs: Collections = new Map(declared.map((name) => [name, new Map(Object.entries(initial[name] ?? {}))]));
  let pending = new Map<string, Map<string, Doc | null>>();

  function collection(name: string): Map<string, Doc> {
    const found = docs.get(name);
    // An undeclared collection would not be loaded after a restart; refusing it keeps restarts faithful.
    if (!found) throw new Error(`collection ${name} is not declared by the projection`);
    return found;
  }

  function mark(target: Map<string, Map<string, Doc | null>>, name: string): Map<string, Doc | null> {
    let changes = target.get(name);
    if (!changes) target.set(name, (changes = new Map()));
    return changes;
  }

  /**
   * What the fold being run changed, in the order it first touched each
   * document: three parallel lists, reused by every transaction, because an
   * event usually changes one or two documents and a catch-up folds millions.
   */
  const touchedNames: string[] = [];
  const touchedIds: string[] = [];
  const touchedDocs: (Doc | null)[] = [];
  const touched = (name: string, id: string): number => {
    for (let i = touchedNames.length - 1; i >= 0; i--) if (touchedIds[i] === id && touchedNames[i] === name) return i;
    return -1;
  };
  const touch = (name: string, id: string, doc: Doc | null) => {
    collection(name);
    const at = touched(name, id);
    if (at >= 0) touchedDocs[at] = doc;
    else {
      touchedNames.push(name);
      touchedIds.push(id);
      touchedDocs.push(doc);
    }
  };
  const documents: Documents = {
    get<T extends Doc = Doc>(name: string, id: string): T | undefined {
      const at = touched(name, id);
      const doc = at < 0 ? collection(name).get(id) : touchedDocs[at];
      return doc === null || doc === undefined ? undefined : (doc as T);
    },
    put: (name, id, doc) => touch(name, id, doc),
    delete: (name, id) => touch(name, id, null),
  };

  return {
    transact(fold) {
      touchedNames.length = 0;
      touchedIds.length = 0;
      touchedDocs.length = 0;
      fold(documents);
      const made: DocChange[] = [];
      for (let i = 0; i < touchedNames.length; i++) {
        const name = touchedNames[i] as string;
        const id = touchedIds[i] as string;
        const doc = touchedDocs[i] as Doc | null;
        const stored = collection(name);
        const before = stored.get(id);
        if (doc === null) stored.delete(id);
        else stored.set(id, doc);
        mark(pending, name).set(id, doc);
        if (before !== undefined || doc !== null) made.push({ collection: name, id, before, after: doc ?? undefined });
      }
      return made;
    },

    takeChanges() {
      const taken: DocumentChanges = {};
      for (const [name, changes] of pending) taken[name] = Object.fromEntries(changes);
      pending = new Map();
      return taken;
    },

    restoreChanges(changes) {
      for (const [name, byId] of Object.entries(changes)) {
        const marked = mark(pending, name);
        for (const [id, doc] of Object.entries(byId)) if (!marked.has(id)) marked.set(id, doc);
      }
    },

    everything() {
      const all: DocumentChanges = {};
      for (const [name, stored] of docs) all[name] = Object.fromEntries(stored);
      return all;
    },
  };
}
