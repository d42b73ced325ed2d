import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EventStore } from '../event-store/port.ts';

const READY_TIMEOUT_MS = 2000;

async function storeReachable(store: EventStore): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([store.readAll({ maxCount: 1 }).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness (the process answers) and readiness (it can reach the event store). */
export function registerOperations(app: FastifyInstance, store: EventStore, eventStoreKind: string) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/health',
    { schema: { summary: 'Liveness', tags: ['operations'], response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  const Ready = z.object({
    status: z.enum(['ready', 'unavailable']),
    eventStore: z.object({ kind: z.string(), reachable: z.boolean() }),
  });
  typed.get(
    '/ready',
    { schema: { summary: 'Readiness: the event store answers', tags: ['operations'], response: { 200: Ready, 503: Ready } } },
    async (_request, reply) => {
      const reachable = await storeReachable(store);
      return reply
        .code(reachable ? 200 : 503)
        .send({ status: reachable ? 'ready' : 'unavailable', eventStore: { kind: eventStoreKind, reachable } });
    },
  );
}
