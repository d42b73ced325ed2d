import type { Subscription } from './port.ts';

/**
 * The subscriptions an adapter has handed out, so closing the store can close
 * them first: a subscription left reading a closed store would fail or hang.
 */
export function createOpenSubscriptions() {
  const open = new Set<Subscription>();
  return {
    track(subscription: Subscription): Subscription {
      open.add(subscription);
      return {
        async close() {
          open.delete(subscription);
          await subscription.close();
        },
      };
    },
    async closeAll(): Promise<void> {
      await Promise.all([...open].map((subscription) => subscription.close()));
    },
  };
}
