import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import Fastify, { type FastifyHttpOptions, type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { EvaluationStandards } from '../projections/index.ts';
import type { KeyStore } from './auth/key-store.ts';
import { registerAuth } from './auth/plugin.ts';
import { createCommandHandler, systemClock } from './commands/handle-command.ts';
import type { Config } from './config.ts';
import { apiError } from './errors.ts';
import type { Ledger } from './event-store/ledger.ts';
import { registerAnswerCache } from './http/answer-cache.ts';
import { answerClientError, registerErrorHandling, sendProblem } from './http/error-handler.ts';
import { registerLanguage } from './http/language.ts';
import { registerOpenApi } from './http/openapi.ts';
import { registerRequestContext, requestId } from './http/request-context.ts';
import { auditRoutes } from './http/routes/audit.ts';
import { campaignRoutes } from './http/routes/campaigns.ts';
import { dashboardRoutes } from './http/routes/dashboards.ts';
import { keyRoutes } from './http/routes/keys.ts';
import { operationRoutes } from './http/routes/operations.ts';
import { partnershipRoutes } from './http/routes/partnerships.ts';
import { projectionAdminRoutes } from './http/routes/projections-admin.ts';
import { projectRoutes } from './http/routes/projects.ts';
import { reportRoutes } from './http/routes/reports.ts';
import { vocabularyRoutes } from './http/routes/vocabulary.ts';
import { registerSecurity } from './http/security.ts';
import { validatorCompiler } from './http/validation.ts';
import type { RouteServices } from './http/services.ts';
import type { RunningReadSide } from './read-side.ts';

export interface AppDependencies {
  config: Pick<
    Config,
    'bodyLimitBytes' | 'conflictRetries' | 'eventStore' | 'role' | 'minPositionWaitMs' | 'dormancyMonths' | 'rateLimitPerMinute'
  > &
    Partial<Pick<Config, 'requestTimeoutMs' | 'aggregateCacheSize'>>;
  /** Owned by the app from here on: closed when the app closes. */
  store: Ledger;
  /** Owned by the app too: closed (projections stopped) before the event store. */
  readSide: RunningReadSide;
  /** The evaluation standards over time, validated at start. */
  standards: EvaluationStandards;
  /** API keys; every API route needs one. */
  keyStore: KeyStore;
  /** Shared rate-limit counters when several API instances run, under `<keyPrefix>:rate-limit:`. */
  rateLimitRedis?: { redis: Redis; keyPrefix: string };
  logger?: Logger;
  version?: string;
  /** The current instant; the system clock unless a caller (a test, a replay) supplies its own. */
  clock?: () => string;
  /** Fresh UUIDs; random unless a caller supplies its own. */
  newId?: () => string;
}

/** How often Node looks for requests past their timeout; a slow request is cut at most this late. */
const TIMEOUT_CHECK_INTERVAL_MS = 1000;

/**
 * What fastify itself is told: limits, timeouts, request ids, the logger,
 * and problem+json for what its router or Node's parser refuses.
 */
export function serverOptions(deps: Pick<AppDependencies, 'config' | 'logger'>): FastifyHttpOptions<Server> {
  const requestTimeout = deps.config.requestTimeoutMs ?? 30_000;
  return {
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    bodyLimit: deps.config.bodyLimitBytes,
    requestTimeout,
    // Node checks timeouts only every `connectionsCheckingInterval` (30 s by default) and gives
    // headers 60 s of their own; both would let a slow client outlast the request timeout.
    http: { requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS },
    clientErrorHandler: answerClientError,
    genReqId: requestId,
    // The app answers requests that arrive during shutdown itself, as problem+json.
    return503OnClosing: false,
    // Malformed URLs are refused by the router before any hook runs; answer them like every other error.
    frameworkErrors: (error, request, reply) =>
      sendProblem(
        request,
        reply,
        apiError('invalid-request', error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path segment is too long.' : 'The URL is not valid.'),
      ),
  } as FastifyHttpOptions<Server>;
}

/**
 * The whole service as one plugin, as `fastify/demo` builds its app:
 * infrastructure first (errors, request context, security, authentication,
 * the OpenAPI document, operations), then one route plugin per resource,
 * each given its dependencies as options. It never listens: `server.ts`
 * registers it and listens, tests use `buildApp` and `inject`.
 */
async function ledgerApp(app: FastifyInstance, deps: AppDependencies) {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Only JSON is accepted; anything else is a 415, not a string to validate.
  app.removeContentTypeParser(['text/plain']);
  app.addHook('onClose', async () => {
    await deps.readSide.close();
    await deps.store.close();
  });
  // Requests that arrive once shutdown began are refused, and responses
  // finished meanwhile close their connection, so a keep-alive client cannot
  // hold the server open until its keep-alive timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async () => {
    if (closing) throw apiError('shutting-down', 'The service is shutting down; try again shortly.', { headers: { 'retry-after': '1' } });
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  registerErrorHandling(app);
  registerLanguage(app);
  registerRequestContext(app);
  const rateLimits = await registerSecurity(app, {
    perMinute: deps.config.rateLimitPerMinute,
    ...deps.rateLimitRedis,
  });
  if (deps.config.role !== 'projector') registerAuth(app, { keyStore: deps.keyStore, addressLimit: rateLimits.addresses });

  const clock = deps.clock ?? systemClock;
  const newId = deps.newId ?? randomUUID;
  const services: RouteServices = {
    store: deps.store,
    handle: createCommandHandler({
      store: deps.store,
      clock,
      newId,
      conflictRetries: deps.config.conflictRetries,
      cacheSize: deps.config.aggregateCacheSize ?? 0,
    }),
    readSide: deps.readSide,
    keyStore: deps.keyStore,
    standards: deps.standards,
    clock,
    newId,
    minPositionWaitMs: deps.config.minPositionWaitMs,
    dormancyMonths: deps.config.dormancyMonths,
    eventStoreKind: deps.config.eventStore.kind,
    role: deps.config.role,
    rateLimitMode: rateLimits.mode,
  };

  registerAnswerCache(app, services);
  await registerOpenApi(app, deps.version ?? '0.0.0');
  await app.register(operationRoutes, services);
  // A projector-only process serves operations routes, not the API.
  if (deps.config.role === 'projector') return;

  for (const routes of [partnershipRoutes, projectRoutes, campaignRoutes, reportRoutes, dashboardRoutes, auditRoutes, vocabularyRoutes]) {
    await app.register(routes, services);
  }
  await app.register(keyRoutes, services);
  await app.register(projectionAdminRoutes, services);
}

export const app = fp(ledgerApp, { name: 'friendship-ledger', fastify: '5.x' });

/** A fastify server with the app registered, not listening: for tests and tools. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const server = Fastify(serverOptions(deps));
  await server.register(app, deps);
  return server;
}
