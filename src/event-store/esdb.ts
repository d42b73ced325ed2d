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
  type AppendExpectedRevision,
  type EventData,
} from '@eventstore/db-client';
import { createOpenSubscriptions } from './open-subscriptions.ts';
import { isForeign, toPosition, toRecorded, translate } from './esdb-mapping.ts';
import { subscribeToAllResiliently, type SubscriptionLogger } from './esdb-subscription.ts';
import {
  ConcurrencyError,
  EventStoreUnavailableError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
} from './port.ts';
import { comparePositions, decodePosition } from './position.ts';

export interface EsdbEventStoreOptions {
  /** e.g. `esdb://admin:changeit@localhost:2113?tls=false`, or `esdb+discover://…` for a cluster. */
  connectionString: string;
  /** A pino logger fits. */
  logger?: SubscriptionLogger;
}

/** How often an `any` append re-reads the stream's end after losing a race. */
const ANY_ATTEMPTS = 20;
const READ_ALL_PAGE = 1000;

export function createEsdbEventStore(options: EsdbEventStoreOptions): EventStore {
  let client: EventStoreDBClient;
  try {
    client = EventStoreDBClient.connectionString(options.connectionString);
  } catch (error) {
    throw new Error(`invalid EventStoreDB connection string: ${(error as Error).message}`, { cause: error });
  }
  const subscriptions = createOpenSubscriptions();
  let closed = false;

  function assertOpen() {
    if (closed) throw new Error('event store is closed');
  }

  async function readStream(stream: string, read: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
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

  /**
   * `after` is exclusive but the server reads forwards from a position
   * inclusively: each page starts at the last position seen and drops it.
   * Paged because skipped system events make the count unpredictable.
   */
  async function readAll(read: ReadAllOptions = {}): Promise<RecordedEvent[]> {
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
    subscribeToAll(subscriber) {
      assertOpen();
      return subscriptions.track(subscribeToAllResiliently(client, subscriber, options.logger));
    },
    async close() {
      if (closed) return;
      closed = true;
      await subscriptions.closeAll();
      // Without this the client's open calls keep the process alive.
      await client.dispose();
    },
  };
}
