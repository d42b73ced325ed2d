/**
 * A small projection and helpers for the runner's tests. The real
 * projections live in projections/ and have their own tests; these only
 * need to make loss, duplication and partial models visible.
 */
import { randomUUID } from 'node:crypto';
import type { Test } from 'tap';
import type { Doc, Documents, Projection } from '../../projections/projection.ts';
import type { EventStore, NewEvent, Position } from '../../src/event-store/port.ts';
import type { ReadModelStore } from '../../src/read-models/port.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import { createProjectionRunner } from '../../src/projection-runner/runner.ts';
import type { ProjectionRunner, ProjectionRunnerOptions, RunnerLogger } from '../../src/projection-runner/types.ts';

export interface StreamDoc extends Doc {
  stream: string;
  count: number;
  sum: number;
  revision: number;
}

/**
 * Counts `Counted` events per stream (idempotent by stream revision) and
 * `Closed` deletes the stream's document. `totals.all.applied` counts every
 * `apply` call without any guard, on purpose: an event applied twice to the
 * stored model shows there.
 */
export function counterProjection(overrides: Partial<Projection> = {}): Projection {
  return {
    name: 'counter',
    version: 1,
    collections: ['streams', 'totals'],
    handles: new Set(['Counted', 'Closed']),
    touches: (event) => [
      ['totals', 'all'],
      ['streams', event.stream],
    ],
    apply(event, docs) {
      const totals = docs.get<{ applied: number }>('totals', 'all');
      docs.put('totals', 'all', { applied: (totals?.applied ?? 0) + 1 });
      const doc = docs.get<StreamDoc>('streams', event.stream);
      if (doc && doc.revision >= event.revision) return;
      if (event.type === 'Closed') return docs.delete('streams', event.stream);
      docs.put('streams', event.stream, {
        stream: event.stream,
        count: (doc?.count ?? 0) + 1,
        sum: (doc?.sum ?? 0) + Number(event.data.n ?? 0),
        revision: event.revision,
      });
    },
    ...overrides,
  };
}

export function newEvent(type: string, data: Record<string, unknown> = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { actor: 'test', correlationId: randomUUID(), occurredAt: new Date().toISOString(), schemaVersion: 1 },
  };
}

/** Appends `count` events round-robin over `streams` streams; returns the last position. */
export async function appendCounted(store: EventStore, count: number, streams = 10, type = 'Counted'): Promise<Position> {
  let last: Position | undefined;
  for (let n = 0; n < count; n++) {
    const result = await store.append(`counter-${n % streams}`, [newEvent(type, { n })], { expectedRevision: 'any' });
    last = result.position;
  }
  if (last === undefined) throw new Error('appended nothing');
  return last;
}

/** Many events per append, for logs large enough to take a while to fold. */
export async function appendMany(store: EventStore, count: number, streams = 20): Promise<Position> {
  let last: Position | undefined;
  for (let start = 0; start < count; start += 100) {
    const size = Math.min(100, count - start);
    const events = Array.from({ length: size }, (_, i) => newEvent('Counted', { n: start + i }));
    last = (await store.append(`bulk-${(start / 100) % streams}`, events, { expectedRevision: 'any' })).position;
  }
  if (last === undefined) throw new Error('appended nothing');
  return last;
}

export async function lastPosition(store: EventStore): Promise<Position | undefined> {
  const all = await store.readAll();
  return all[all.length - 1]?.position;
}

/** The model a projection folds from the whole log, in memory: what every runner must converge to. */
export async function foldFromZero(projection: Projection, store: EventStore): Promise<Record<string, Record<string, Doc>>> {
  const model: Record<string, Record<string, Doc>> = Object.fromEntries(projection.collections.map((c) => [c, {}]));
  const at = (collection: string) => model[collection] as Record<string, Doc>;
  const docs: Documents = {
    get: <T extends Doc>(collection: string, id: string) => at(collection)[id] as T | undefined,
    put: (collection, id, doc) => void (at(collection)[id] = JSON.parse(JSON.stringify(doc)) as Doc),
    delete: (collection, id) => void delete at(collection)[id],
  };
  for (const event of await store.readAll()) {
    if (projection.handles.has(event.type)) projection.apply({ ...event, metadata: { ...event.metadata } }, docs);
  }
  return model;
}

/** What readers see of a projection: its active version, in full. */
export async function activeModel(store: ReadModelStore, projection: Projection) {
  const version = await store.activeVersion(projection.name);
  if (version === undefined) return undefined;
  return store.load(projection.name, version, projection.collections);
}

/** A read-model store that counts commits and can be made to fail them. */
export interface InstrumentedStore extends ReadModelStore {
  commits: { at: number; checkpoint: Position }[];
  /** Throws instead of committing while it returns true. */
  failCommit?: (call: number) => boolean;
  /** Commits, then throws as if the reply was lost, while it returns true. */
  loseReply?: (call: number) => boolean;
}

export function instrument(inner: ReadModelStore): InstrumentedStore {
  let calls = 0;
  const store: InstrumentedStore = {
    ...inner,
    commits: [],
    async commit(projection, version, changes, checkpoint, expected) {
      calls++;
      if (store.failCommit?.(calls)) throw new Error('injected commit failure');
      await inner.commit(projection, version, changes, checkpoint, expected);
      store.commits.push({ at: performance.now(), checkpoint });
      if (store.loseReply?.(calls)) throw new Error('injected lost reply');
    },
  };
  return store;
}

export interface CapturedLog {
  level: 'info' | 'warn' | 'error';
  message: string;
  details: Record<string, unknown>;
}

export function captureLogger(): RunnerLogger & { entries: CapturedLog[] } {
  const entries: CapturedLog[] = [];
  const log = (level: CapturedLog['level']) => (details: Record<string, unknown>, message: string) =>
    void entries.push({ level, message, details });
  return { entries, info: log('info'), warn: log('warn'), error: log('error') };
}

/**
 * A SQLite event store in memory and the given read-model store, and a
 * factory for runners over them; the test's teardown stops every runner,
 * then closes both stores.
 */
export function harness(t: Test, readModels: ReadModelStore) {
  const eventStore = createSqliteEventStore({ path: ':memory:' });
  const runners: ProjectionRunner[] = [];
  t.teardown(async () => {
    for (const runner of runners) await runner.stop();
    await readModels.close();
    await eventStore.close();
  });
  const runner = (options: Partial<ProjectionRunnerOptions> = {}) => {
    const created = createProjectionRunner({ eventStore, readModels, projections: [counterProjection()], ...options });
    runners.push(created);
    return created;
  };
  return { eventStore, readModels, runner };
}
