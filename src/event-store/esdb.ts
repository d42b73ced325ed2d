import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendExpectedRevision,
  type EventData,
  type Position as EsdbPosition,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import {
  ConcurrencyError,
  EventStoreUnavailableError,
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from './port.ts';
import { comparePositions, decodePosition, encodePosition } from './position.ts';

/** The part of a pino logger the adapter uses. */
export interface EsdbLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

export interface EsdbEventStoreOptions {
  /** e.g. `esdb://admin:changeit@localhost:2113?tls=false`, or `esdb+discover://…` for a cluster. */
  connectionString: string;
  logger?: EsdbLogger;
}

/** How often an `any` append re-reads the stream's end after losing a race. */
const ANY_ATTEMPTS = 20;
const READ_ALL_PAGE = 1000;
const RESUBSCRIBE_MIN_MS = 100;
const RESUBSCRIBE_MAX_MS = 5000;

/** Travels in-band with the events so `onCaughtUp` runs after the events before it. */
const CAUGHT_UP = Symbol('caught-up');

function toPosition(position: EsdbPosition): Position {
  return encodePosition(position.commit, position.prepare);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/**
 * Events this service did not write: the server's own (`$` types, `$`
 * streams, links) and anything that is not a JSON object with metadata.
 * Filtered here rather than with a server-side filter, whose checkpoints
 * and search windows would complicate resuming.
 */
function isForeign(event: EsdbRecordedEvent): boolean {
  return (
    event.type.startsWith('$') ||
    event.streamId.startsWith('$') ||
    !event.isJson ||
    !isPlainObject(event.data) ||
    !isPlainObject(event.metadata)
  );
}

function toRecorded(event: EsdbRecordedEvent, fallbackCommit?: bigint): RecordedEvent {
  if (!event.isJson || !isPlainObject(event.data) || !isPlainObject(event.metadata)) {
    throw new EventStoreUnavailableError(`event ${event.id} in ${event.streamId} is not a JSON event of this service`);
  }
  const position = event.position ?? (fallbackCommit === undefined ? undefined : { commit: fallbackCommit, prepare: fallbackCommit });
  if (!position) throw new EventStoreUnavailableError('EventStoreDB sent an event without a position (server older than 22.6?)');
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata as unknown as EventMetadata,
    stream: event.streamId,
    revision: Number(event.revision),
    position: toPosition(position),
    recordedAt: event.created.toISOString(),
  };
}

/** Our own errors pass through; every client-library error becomes EventStoreUnavailableError. */
function translate(error: unknown, operation: string): Error {
  if (error instanceof ConcurrencyError || error instanceof EventStoreUnavailableError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new EventStoreUnavailableError(`EventStoreDB ${operation} failed: ${reason}`, { cause: error });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export function createEsdbEventStore(options: EsdbEventStoreOptions): EventStore {
  let client: EventStoreDBClient;
  try {
    client = EventStoreDBClient.connectionString(options.connectionString);
  } catch (error) {
    throw new Error(`invalid EventStoreDB connection string: ${(error as Error).message}`, { cause: error });
  }
  const subscriptions = new Set<Subscription>();
  let closed = false;

  function assertOpen() {
    if (closed) throw new Error('event store is closed');
  }

  async function readStream(stream: string, read: Parameters<EventStore['readStream']>[1] = {}) {
    assertOpen();
    if (read.maxCount === 0) return [];
    const backwards = read.direction === 'backwards';
    const events: RecordedEvent[] = [];
    try {
      const reading = client.readStream(stream, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: read.fromRevision === undefined ? (backwards ? END : START) : BigInt(read.fromRevision),
        ...(read.maxCount === undefined ? {} : { maxCount: read.maxCount }),
      });
      for await (const resolved of reading) {
        if (resolved.event) events.push(toRecorded(resolved.event, resolved.commitPosition));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw translate(error, `reading ${stream}`);
    }
    return events;
  }

  /**
   * Appends with an exact expected revision (or no-stream): only then does
   * the server recognise a retry by its event ids and answer it without
   * writing again.
   */
  async function appendExact(
    stream: string,
    events: EventData[],
    wire: AppendExpectedRevision,
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    let result;
    try {
      result = await client.appendToStream(stream, events, { expectedRevision: wire });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = typeof error.actualVersion === 'bigint' ? Number(error.actualVersion) : -1;
        throw new ConcurrencyError(stream, expected, actual);
      }
      throw translate(error, `appending to ${stream}`);
    }
    // Only reached with `throwOnAppendFailure=false` in the connection string.
    if (!result.success) throw new ConcurrencyError(stream, expected, Number(result.nextExpectedRevision));
    const nextRevision = Number(result.nextExpectedRevision);
    if (result.position) return { nextRevision, position: toPosition(result.position) };
    // Older servers answer an idempotent retry without a position: look it up.
    const [last] = await readStream(stream, { direction: 'backwards', fromRevision: nextRevision, maxCount: 1 });
    if (!last) throw new EventStoreUnavailableError(`EventStoreDB lost the end of ${stream}`);
    return { nextRevision, position: last.position };
  }

  /**
   * `any` becomes "whatever the end is now", read first and sent as an exact
   * revision. If the stream already ends with these very events, this is a
   * retry of an append that succeeded; answer as it was answered.
   */
  async function appendAny(stream: string, events: NewEvent[], proposed: EventData[]): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      const tail = (await readStream(stream, { direction: 'backwards', maxCount: events.length })).reverse();
      const last = tail.at(-1);
      if (last && tail.length === events.length && tail.every((event, index) => event.id === events[index]?.id)) {
        return { nextRevision: last.revision, position: last.position };
      }
      try {
        return await appendExact(stream, proposed, last ? BigInt(last.revision) : NO_STREAM, 'any');
      } catch (error) {
        if (!(error instanceof ConcurrencyError) || attempt >= ANY_ATTEMPTS) throw error;
      }
    }
  }

  /** `after` is exclusive, but the server reads forwards from a position inclusively; each page re-reads its start and drops it. */
  async function readAll(read: Parameters<EventStore['readAll']>[0] = {}) {
    assertOpen();
    const wanted = read.maxCount ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    let after: Position | undefined = read.after;
    while (events.length < wanted) {
      const pageSize = Math.min(READ_ALL_PAGE, wanted - events.length + 1);
      let received = 0;
      try {
        const page = client.readAll({
          direction: FORWARDS,
          fromPosition: after === undefined ? START : decodePosition(after),
          maxCount: pageSize,
        });
        for await (const resolved of page as AsyncIterable<AllStreamResolvedEvent>) {
          received++;
          const event = resolved.event;
          if (!event) continue;
          const position = toPosition(event.position);
          if (after !== undefined && comparePositions(position, after) <= 0) continue;
          after = position;
          if (!isForeign(event) && events.length < wanted) events.push(toRecorded(event));
        }
      } catch (error) {
        throw translate(error, 'reading $all');
      }
      if (received < pageSize) break;
    }
    return events;
  }

  function subscribeToAll(subscriber: SubscribeOptions): Subscription {
    assertOpen();
    const stop = new AbortController();
    let current: AllStreamSubscription | undefined;
    let last = subscriber.after;

    /** Delivers until the server ends or fails the subscription, or a handler throws. */
    async function deliver(
      subscription: AllStreamSubscription,
      progressed: () => void,
    ): Promise<{ dropped: unknown } | { handlerFailed: unknown }> {
      try {
        for await (const item of subscription as AsyncIterable<AllStreamResolvedEvent | typeof CAUGHT_UP>) {
          if (stop.signal.aborted) break;
          progressed();
          if (item === CAUGHT_UP) {
            try {
              subscriber.onCaughtUp?.();
            } catch (error) {
              return { handlerFailed: error };
            }
            continue;
          }
          const event = item.event;
          if (!event) continue;
          if (!isForeign(event)) {
            try {
              await subscriber.onEvent(toRecorded(event));
            } catch (error) {
              return { handlerFailed: error };
            }
          }
          // Skipped events move the checkpoint too, so a resubscribe does not fetch them again.
          last = toPosition(event.position);
        }
      } catch (error) {
        return { dropped: error };
      }
      return { dropped: undefined };
    }

    async function run() {
      let delay = RESUBSCRIBE_MIN_MS;
      while (!stop.signal.aborted) {
        const subscription = client.subscribeToAll({ fromPosition: last === undefined ? START : decodePosition(last) });
        current = subscription;
        // The client may still emit after the loop stopped reading; that must not crash the process.
        subscription.on('error', () => undefined);
        subscription.on('caughtUp', () => {
          if (!subscription.destroyed) subscription.push(CAUGHT_UP);
        });
        const outcome = await deliver(subscription, () => (delay = RESUBSCRIBE_MIN_MS));
        await subscription.unsubscribe().catch(() => undefined);
        subscription.destroy();
        if (stop.signal.aborted) return;
        if ('handlerFailed' in outcome) {
          // Skipping the event would lose it and retrying could loop forever: stop and report.
          stop.abort();
          const error = outcome.handlerFailed;
          subscriber.onError?.(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        options.logger?.warn(
          { err: outcome.dropped, resubscribeInMs: delay, after: last },
          'EventStoreDB subscription to $all ended; resubscribing',
        );
        await sleep(delay, stop.signal);
        delay = Math.min(delay * 2, RESUBSCRIBE_MAX_MS);
      }
    }

    const running = run().catch((error: unknown) => {
      stop.abort();
      subscriber.onError?.(translate(error, 'subscribing to $all'));
    });

    const subscription: Subscription = {
      async close() {
        subscriptions.delete(subscription);
        stop.abort();
        // Ends the iteration even if the cancelled call never ends the stream.
        current?.destroy();
        await running;
      },
    };
    subscriptions.add(subscription);
    return subscription;
  }

  return {
    async append(stream, events, { expectedRevision }) {
      assertOpen();
      if (events.length === 0) throw new Error('append needs at least one event');
      const proposed = events.map((event) =>
        jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: { ...event.metadata } }),
      );
      if (expectedRevision === 'any') return appendAny(stream, events, proposed);
      const wire = expectedRevision === 'no_stream' ? NO_STREAM : BigInt(expectedRevision);
      return appendExact(stream, proposed, wire, expectedRevision);
    },
    readStream,
    readAll,
    subscribeToAll,
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      // Without this the client's open calls keep the process alive.
      await client.dispose();
    },
  };
}
