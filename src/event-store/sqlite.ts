import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { createOpenSubscriptions } from './open-subscriptions.ts';
import { pollingSubscription } from './polling-subscription.ts';
import {
  ConcurrencyError,
  DuplicateEventIdError,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
} from './port.ts';
import { decodePosition, encodePosition } from './position.ts';

/**
 * How hard a commit is pushed to disk (SQLite `synchronous` in WAL mode):
 * - `full`: fsync on every commit; an acknowledged write survives a process
 *   crash and a power loss. The default.
 * - `normal`: survives a process crash; the last commits may be lost on power loss.
 * - `off`: no fsync at all; for throwaway data only.
 */
export type SqliteDurability = 'full' | 'normal' | 'off';

export interface SqliteEventStoreOptions {
  /** A file path, or `:memory:`. */
  path: string;
  durability?: SqliteDurability;
  /** Most appends that share one transaction. */
  maxBatch?: number;
}

interface Row {
  position: number | bigint;
  id: string;
  stream: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

interface PendingAppend {
  stream: string;
  events: NewEvent[];
  options: AppendOptions;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position    INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT NOT NULL UNIQUE,
    stream      TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    type        TEXT NOT NULL,
    data        TEXT NOT NULL,
    metadata    TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    UNIQUE (stream, revision)
  );
`;

function toRecorded(row: Row): RecordedEvent {
  return {
    id: row.id,
    type: row.type,
    data: JSON.parse(row.data) as RecordedEvent['data'],
    metadata: JSON.parse(row.metadata) as RecordedEvent['metadata'],
    stream: row.stream,
    revision: row.revision,
    position: encodePosition(BigInt(row.position)),
    recordedAt: row.recorded_at,
  };
}

/** Decoded pages kept for subscriptions that read the same part of the log (a few hundred events each). */
const SHARED_PAGES = 32;

/**
 * The embedded event store. better-sqlite3 is synchronous, so appends that
 * arrive in the same turn of the event loop are queued and committed together
 * in one transaction (one fsync), each inside its own savepoint so a failed
 * expected-revision check rolls back only that append.
 */
export function createSqliteEventStore(options: SqliteEventStoreOptions): EventStore {
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${(options.durability ?? 'full').toUpperCase()}`);
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const maxBatch = options.maxBatch ?? 256;
  const writes = new EventEmitter();
  writes.setMaxListeners(0);
  let commits = 0;

  /** Plain timers, not AbortSignal.timeout: those can be collected before they fire. */
  function waitForCommit(seen: number, timeoutMs: number, stop: AbortSignal): Promise<void> {
    if (commits !== seen || stop.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        writes.off('write', done);
        stop.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      timer.unref();
      writes.on('write', done);
      stop.addEventListener('abort', done, { once: true });
    });
  }
  let queue: PendingAppend[] = [];
  let flushScheduled = false;
  let closed = false;
  const subscriptions = createOpenSubscriptions();

  const lastRevision = db.prepare<[string], { revision: number | null }>(
    'SELECT MAX(revision) AS revision FROM events WHERE stream = ?',
  );
  const byId = db.prepare<[string], { stream: string; revision: number; position: number }>(
    'SELECT stream, revision, position FROM events WHERE id = ?',
  );
  const insert = db.prepare(
    `INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at)
     VALUES (@id, @stream, @revision, @type, @data, @metadata, @recordedAt)`,
  );

  /**
   * An append whose events are already stored, in this stream and in order,
   * is a retry of a write that succeeded: answer as it was answered then.
   */
  function findRetry(stream: string, events: NewEvent[]): AppendResult | undefined {
    const found = events.map((event) => byId.get(event.id));
    const first = found[0];
    if (!first) return undefined;
    const isRetry = found.every(
      (row, index) => row !== undefined && row.stream === stream && row.revision === first.revision + index,
    );
    if (!isRetry) throw new DuplicateEventIdError(events[found.findIndex((row) => row !== undefined)]?.id ?? '');
    const lastRow = found[found.length - 1] as { revision: number; position: number };
    return { nextRevision: lastRow.revision, position: encodePosition(BigInt(lastRow.position)) };
  }

  function appendOne(pending: PendingAppend, recordedAt: string): AppendResult {
    const { stream, events, options: appendOptions } = pending;
    const retry = findRetry(stream, events);
    if (retry) return retry;
    const actual = lastRevision.get(stream)?.revision ?? -1;
    const expected = appendOptions.expectedRevision;
    if ((expected === 'no_stream' && actual !== -1) || (typeof expected === 'number' && expected !== actual)) {
      throw new ConcurrencyError(stream, expected, actual);
    }
    let position = 0n;
    events.forEach((event, index) => {
      const info = insert.run({
        id: event.id,
        stream,
        revision: actual + 1 + index,
        type: event.type,
        data: JSON.stringify(event.data),
        metadata: JSON.stringify(event.metadata),
        recordedAt,
      });
      position = BigInt(info.lastInsertRowid);
    });
    return { nextRevision: actual + events.length, position: encodePosition(position) };
  }

  function flush() {
    flushScheduled = false;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(maxBatch);
    if (queue.length > 0) scheduleFlush();
    if (batch.length === 0) return;

    const outcomes: ({ ok: true; result: AppendResult } | { ok: false; error: unknown })[] = [];
    const recordedAt = new Date().toISOString();
    try {
      db.transaction(() => {
        for (const pending of batch) {
          db.exec('SAVEPOINT append_one');
          try {
            outcomes.push({ ok: true, result: appendOne(pending, recordedAt) });
            db.exec('RELEASE append_one');
          } catch (error) {
            db.exec('ROLLBACK TO append_one');
            db.exec('RELEASE append_one');
            outcomes.push({ ok: false, error });
          }
        }
      }).immediate();
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing in the batch is acknowledged.
      for (const pending of batch) pending.reject(error);
      return;
    }
    batch.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) pending.resolve(outcome.result);
      else pending.reject(outcome?.error);
    });
    commits++;
    writes.emit('write');
  }

  function scheduleFlush() {
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(flush);
  }

  const readForwards = db.prepare<[string, number, number], Row>(
    'SELECT * FROM events WHERE stream = ? AND revision >= ? ORDER BY revision ASC LIMIT ?',
  );
  const readBackwards = db.prepare<[string, number, number], Row>(
    'SELECT * FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?',
  );
  const readAllAfter = db.prepare<[bigint, number], Row>(
    'SELECT * FROM events WHERE position > ? ORDER BY position ASC LIMIT ?',
  );
  db.defaultSafeIntegers(false);

  /**
   * Full pages of `$all` that subscriptions read, decoded once and shared:
   * the projections catching up from the same point read the same pages, so
   * each event is parsed once, not once per subscriber. A full page never
   * changes (positions are given in commit order); its events are frozen,
   * so no subscriber can change what another sees.
   */
  const sharedPages = new Map<string, RecordedEvent[]>();
  async function readSharedPage(readOptions: ReadAllOptions): Promise<RecordedEvent[]> {
    const key = `${readOptions.after ?? ''}/${readOptions.maxCount ?? ''}`;
    const shared = sharedPages.get(key);
    if (shared) return shared;
    const page = await store.readAll(readOptions);
    if (readOptions.maxCount !== undefined && page.length === readOptions.maxCount) {
      for (const event of page) {
        Object.freeze(event.data);
        Object.freeze(event.metadata);
        Object.freeze(event);
      }
      sharedPages.set(key, page);
      if (sharedPages.size > SHARED_PAGES) sharedPages.delete(sharedPages.keys().next().value as string);
    }
    return page;
  }

  const store: EventStore = {
    append(stream, events, appendOptions) {
      if (closed) return Promise.reject(new Error('event store is closed'));
      if (events.length === 0) return Promise.reject(new Error('append needs at least one event'));
      return new Promise<AppendResult>((resolve, reject) => {
        queue.push({ stream, events, options: appendOptions, resolve, reject });
        scheduleFlush();
      });
    },

    async readStream(stream, readOptions: ReadStreamOptions = {}) {
      const limit = readOptions.maxCount ?? -1;
      const rows =
        readOptions.direction === 'backwards'
          ? readBackwards.all(stream, readOptions.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
          : readForwards.all(stream, readOptions.fromRevision ?? 0, limit);
      return rows.map(toRecorded);
    },

    async readAll(readOptions: ReadAllOptions = {}) {
      const after = readOptions.after ? decodePosition(readOptions.after).commit : 0n;
      return readAllAfter.all(after, readOptions.maxCount ?? -1).map(toRecorded);
    },

    subscribeToAll(subscribeOptions) {
      return subscriptions.track(
        pollingSubscription(
        {
          readAll: readSharedPage,
          writeCount: () => commits,
          waitForWrites: (seen, timeoutMs, stop) => waitForCommit(seen, timeoutMs, stop),
        },
          subscribeOptions,
        ),
      );
    },

    async close() {
      if (closed) return;
      closed = true;
      while (queue.length > 0) flush();
      await subscriptions.closeAll();
      db.close();
    },
  };
  return store;
}
