/**
 * An in-process EventStoreDB for tests: a gRPC server speaking the
 * `event_store.client.streams.Streams` protocol (`Append` and `Read` only)
 * with the message classes generated inside `@eventstore/db-client`, so the
 * real client talks to it over real HTTP/2. No EventStoreDB server can be
 * installed where these tests run; DESIGN.md §2 lists the protocol facts
 * that keep this small.
 *
 * Everything else is left unimplemented on purpose: the client asks
 * `ServerFeatures` first, takes UNIMPLEMENTED to mean "an old server", and
 * falls back from `BatchAppend` to plain `Append`.
 */
import * as grpc from '@grpc/grpc-js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';

type ReadReq = InstanceType<typeof streamsPb.ReadReq>;
type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
type AppendReq = InstanceType<typeof streamsPb.AppendReq>;
type AppendResp = InstanceType<typeof streamsPb.AppendResp>;
type AppendOptions = InstanceType<typeof streamsPb.AppendReq.Options>;
type ProposedMessage = InstanceType<typeof streamsPb.AppendReq.ProposedMessage>;
type ReadCall = grpc.ServerWritableStream<ReadReq, ReadResp>;

const { ReadReq, ReadResp, AppendReq, AppendResp } = streamsPb;
const ExpectedRevision = AppendReq.Options.ExpectedStreamRevisionCase;

interface StoredEvent {
  stream: string;
  revision: number;
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
  /** 100-ns ticks since the Unix epoch, as the server stamps `created`. */
  created: bigint;
  /** Commit and prepare position: equal for every event not written in an explicit transaction. */
  position: bigint;
}

/** Where a `$all` read or subscription starts. */
type AllStart = 'start' | 'end' | bigint;

export interface EsdbWireFake {
  connectionString: string;
  /** Ends every live subscription with UNAVAILABLE, as a server restart would. */
  dropSubscriptions(): void;
  /** Rewrites a stored event's data behind the protocol's back, as someone with disk access could. */
  rewriteData(stream: string, revision: number, rewrite: (data: Record<string, unknown>) => Record<string, unknown>): void;
  close(): Promise<void>;
}

function streamName(identifier: InstanceType<typeof sharedPb.StreamIdentifier> | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

function streamIdentifier(name: string) {
  const identifier = new sharedPb.StreamIdentifier();
  identifier.setStreamName(Buffer.from(name, 'utf8'));
  return identifier;
}

function status(code: grpc.status, details: string): Partial<grpc.StatusObject> {
  return { code, details };
}

function eventMessage(event: StoredEvent): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  const id = new sharedPb.UUID();
  id.setString(event.id);
  recorded.setId(id);
  recorded.setStreamIdentifier(streamIdentifier(event.stream));
  recorded.setStreamRevision(String(event.revision));
  recorded.setCommitPosition(String(event.position));
  recorded.setPreparePosition(String(event.position));
  // Type, content type and creation time travel as string metadata, not as fields.
  const metadata = recorded.getMetadataMap();
  metadata.set('type', event.type);
  metadata.set('content-type', event.contentType);
  metadata.set('created', String(event.created));
  recorded.setData(event.data);
  recorded.setCustomMetadata(event.customMetadata);

  const readEvent = new ReadResp.ReadEvent();
  readEvent.setEvent(recorded);
  readEvent.setCommitPosition(String(event.position));
  const response = new ReadResp();
  response.setEvent(readEvent);
  return response;
}

export async function startEsdbWireFake(): Promise<EsdbWireFake> {
  const log: StoredEvent[] = [];
  const streams = new Map<string, StoredEvent[]>();
  const live = new Set<ReadCall>();
  // Positions are byte offsets into the log on a real server: increasing, never consecutive.
  let nextPosition = 0n;
  let subscriptionIds = 0;

  function write(stream: string, messages: ProposedMessage[]): StoredEvent[] {
    const existing = streams.get(stream) ?? [];
    const created = BigInt(Date.now()) * 10_000n;
    const written = messages.map((message, index): StoredEvent => {
      const metadata = message.getMetadataMap();
      const event: StoredEvent = {
        stream,
        revision: existing.length + index,
        id: message.getId()?.getString() ?? '',
        type: metadata.get('type') ?? '',
        contentType: metadata.get('content-type') ?? '',
        data: message.getData_asU8(),
        customMetadata: message.getCustomMetadata_asU8(),
        created,
        position: nextPosition,
      };
      nextPosition += 128n + BigInt(event.data.length + event.customMetadata.length + stream.length);
      return event;
    });
    streams.set(stream, [...existing, ...written]);
    log.push(...written);
    for (const call of live) for (const event of written) call.write(eventMessage(event));
    return written;
  }

  function success(revision: number, position: bigint | undefined): AppendResp {
    const result = new AppendResp.Success();
    if (revision < 0) result.setNoStream(new sharedPb.Empty());
    else result.setCurrentRevision(String(revision));
    if (position === undefined) result.setNoPosition(new sharedPb.Empty());
    else {
      const wirePosition = new AppendResp.Position();
      wirePosition.setCommitPosition(String(position));
      wirePosition.setPreparePosition(String(position));
      result.setPosition(wirePosition);
    }
    return new AppendResp().setSuccess(result);
  }

  /**
   * Not a gRPC error: the server answers a failed check with a normal
   * response. (It also mirrors these into deprecated 20.6.0 fields, which
   * no current client reads.)
   */
  function wrongExpectedVersion(options: AppendOptions, current: number): AppendResp {
    const wrong = new AppendResp.WrongExpectedVersion();
    if (current < 0) wrong.setCurrentNoStream(new sharedPb.Empty());
    else wrong.setCurrentRevision(String(current));
    switch (options.getExpectedStreamRevisionCase()) {
      case ExpectedRevision.REVISION:
        wrong.setExpectedRevision(options.getRevision());
        break;
      case ExpectedRevision.NO_STREAM:
        wrong.setExpectedNoStream(new sharedPb.Empty());
        break;
      case ExpectedRevision.STREAM_EXISTS:
        wrong.setExpectedStreamExists(new sharedPb.Empty());
        break;
      default:
        wrong.setExpectedAny(new sharedPb.Empty());
    }
    return new AppendResp().setWrongExpectedVersion(wrong);
  }

  function commit(options: AppendOptions, messages: ProposedMessage[]): AppendResp {
    const stream = streamName(options.getStreamIdentifier());
    const existing = streams.get(stream) ?? [];
    const current = existing.length - 1;
    const appendAll = () => {
      const written = write(stream, messages);
      return success(current + written.length, written.at(-1)?.position);
    };

    switch (options.getExpectedStreamRevisionCase()) {
      case ExpectedRevision.ANY:
        // The real server dedupes `any` only from a bounded cache of recent ids; not modelled.
        return appendAll();
      case ExpectedRevision.STREAM_EXISTS:
        return current < 0 ? wrongExpectedVersion(options, current) : appendAll();
    }
    // No-stream is the exact revision -1, idempotency included.
    const expected =
      options.getExpectedStreamRevisionCase() === ExpectedRevision.NO_STREAM ? -1 : Number(options.getRevision());
    if (expected === current) return appendAll();
    if (expected > current) return wrongExpectedVersion(options, current);
    // Behind the stream: a retry of a write that succeeded if the events written
    // right after `expected` carry exactly these ids. Nothing is written and the
    // answer names the last of those events, as the first answer did.
    const already = existing.slice(expected + 1, expected + 1 + messages.length);
    const isRetry =
      messages.length > 0 &&
      already.length === messages.length &&
      already.every((event, index) => event.id === messages[index]?.getId()?.getString());
    const last = already.at(-1);
    return isRetry && last ? success(last.revision, last.position) : wrongExpectedVersion(options, current);
  }

  const append: grpc.handleClientStreamingCall<AppendReq, AppendResp> = (call, callback) => {
    let options: AppendOptions | undefined;
    const messages: ProposedMessage[] = [];
    let failed = false;
    const fail = (details: string) => {
      if (!failed) callback(status(grpc.status.INVALID_ARGUMENT, details));
      failed = true;
    };
    call.on('data', (request: AppendReq) => {
      if (!options) {
        options = request.getOptions();
        if (!options) fail('the first append message must carry the options');
        return;
      }
      const message = request.getProposedMessage();
      const metadata = message?.getMetadataMap();
      if (!message?.getId()?.getString() || !metadata?.get('type') || !metadata.get('content-type')) {
        fail('a proposed message needs a string id, a type and a content type');
        return;
      }
      messages.push(message);
    });
    call.on('end', () => {
      if (failed) return;
      if (!options) fail('no options were sent');
      else callback(null, commit(options, messages));
    });
  };

  /** Subscriptions start strictly after their position; forward reads include it. */
  function forwardsFrom(start: AllStart, inclusive: boolean): StoredEvent[] {
    if (start === 'start') return log;
    if (start === 'end') return [];
    return log.filter((e) => e.position > start || (inclusive && e.position === start));
  }

  function allStart(options: InstanceType<typeof ReadReq.Options.AllOptions>): AllStart {
    if (options.hasPosition()) return BigInt(options.getPosition()?.getCommitPosition() ?? '0');
    return options.hasEnd() ? 'end' : 'start';
  }

  function subscribe(call: ReadCall, start: AllStart) {
    const confirmation = new ReadResp.SubscriptionConfirmation();
    confirmation.setSubscriptionId(`fake-${++subscriptionIds}`);
    call.write(new ReadResp().setConfirmation(confirmation));
    // Catch-up and the switch to live happen in one turn, so no append can fall between them.
    for (const event of forwardsFrom(start, false)) call.write(eventMessage(event));
    call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
    live.add(call);
    const forget = () => live.delete(call);
    call.on('cancelled', forget);
    call.on('close', forget);
  }

  function readStream(call: ReadCall, options: InstanceType<typeof ReadReq.Options.StreamOptions>) {
    const stream = streamName(options.getStreamIdentifier());
    const events = streams.get(stream);
    if (!events) {
      // Not a gRPC error either: a message, then a clean end.
      const notFound = new ReadResp.StreamNotFound();
      notFound.setStreamIdentifier(streamIdentifier(stream));
      call.write(new ReadResp().setStreamNotFound(notFound));
      return [];
    }
    const backwards = call.request.getOptions()?.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
    const end = backwards ? Infinity : events.length;
    const from = options.hasRevision() ? Number(options.getRevision()) : options.hasEnd() ? end : 0;
    return backwards ? events.filter((e) => e.revision <= from).reverse() : events.filter((e) => e.revision >= from);
  }

  function readAll(call: ReadCall, options: InstanceType<typeof ReadReq.Options.AllOptions>) {
    const start = allStart(options);
    if (call.request.getOptions()?.getReadDirection() !== ReadReq.Options.ReadDirection.BACKWARDS) {
      return forwardsFrom(start, true);
    }
    // Backwards is exclusive: a page ends just before its position, so the next page can start there.
    if (start === 'start') return [];
    return log.filter((e) => start === 'end' || e.position < start).reverse();
  }

  const read: grpc.handleServerStreamingCall<ReadReq, ReadResp> = (call) => {
    const options = call.request.getOptions();
    if (!options || options.hasFilter()) {
      call.emit('error', status(grpc.status.UNIMPLEMENTED, 'the fake reads without filters only'));
      return;
    }
    if (options.hasSubscription()) {
      const all = options.getAll();
      if (all) subscribe(call, allStart(all));
      else call.emit('error', status(grpc.status.UNIMPLEMENTED, 'the fake subscribes to $all only'));
      return;
    }
    const streamOptions = options.getStream();
    const allOptions = options.getAll();
    const events = streamOptions ? readStream(call, streamOptions) : allOptions ? readAll(call, allOptions) : [];
    for (const event of events.slice(0, Number(options.getCount()))) call.write(eventMessage(event));
    call.end();
  };

  const server = new grpc.Server();
  server.addService(streamsGrpc.StreamsService, { read, append });
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });

  // A real `$all` never starts empty: the server writes its own `$`-typed
  // events first. One of them keeps adapters honest about skipping them.
  const settings = new AppendReq.ProposedMessage();
  settings.setId(new sharedPb.UUID().setString('00000000-0000-4000-8000-000000000000'));
  settings.getMetadataMap().set('type', '$settings').set('content-type', 'application/json');
  settings.setData(Buffer.from('{"$userStreamAcl":{"$r":"$all"}}'));
  write('$settings', [settings]);

  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    dropSubscriptions() {
      for (const call of live) call.emit('error', status(grpc.status.UNAVAILABLE, 'server is restarting'));
      live.clear();
    },
    rewriteData(stream, revision, rewrite) {
      const event = streams.get(stream)?.[revision];
      if (!event) throw new Error(`no event ${stream}@${revision}`);
      const data = JSON.parse(Buffer.from(event.data).toString('utf8')) as Record<string, unknown>;
      // The log and the stream index hold the same object, so both see the change.
      event.data = new Uint8Array(Buffer.from(JSON.stringify(rewrite(data)), 'utf8'));
    },
    async close() {
      live.clear();
      // Force: the client keeps its HTTP/2 session open, so a graceful shutdown would wait on it.
      server.forceShutdown();
    },
  };
}
