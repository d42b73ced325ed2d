import type { Doc } from '../../projections/projection.ts';
import type { Position } from '../event-store/port.ts';
import {
  CheckpointMismatchError,
  ReadModelUnavailableError,
  checkpointMatches,
  type DocumentChanges,
  type ReadModelStore,
} from './port.ts';
import { freezeDocument } from './frozen-documents.ts';
import type { SnapshotVersion } from './snapshot.ts';

interface VersionData {
  checkpoint?: Position;
  /**
   * collection → id → document: the projection's own objects, frozen at
   * commit (see `freezeDocument`), shared with the working copy and the
   * views instead of held a second time as JSON text.
   */
  collections: Map<string, Map<string, Doc>>;
}

/**
 * The embedded read-model store: one process, rebuilt or resumed at start.
 * Every method does its work synchronously before it returns, so a commit
 * is atomic by construction and a reader never sees half of one.
 */
export interface MemoryReadModelStore extends ReadModelStore {
  /** Every active version with a checkpoint, as stored: what a snapshot holds. */
  exportActive(): SnapshotVersion[];
  /** Puts versions read from a snapshot in place and makes them active (at start, before anything projects). */
  importVersions(versions: readonly SnapshotVersion[]): void;
  /** Counts commits, activations and drops: a snapshot is due only when it moved. */
  generation(): number;
}

export function createMemoryReadModelStore(): MemoryReadModelStore {
  const active = new Map<string, string>();
  const versions = new Map<string, Map<string, VersionData>>();
  let closed = false;
  let moves = 0;

  function open() {
    if (closed) throw new ReadModelUnavailableError('the read-model store is closed');
  }

  function find(projection: string, version: string | undefined): VersionData | undefined {
    return version === undefined ? undefined : versions.get(projection)?.get(version);
  }

  function ensure(projection: string, version: string): VersionData {
    let byVersion = versions.get(projection);
    if (!byVersion) versions.set(projection, (byVersion = new Map()));
    let data = byVersion.get(version);
    if (!data) byVersion.set(version, (data = { collections: new Map() }));
    return data;
  }

  return {
    async activeVersion(projection) {
      open();
      return active.get(projection);
    },

    async activate(projection, version) {
      open();
      active.set(projection, version);
      moves++;
    },

    async dropVersion(projection, version) {
      open();
      versions.get(projection)?.delete(version);
      moves++;
    },

    async checkpoint(projection, version) {
      open();
      return find(projection, version)?.checkpoint;
    },

    async commit(projection, version, changes: DocumentChanges, checkpoint, expected) {
      open();
      const actual = find(projection, version)?.checkpoint;
      if (!checkpointMatches(expected, actual)) {
        throw new CheckpointMismatchError(projection, version, expected ?? null, actual);
      }
      // Check everything first: a document that cannot be stored fails the commit before anything changed.
      for (const [collection, docs] of Object.entries(changes)) {
        for (const id in docs) {
          const doc = docs[id];
          if (doc !== null && doc !== undefined) freezeDocument(doc, collection, id);
        }
      }
      const data = ensure(projection, version);
      for (const [collection, docs] of Object.entries(changes)) {
        let stored = data.collections.get(collection);
        if (!stored) data.collections.set(collection, (stored = new Map()));
        for (const id in docs) {
          const doc = docs[id];
          if (doc === null || doc === undefined) stored.delete(id);
          else stored.set(id, doc);
        }
      }
      data.checkpoint = checkpoint;
      moves++;
    },

    async load(projection, version, collections) {
      open();
      const data = find(projection, version);
      const loaded: Record<string, Record<string, Doc>> = {};
      for (const collection of collections) {
        const docs: Record<string, Doc> = {};
        for (const [id, doc] of data?.collections.get(collection) ?? []) docs[id] = doc;
        loaded[collection] = docs;
      }
      return loaded;
    },

    async get(projection, collection, id) {
      open();
      return find(projection, active.get(projection))?.collections.get(collection)?.get(id);
    },

    async all(projection, collection) {
      open();
      const stored = find(projection, active.get(projection))?.collections.get(collection);
      return [...(stored?.values() ?? [])];
    },

    async ping() {
      return !closed;
    },

    exportActive() {
      open();
      const exported: SnapshotVersion[] = [];
      for (const [projection, version] of active) {
        const data = find(projection, version);
        if (data?.checkpoint === undefined) continue;
        const collections: SnapshotVersion['collections'] = {};
        for (const [collection, docs] of data.collections) collections[collection] = [...docs];
        exported.push({ projection, version, checkpoint: data.checkpoint, collections });
      }
      return exported;
    },

    importVersions(imported) {
      open();
      for (const { projection, version, checkpoint, collections } of imported) {
        const data = ensure(projection, version);
        data.collections = new Map(
          Object.entries(collections).map(([name, docs]) => [name, new Map(docs.map(([id, doc]) => [id, freezeDocument(doc, name, id)]))]),
        );
        data.checkpoint = checkpoint;
        active.set(projection, version);
      }
      moves++;
    },

    generation: () => moves,

    async close() {
      closed = true;
      active.clear();
      versions.clear();
    },
  };
}
