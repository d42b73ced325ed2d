/** Retry delays for the read-model store and the subscription: 100 ms doubling to 5 s. */
export const RETRY_MIN_MS = 100;
export const RETRY_MAX_MS = 5000;

export const nextDelay = (ms: number): number => Math.min(ms * 2, RETRY_MAX_MS);

/** Resolves after `ms`, or as soon as `signal` aborts; leaves no timer behind either way. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export class StoppedError extends Error {
  override readonly name = 'StoppedError';
}

/**
 * Runs `attempt` until it succeeds, with backoff; throws `StoppedError` once
 * `signal` aborts, or the error `refuse` returns before an attempt.
 */
export async function retrying<T>(
  attempt: () => Promise<T>,
  signal: AbortSignal,
  onFailure: (error: unknown, retryInMs: number) => void,
  refuse: () => Error | undefined = () => undefined,
): Promise<T> {
  let delay = RETRY_MIN_MS;
  for (;;) {
    if (signal.aborted) throw new StoppedError('stopped');
    const refusal = refuse();
    if (refusal) throw refusal;
    try {
      return await attempt();
    } catch (error) {
      if (signal.aborted) throw new StoppedError('stopped');
      onFailure(error, delay);
      await sleep(delay, signal);
      delay = nextDelay(delay);
    }
  }
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
