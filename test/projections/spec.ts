/**
 * Given/then specifications for projections:
 *
 *   const log = eventLog();
 *   log.append('partnership-1', [proposed, signed]);
 *   t.test('…', projectionSpec(registerProjection).given(log.events).then({ partnerships: {…}, activities: {} }));
 *
 * Events get stream revisions and global positions as the store would give
 * them. Documents live in an in-memory `Documents` that copies through JSON,
 * like a real store, so a projection that mutates a document without `put`
 * or keeps a non-JSON value is caught. `then` also checks that redelivering
 * every event (right away, and the whole log again) changes nothing.
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

export function memoryDocuments(collections: readonly string[]): Documents & { snapshot(): Model } {
  const store = new Map<string, Map<string, Doc>>(collections.map((name) => [name, new Map()]));
  const collection = (name: string) => {
    const found = store.get(name);
    if (found === undefined) throw new Error(`collection ${name} is not declared by the projection`);
    return found;
  };
  return {
    get: <T extends Doc>(name: string, id: string) => {
      const doc = collection(name).get(id);
      return doc === undefined ? undefined : (copy(doc) as T);
    },
    put(name, id, doc) {
      const path = nonJsonPath(doc);
      if (path !== undefined) throw new Error(`${name}/${id} is not plain JSON at ${path}`);
      collection(name).set(id, copy(doc));
    },
    delete: (name, id) => void collection(name).delete(id),
    all: <T extends Doc>(name: string) => [...collection(name).values()].map((doc) => copy(doc) as T),
    snapshot: () => Object.fromEntries([...store].map(([name, docs]) => [name, Object.fromEntries(copy([...docs]))])),
  };
}

/** Feeds events as the runner does: only the types the projection handles. */
export function project(projection: Projection, events: readonly ProjectedEvent[], docs = memoryDocuments(projection.collections)) {
  for (const event of events) if (projection.handles.has(event.type)) projection.apply(event, docs);
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
