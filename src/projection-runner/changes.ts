/**
 * A wake-up call for code waiting on progress (a build waiting to catch up,
 * a reader waiting for its write): `notify` wakes every waiter, `next`
 * resolves on the next notification or after `ms`, whichever comes first.
 */
export interface Changes {
  notify(): void;
  next(ms: number, signal?: AbortSignal): Promise<void>;
}

export function createChanges(): Changes {
  const waiters = new Set<() => void>();
  return {
    notify() {
      for (const wake of [...waiters]) wake();
    },
    next(ms, signal) {
      if (signal?.aborted) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(wake, ms);
        function wake() {
          clearTimeout(timer);
          waiters.delete(wake);
          signal?.removeEventListener('abort', wake);
          resolve();
        }
        waiters.add(wake);
        signal?.addEventListener('abort', wake, { once: true });
      });
    },
  };
}
