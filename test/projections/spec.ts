/**
 * Given/then specifications for projections:
 *
 *   const log = eventLog();
 *   log.append('partnership-1', [proposed, signed]);
 *   t.test('…', projectionSpec(registerProjection).given(log.events).then({ partnerships: {…}, activities: {} }));
 *
 * Events get stream revisions and global positions as the store would give
 * them. Documents live in an in-memory `Documents` that copies through JSON,
 * like a real store, and hands out frozen documents: a projection that
 * changes a document in place, keeps a non-JSON value, or reads a document
 * its `touches` did not name for the event is caught. `then` also checks
 * that redelivering every event (right away, and the whole log again)
 * changes nothing.
 */
import type { DomainEvent } from '../../commands/decider.ts';
import type { Doc, Documents, ProjectedEvent, Projection } from '../../projections/projection.ts';
import { nonJsonPath } from '../commands/spec.ts';

/** collection → id → document. */
export type Model = Record<string, Record<string, Doc>>;

export interface Assertions {
  strictSame(found: unknown, wanted: unknown, ...message: [] | [string]): boolean;
  equal(found: unknown, wanted: unknown, ...message: [] | [string]): boolean;
}

/** A global log: each append continues its stream's revisions and the global position. */
export function eventLog(options: { actor?: string; recordedAt?: string } = {}) {
  const events: ProjectedEvent[] = [];
  const revisions = new Map<string, number>();
  return {
    events,
    append(stream: string, domainEvents: readonly DomainEvent[], metadata: Record<string, unknown> = {}) {
      for (const { type, data } of domainEvents) {
        const revision = (revisions.get(stream) ?? -1) + 1;
        revisions.set(stream, revision);
        const position = String(events.length + 1);
        events.push({
          id: `00000000-0000-4000-9000-${position.padStart(12, '0')}`,
          type,
          data: data as Record<string, unknown>,
          metadata: { actor: options.actor ?? 'tester', occurredAt: '2024-06-15T02:00:00.000Z', ...metadata },
          stream,
          revision,
          position,
          recordedAt: options.recordedAt ?? '2024-06-15T02:00:00.000Z',
        });
      }
      return this;
    },
  };
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

export interface TestDocuments extends Documents {
  /** Every document of a collection, for tests that query them. */
  all<T extends Doc = Doc>(collection: string): T[];
  snapshot(): Model;
}

export function memoryDocuments(collections: readonly string[]): TestDocuments {
  const store = new Map<string, Map<string, Doc>>(collections.map((name) => [name, new Map()]));
  const collection = (name: string) => {
    const found = store.get(name);
    if (found === undefined) throw new Error(`collection ${name} is not declared by the projection`);
    return found;
  };
  return {
    get: <T extends Doc>(name: string, id: string) => {
      const doc = collection(name).get(id);
      return doc as T | undefined;
    },
    put(name, id, doc) {
      const path = nonJsonPath(doc);
      if (path !== undefined) throw new Error(`${name}/${id} is not plain JSON at ${path}`);
      collection(name).set(id, deepFreeze(copy(doc)));
    },
    delete: (name, id) => void collection(name).delete(id),
    all: <T extends Doc>(name: string) => [...collection(name).values()].map((doc) => copy(doc) as T),
    snapshot: () => Object.fromEntries([...store].map(([name, docs]) => [name, Object.fromEntries(copy([...docs]))])),
  };
}

/** The documents as `apply` may see them for one event: only those `touches` named. */
function touchedOnly(docs: Documents, keys: readonly (readonly [string, string])[], event: ProjectedEvent): Documents {
  const allowed = new Set(keys.map(([collection, id]) => `${collection}\u0000${id}`));
  return {
    get: <T extends Doc>(collection: string, id: string) => {
      if (!allowed.has(`${collection}\u0000${id}`)) {
        throw new Error(`${event.type} at ${event.position} read ${collection}/${id}, which touches() did not name`);
      }
      return docs.get<T>(collection, id);
    },
    put: (collection, id, doc) => docs.put(collection, id, doc),
    delete: (collection, id) => docs.delete(collection, id),
  };
}

/** Feeds events as the runner does: only the types the projection handles, each seeing what it touches. */
export function project(projection: Projection, events: readonly ProjectedEvent[], docs = memoryDocuments(projection.collections)) {
  for (const event of events) {
    if (projection.handles.has(event.type)) projection.apply(event, touchedOnly(docs, projection.touches(event), event));
  }
  return docs;
}

/** The documents of one collection after the events, for queries. */
export function documents<T extends Doc>(projection: Projection, events: readonly ProjectedEvent[], collection: string): T[] {
  return project(projection, events).all<T>(collection);
}

export function projectionSpec(projection: Projection) {
  return {
    given(events: readonly ProjectedEvent[]) {
      return {
        then: (expected: Model) => async (t: Assertions): Promise<void> => {
          const docs = project(projection, events);
          t.strictSame(docs.snapshot(), expected, 'folds the events into the expected documents');
          project(projection, events, docs);
          t.strictSame(docs.snapshot(), expected, 'replaying the whole log changes nothing');
          const twice = project(projection, events.flatMap((event) => [event, event]));
          t.strictSame(twice.snapshot(), expected, 'each event delivered twice in a row changes nothing');
        },
      };
    },
  };
}
