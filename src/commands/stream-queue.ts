/**
 * Work for one stream at a time, in arrival order, like the keyed lock, but
 * whatever queued while the stream was busy is handed over as one batch
 * (`max` at most), so the handler can decide it together. Each item is
 * answered by its own outcome; a batch that throws refuses all of its items.
 */
type Settled<R> = { ok: true; result: R } | { ok: false; error: unknown };

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export function createStreamQueue<T, R>(max: number, run: (key: string, batch: T[]) => Promise<Settled<R>[]>) {
  const queues = new Map<string, Waiting<T, R>[]>();

  async function drain(key: string, queue: Waiting<T, R>[]) {
    while (queue.length > 0) {
      const batch = queue.splice(0, max);
      try {
        const outcomes = await run(key, batch.map((waiting) => waiting.item));
        batch.forEach((waiting, index) => {
          const outcome = outcomes[index];
          if (outcome?.ok) waiting.resolve(outcome.result);
          else waiting.reject(outcome ? outcome.error : new Error('no outcome for a queued command'));
        });
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    queues.delete(key);
  }

  return function enqueue(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = queues.get(key);
      if (queue) {
        queue.push({ item, resolve, reject });
        return;
      }
      const fresh = [{ item, resolve, reject }];
      queues.set(key, fresh);
      void drain(key, fresh);
    });
  };
}
