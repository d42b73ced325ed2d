import type { EventStore, Position, RecordedEvent } from '../event-store/port.ts';

/** The kinds of stream in the log, named by their prefix. */
export const STREAM_TYPES = ['partnership', 'project', 'campaign', 'quarterly-report', 'api-keys'] as const;
export type StreamType = (typeof STREAM_TYPES)[number];

export function streamTypeOf(stream: string): StreamType | undefined {
  // Longest first would matter only if a prefix contained another; none does.
  return STREAM_TYPES.find((type) => stream === type || stream.startsWith(`${type}-`));
}

export interface LogFilter {
  streamTypes?: readonly StreamType[];
  eventTypes?: readonly string[];
  actor?: string;
  /** Recorded at or after this instant (ms since the epoch). */
  since?: number;
  /** Recorded at or before this instant. */
  until?: number;
}

export interface LogPage {
  events: RecordedEvent[];
  /** Pass as `after` to go on: the last event looked at (matching or not). */
  next: Position | undefined;
  /** False once the end of the log was reached. */
  more: boolean;
  scanned: number;
}

function matches(event: RecordedEvent, filter: LogFilter): boolean {
  if (filter.streamTypes && !filter.streamTypes.includes(streamTypeOf(event.stream) as StreamType)) return false;
  if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  if (filter.actor !== undefined && event.metadata.actor !== filter.actor) return false;
  if (filter.since !== undefined || filter.until !== undefined) {
    const at = Date.parse(event.recordedAt);
    if (filter.since !== undefined && at < filter.since) return false;
    if (filter.until !== undefined && at > filter.until) return false;
  }
  return true;
}

/** Secrets in the key register stay out of the log as served: a key's salt and hash. */
const REDACTED_FIELDS: Partial<Record<string, readonly string[]>> = { 'api-keys': ['salt', 'hash'] };

function redact(event: RecordedEvent): RecordedEvent {
  const fields = REDACTED_FIELDS[event.stream];
  if (!fields) return event;
  const data = { ...event.data };
  for (const field of fields) if (field in data) data[field] = '[redacted]';
  return { ...event, data };
}

/**
 * One page of `$all` after `after`: up to `limit` matching events. A
 * filtered page reads at most `maxScan` events, so a filter that matches
 * nothing answers promptly; `next` and `more` tell the caller where to go on.
 */
export async function readLogPage(
  store: EventStore,
  options: { after?: Position; limit: number; filter: LogFilter; maxScan?: number },
): Promise<LogPage> {
  const maxScan = options.maxScan ?? 10_000;
  const events: RecordedEvent[] = [];
  let after = options.after;
  let scanned = 0;
  for (;;) {
    const want = Math.min(1000, maxScan - scanned);
    const page = await store.readAll({ ...(after ? { after } : {}), maxCount: want });
    for (const event of page) {
      scanned++;
      after = event.position;
      if (matches(event, options.filter)) events.push(redact(event));
      if (events.length === options.limit) return { events, next: after, more: true, scanned };
    }
    if (page.length < want) return { events, next: after, more: false, scanned };
    if (scanned >= maxScan) return { events, next: after, more: true, scanned };
  }
}
