import { createHash } from 'node:crypto';
import { eventHash, GENESIS_HASH } from '../event-store/hash-chain.ts';
import type { EventStore, Position, RecordedEvent } from '../event-store/port.ts';

/** Why a link of a stream's chain does not hold. */
export type BreakKind =
  /** A revision is absent: an event was deleted (or the stream does not start at 0). */
  | 'revision-missing'
  /** Revisions repeat or go backwards: an event was inserted or moved. */
  | 'revision-out-of-order'
  /** The event carries no hash: written around the ledger, or before chaining existed. */
  | 'hash-missing'
  /** The event's type, data or metadata no longer match its own hash. */
  | 'content-altered'
  /** The event does not point at the hash of the event before it. */
  | 'link-broken';

export interface BrokenLink {
  stream: string;
  /** The first revision at which the chain does not hold. */
  revision: number;
  kind: BreakKind;
  detail: string;
  /** What the chain requires at this point (a hash or revision). */
  expected: string;
  /** What the stored event has instead. */
  found: string;
  /** Global position of the event where the break was seen. */
  position: Position;
}

export interface StreamHead {
  revision: number;
  hash: string;
}

interface ChainCursor {
  nextRevision: number;
  lastHash: string;
  broken: boolean;
}

const newCursor = (): ChainCursor => ({ nextRevision: 0, lastHash: GENESIS_HASH, broken: false });

/** Checks one event against the chain so far and moves the cursor on; returns the break, if any. */
function check(cursor: ChainCursor, event: RecordedEvent): BrokenLink | undefined {
  const at = (revision: number, kind: BreakKind, detail: string, expected: string, found: string): BrokenLink => {
    cursor.broken = true;
    return { stream: event.stream, revision, kind, detail, expected, found, position: event.position };
  };
  if (event.revision > cursor.nextRevision) {
    const missing =
      event.revision - cursor.nextRevision === 1
        ? `revision ${cursor.nextRevision} is missing`
        : `revisions ${cursor.nextRevision}–${event.revision - 1} are missing`;
    return at(cursor.nextRevision, 'revision-missing', `${missing}: the stream goes on at ${event.revision}`, String(cursor.nextRevision), String(event.revision));
  }
  if (event.revision < cursor.nextRevision) {
    return at(event.revision, 'revision-out-of-order', `revision ${event.revision} appears again after ${cursor.nextRevision - 1}`, String(cursor.nextRevision), String(event.revision));
  }
  const { hash, previousHash } = event.metadata;
  if (hash === undefined || previousHash === undefined) {
    return at(event.revision, 'hash-missing', 'the event carries no hash', 'a hash', 'none');
  }
  if (previousHash !== cursor.lastHash) {
    const before = event.revision === 0 ? 'the chain start' : `the hash of revision ${event.revision - 1}`;
    return at(event.revision, 'link-broken', `previousHash is not ${before}`, cursor.lastHash, previousHash);
  }
  const recomputed = eventHash(event, previousHash);
  if (recomputed !== hash) {
    return at(event.revision, 'content-altered', 'the type, data or metadata were changed after the event was written: they hash to the found value, not to the stored hash', hash, recomputed);
  }
  cursor.nextRevision = event.revision + 1;
  cursor.lastHash = hash;
  return undefined;
}

export interface StreamVerification {
  stream: string;
  ok: boolean;
  events: number;
  /** The last event as verified; record it to detect a later truncation. */
  head: StreamHead | null;
  broken: BrokenLink | null;
}

const PAGE = 1000;

/** Recomputes one stream's chain from revision 0 and reports its first broken link. */
export async function verifyStream(store: EventStore, stream: string): Promise<StreamVerification> {
  const cursor = newCursor();
  let events = 0;
  let fromRevision = 0;
  for (;;) {
    const page = await store.readStream(stream, { fromRevision, maxCount: PAGE });
    for (const event of page) {
      events++;
      const broken = check(cursor, event);
      if (broken) return { stream, ok: false, events, head: null, broken };
    }
    if (page.length < PAGE) break;
    fromRevision = (page.at(-1) as RecordedEvent).revision + 1;
  }
  const head = events === 0 ? null : { revision: cursor.nextRevision - 1, hash: cursor.lastHash };
  return { stream, ok: true, events, head, broken: null };
}

export interface VerifyProgress {
  events: number;
  streams: number;
  broken: number;
  position: Position | null;
}

export interface LogVerification {
  ok: boolean;
  events: number;
  streams: number;
  /** Streams with a broken link; `broken` lists the first `maxReported` of them. */
  brokenStreams: number;
  broken: BrokenLink[];
  /** Position of the last event read. */
  position: Position | null;
  /**
   * SHA-256 over every intact stream's head ("stream revision hash" lines,
   * sorted). Kept outside the ledger, it shows later whether any stream's
   * tail was cut or rewritten since.
   */
  headsDigest: string;
}

export interface VerifyAllOptions {
  onProgress?: (progress: VerifyProgress) => void | Promise<void>;
  maxReported?: number;
  signal?: AbortSignal;
}

/** Reads `$all` once from the start and checks every stream's chain as its events come by. */
export async function verifyAll(store: EventStore, options: VerifyAllOptions = {}): Promise<LogVerification> {
  const maxReported = options.maxReported ?? 100;
  const cursors = new Map<string, ChainCursor>();
  const broken: BrokenLink[] = [];
  let brokenStreams = 0;
  let events = 0;
  let after: Position | undefined;
  for (;;) {
    options.signal?.throwIfAborted();
    const page = await store.readAll({ ...(after ? { after } : {}), maxCount: PAGE });
    for (const event of page) {
      events++;
      let cursor = cursors.get(event.stream);
      if (!cursor) cursors.set(event.stream, (cursor = newCursor()));
      if (cursor.broken) continue;
      const link = check(cursor, event);
      if (!link) continue;
      brokenStreams++;
      if (broken.length < maxReported) broken.push(link);
    }
    if (page.length > 0) after = (page.at(-1) as RecordedEvent).position;
    await options.onProgress?.({ events, streams: cursors.size, broken: brokenStreams, position: after ?? null });
    if (page.length < PAGE) break;
  }
  const heads = [...cursors]
    .filter(([, cursor]) => !cursor.broken)
    .map(([stream, cursor]) => `${stream} ${cursor.nextRevision - 1} ${cursor.lastHash}\n`)
    .sort();
  return {
    ok: brokenStreams === 0,
    events,
    streams: cursors.size,
    brokenStreams,
    broken,
    position: after ?? null,
    headsDigest: createHash('sha256').update(heads.join('')).digest('hex'),
  };
}
