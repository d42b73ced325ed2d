import type { EventStore, Position, RecordedEvent, Subscription } from '../event-store/port.ts';
import { RETRY_MIN_MS, describe, nextDelay, sleep } from './backoff.ts';
import type { RunnerLogger } from './types.ts';

export interface ResilientSubscriptionOptions {
  eventStore: EventStore;
  /** Where a (re)subscription starts: after the last event applied. */
  after(): Position | undefined;
  /** May finish synchronously (undefined) or return a promise the subscription waits for. */
  onEvent(event: RecordedEvent): Promise<void> | undefined;
  onCaughtUp(): void;
  /** The subscription failed; it is reopened with backoff. */
  onTrouble(message: string): void;
  logger?: RunnerLogger | undefined;
  context: Record<string, unknown>;
  /** Aborted when the owner stops: no more reopening. */
  signal: AbortSignal;
}

export interface ResilientSubscription {
  open(): void;
  /** Closes the current subscription and opens a fresh one after the last event applied. */
  restart(reason: string): Promise<void>;
  close(): Promise<void>;
  /** How long no delivery has been in progress or finished (0 during one). */
  idleMs(): number;
}

/**
 * A `$all` subscription that is reopened from the last applied event when
 * it fails (100 ms doubling to 5 s), or on request when it looks stalled.
 */
export function resilientSubscription(o: ResilientSubscriptionOptions): ResilientSubscription {
  let current: Subscription | undefined;
  let delay = RETRY_MIN_MS;
  /** Bumped by every (re)open, so a reopen scheduled by an older failure does not open a second one. */
  let generation = 0;
  let delivering = 0;
  let lastDelivery = Date.now();
  const delivered = () => {
    delivering--;
    lastDelivery = Date.now();
  };

  function open() {
    if (o.signal.aborted) return;
    const mine = ++generation;
    current = o.eventStore.subscribeToAll({
      after: o.after(),
      onEvent(event) {
        delivering++;
        delay = RETRY_MIN_MS;
        let pending: Promise<void> | undefined;
        try {
          pending = o.onEvent(event);
        } finally {
          if (pending === undefined) delivered();
        }
        return pending?.finally(delivered);
      },
      onCaughtUp() {
        delay = RETRY_MIN_MS;
        lastDelivery = Date.now();
        o.onCaughtUp();
      },
      onError(error) {
        if (o.signal.aborted || mine !== generation) return;
        o.onTrouble(describe(error));
        o.logger?.warn({ ...o.context, err: describe(error), retryInMs: delay }, 'subscription to $all failed; resubscribing');
        const wait = delay;
        delay = nextDelay(delay);
        void sleep(wait, o.signal).then(() => {
          if (mine === generation) open();
        });
      },
    });
  }

  return {
    open,
    async restart(reason) {
      const stale = current;
      generation++;
      current = undefined;
      o.logger?.warn({ ...o.context, reason, after: o.after() }, 'resubscribing to $all');
      await stale?.close().catch(() => undefined);
      lastDelivery = Date.now();
      open();
    },
    async close() {
      generation++;
      await current?.close().catch(() => undefined);
    },
    idleMs: () => (delivering > 0 ? 0 : Date.now() - lastDelivery),
  };
}
