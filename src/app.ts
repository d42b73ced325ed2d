import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { createCommandHandler } from './commands/handle-command.ts';
import type { Ledger } from './event-store/ledger.ts';
import { registerErrorHandling, sendProblem } from './http/error-handler.ts';
import { apiError } from './errors.ts';
import { registerOpenApi } from './http/openapi.ts';
import { registerOperations } from './http/operations.ts';
import { registerAggregateReads } from './http/read-route.ts';
import { registerRequestContext, requestId } from './http/request-context.ts';
import { campaignReads, campaignWrites } from './http/routes/campaigns.ts';
import { partnershipReads, partnershipWrites } from './http/routes/partnerships.ts';
import { projectReads, projectWrites } from './http/routes/projects.ts';
import { registerWriteRoute } from './http/write-route.ts';
import { registerMetrics } from './http/metrics.ts';
import { registerDashboardRoutes } from './http/routes/dashboards.ts';
import { registerAuditRoutes } from './http/routes/audit.ts';
import { registerReportRoutes, reportWrites } from './http/routes/reports.ts';
import type { RunningReadSide } from './read-side.ts';
import type { EvaluationStandard } from '../projections/index.ts';
import type { Redis } from 'ioredis';
import type { KeyStore } from './auth/key-store.ts';
import { registerAuth } from './auth/plugin.ts';
import { registerKeyRoutes } from './auth/routes.ts';
import { registerProjectionAdmin } from './http/routes/projections-admin.ts';
import { registerSecurity } from './http/security.ts';

export interface AppDependencies {
  config: Pick<
    Config,
    'bodyLimitBytes' | 'conflictRetries' | 'eventStore' | 'role' | 'minPositionWaitMs' | 'dormancyMonths' | 'rateLimitPerMinute'
  > &
    Partial<Pick<Config, 'requestTimeoutMs'>>;
  /** Owned by the app from here on: closed when the app closes. */
  store: Ledger;
  /** Owned by the app too: closed (projections stopped) before the event store. */
  readSide: RunningReadSide;
  /** The evaluation standard, validated at start. */
  standard: EvaluationStandard;
  /** API keys; every API route needs one. */
  keyStore: KeyStore;
  /** Shared rate-limit counters when several API instances run. */
  rateLimitRedis?: Redis;
  logger?: Logger;
  version?: string;
}

/**
 * Builds the HTTP app around an event store. Never listens: the server entry
 * does that, tests use `inject`.
 */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    bodyLimit: deps.config.bodyLimitBytes,
    requestTimeout: deps.config.requestTimeoutMs ?? 30_000,
    genReqId: requestId,
    return503OnClosing: true,
    // Malformed URLs are refused by the router before any hook runs; answer them like every other error.
    frameworkErrors: (error, request, reply) =>
      sendProblem(
        request,
        reply,
        apiError('invalid-request', error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path segment is too long.' : 'The URL is not valid.'),
      ),
  }) as unknown as FastifyInstance;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON is accepted; anything else is a 415, not a string to validate.
  app.removeContentTypeParser(['text/plain']);
  app.addHook('onClose', async () => {
    await deps.readSide.close();
    await deps.store.close();
  });
  // Responses finished during shutdown close their connection, so a keep-alive
  // client cannot hold the server open until its keep-alive timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  registerErrorHandling(app);
  registerRequestContext(app);
  await registerSecurity(app, {
    perMinute: deps.config.rateLimitPerMinute,
    ...(deps.rateLimitRedis ? { redis: deps.rateLimitRedis } : {}),
  });
  if (deps.config.role !== 'projector') registerAuth(app, { keyStore: deps.keyStore });
  await registerOpenApi(app, deps.version ?? '0.0.0');
  registerOperations(app, deps.store, deps.config.eventStore.kind, deps.readSide);
  registerMetrics(app, () => deps.readSide.status().map((p) => ({ name: p.name, lag: p.lag ?? 0, caughtUp: p.caughtUp, degraded: p.degraded })));
  // A projector-only process serves operations routes, not the API.
  if (deps.config.role === 'projector') return app;

  const handle = createCommandHandler(deps.store, { conflictRetries: deps.config.conflictRetries });
  for (const route of [...partnershipWrites, ...projectWrites, ...campaignWrites, ...reportWrites]) registerWriteRoute(app, handle, route);
  for (const reads of [partnershipReads, projectReads, campaignReads]) registerAggregateReads(app, deps.store, reads);
  registerDashboardRoutes(app, deps.readSide, {
    minPositionWaitMs: deps.config.minPositionWaitMs,
    dormancyMonths: deps.config.dormancyMonths,
    standard: deps.standard,
  });
  registerReportRoutes(app, deps.readSide, { minPositionWaitMs: deps.config.minPositionWaitMs });
  registerKeyRoutes(app, { keyStore: deps.keyStore });
  registerProjectionAdmin(app, deps.readSide, { eventStore: deps.config.eventStore.kind });
  registerAuditRoutes(app, deps.store);
  return app;
}
