import {
  START,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import { isForeign, toPosition, toRecorded, translate } from './esdb-mapping.ts';
import type { SubscribeOptions, Subscription } from './port.ts';
import { decodePosition } from './position.ts';

export interface SubscriptionLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

const RESUBSCRIBE_MIN_MS = 100;
const RESUBSCRIBE_MAX_MS = 5000;

/**
 * The client emits `caughtUp` as soon as it parses the message, while events
 * before it may still wait in the stream's buffer for a slow handler; this
 * marker is queued behind them instead.
 */
const CAUGHT_UP = Symbol('caught-up');

type Outcome = { dropped: unknown } | { handlerFailed: unknown };

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

/**
 * A `$all` catch-up subscription that outlives the server's: the client
 * does not resubscribe after a drop, so this does, from the last position
 * handled, with a backoff that doubles from 100 ms to 5 s.
 */
export function subscribeToAllResiliently(
  client: EventStoreDBClient,
  subscriber: SubscribeOptions,
  logger?: SubscriptionLogger,
): Subscription {
  const stop = new AbortController();
  let current: AllStreamSubscription | undefined;
  let last = subscriber.after;

  async function deliver(subscription: AllStreamSubscription, progressed: () => void): Promise<Outcome> {
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
      // Start positions are exclusive, so the last handled event is not delivered again.
      const subscription = client.subscribeToAll({ fromPosition: last === undefined ? START : decodePosition(last) });
      current = subscription;
      // The client may still emit once this loop stopped reading; that must not crash the process.
      subscription.on('error', () => undefined);
      subscription.on('caughtUp', () => {
        if (!subscription.destroyed) subscription.push(CAUGHT_UP);
      });
      const outcome = await deliver(subscription, () => (delay = RESUBSCRIBE_MIN_MS));
      await subscription.unsubscribe().catch(() => undefined);
      subscription.destroy();
      if (stop.signal.aborted) return;
      if ('handlerFailed' in outcome) {
        // Skipping the event would lose it, retrying could loop forever: stop and report.
        stop.abort();
        const error = outcome.handlerFailed;
        subscriber.onError?.(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      logger?.warn(
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

  return {
    async close() {
      stop.abort();
      // Ends the iteration even if the cancelled call never ends its stream.
      current?.destroy();
      await running;
    },
  };
}
