/** Operations: liveness, readiness and metrics. */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { EventStore } from '../../event-store/port.ts';
import { createMetrics } from '../metrics.ts';
import type { RouteServices } from '../services.ts';

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

/**
 * Liveness (the process answers), readiness (it can reach the event store,
 * and how the read side stands) and Prometheus metrics. Not encapsulated:
 * the metrics hook counts every route of the app.
 */
const operations: FastifyPluginAsync<Pick<RouteServices, 'store' | 'readSide' | 'eventStoreKind' | 'role' | 'rateLimitMode'>> = async (
  app,
  options,
) => {
  const { store, readSide, eventStoreKind, role, rateLimitMode } = options;
  const metrics = createMetrics(() =>
    readSide.status().map((p) => ({ name: p.name, lag: p.lag ?? 0, caughtUp: p.caughtUp, degraded: p.degraded })),
  );
  app.addHook('onResponse', metrics.onResponse);
  app.get('/metrics', { config: { access: 'read' }, schema: { hide: true } }, async (_request, reply) =>
    reply.type(metrics.contentType).send(await metrics.text()),
  );
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/health',
    { schema: { summary: 'Liveness', tags: ['operations'], response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );
  const Ready = z.object({
    status: z.enum(['ready', 'degraded', 'unavailable']),
    eventStore: z.object({ kind: z.string(), reachable: z.boolean() }),
    readSide: z.object({
      reachable: z.boolean(),
      projections: z.array(
        z.object({
          name: z.string(),
          state: z.string(),
          checkpoint: z.string().nullable(),
          lastPosition: z.string().nullable(),
          lag: z.number().nullable(),
          caughtUp: z.boolean(),
          degraded: z.boolean(),
        }),
      ),
    }),
    rateLimits: z.object({
      counters: z
        .enum(['shared', 'process', 'fallback', 'off'])
        .describe('shared: in Redis; process: in this process by configuration; fallback: in this process while Redis does not answer; off'),
    }),
  });
  typed.get(
    '/ready',
    {
      schema: {
        summary:
          'Readiness: 503 when the event store does not answer; "degraded" while the read models are unreachable, failed, or still building their first version',
        tags: ['operations'],
        response: { 200: Ready, 503: Ready },
      },
    },
    async (_request, reply) => {
      const [reachable, readModelsReachable] = await Promise.all([storeReachable(store), readSide.readModels.ping()]);
      const projections = readSide.status().map((p) => ({
        name: p.name,
        state: p.state,
        checkpoint: p.checkpoint ?? null,
        lastPosition: p.lastPosition ?? null,
        lag: p.lag,
        caughtUp: p.caughtUp,
        degraded: p.degraded,
      }));
      // A projection still building its first version serves nothing yet: the
      // process answers, but its dashboards would be refused.
      const readSideHealthy =
        readModelsReachable &&
        (role === 'projector' || readSide.viewsStamp() !== undefined) &&
        projections.every((p) => !p.degraded && !['failed', 'starting', 'building'].includes(p.state));
      const status = !reachable ? 'unavailable' : readSideHealthy ? 'ready' : 'degraded';
      return reply.code(reachable ? 200 : 503).send({
        status,
        eventStore: { kind: eventStoreKind, reachable },
        readSide: { reachable: readModelsReachable, projections },
        rateLimits: { counters: rateLimitMode() },
      });
    },
  );
};

export const operationRoutes = fp(operations, { name: 'operations' });
