import type { Position, ReadAllOptions, RecordedEvent, SubscribeOptions, Subscription } from './port.ts';

export interface PollingSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  /** A counter of commits in this process, so a write during a read is never missed. */
  writeCount(): number;
  /**
   * Resolves as soon as the write counter differs from `seen` (at once if it
   * already does), after `timeoutMs`, or when `stop` aborts.
   */
  waitForWrites(seen: number, timeoutMs: number, stop: AbortSignal): Promise<void>;
}

const BATCH = 500;
/** Another process may write the same file; this bounds how late we notice. */
const POLL_MS = 1000;

/**
 * A `$all` subscription for stores that can be read by position: read pages
 * after the last delivered event, signal caught-up on an empty page, then
 * wait for a write notification (or a poll) and read again.
 */
export function pollingSubscription(source: PollingSource, options: SubscribeOptions): Subscription {
  let closed = false;
  const stop = new AbortController();
  let last: Position | undefined = options.after;

  const loop = async () => {
    let caughtUp = false;
    while (!closed) {
      const seen = source.writeCount();
      const page = await source.readAll({ after: last, maxCount: BATCH });
      for (const event of page) {
        if (closed) return;
        // Most deliveries finish synchronously: awaiting only a promise spares a microtask per event.
        const delivered = options.onEvent(event);
        if (delivered !== undefined) await delivered;
        last = event.position;
      }
      // Between pages, let I/O in: with in-memory consumers a catch-up from
      // zero (start, rebuild) otherwise resolves only microtasks and holds
      // every request until it ends.
      if (page.length === BATCH) await new Promise((resolve) => setImmediate(resolve));
      if (page.length < BATCH) {
        if (!caughtUp) {
          caughtUp = true;
          options.onCaughtUp?.();
        }
        if (!closed) await source.waitForWrites(seen, POLL_MS, stop.signal);
      }
    }
  };

  const running = loop().catch((error: unknown) => {
    closed = true;
    options.onError?.(error instanceof Error ? error : new Error(String(error)));
  });

  return {
    async close() {
      closed = true;
      stop.abort();
      await running;
    },
  };
}
