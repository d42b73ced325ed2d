import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { apiError } from '../errors.ts';
import { createRateLimitCounters, type RateLimitMode } from './rate-limit-store.ts';

export interface SecurityOptions {
  /** Requests per minute per caller; 0 turns the limit off. */
  perMinute: number;
  /** Shared counters when several API instances run; in memory otherwise. */
  redis?: Redis;
  /** REDIS_KEY_PREFIX, the namespace of the shared counters. */
  keyPrefix?: string;
}

/**
 * What the authentication hook asks of the limits: requests without a valid
 * key are counted per address, and past the limit an address is refused
 * before any key it sends is checked.
 */
export interface AddressLimit {
  /** Throws `rate-limited` when the address has used up its unauthenticated requests. */
  refuseIfSpent(request: FastifyRequest): Promise<void>;
  /** Counts one request refused for want of a valid key. */
  count(request: FastifyRequest): Promise<void>;
}

export interface RateLimits {
  mode(): RateLimitMode;
  /** Undefined when the limits are off. */
  addresses: AddressLimit | undefined;
}

const WINDOW_MS = 60_000;
/**
 * An address that keeps sending bad keys past its budget is answered after
 * this pause: each of its connections then asks at most once a second, and
 * a flood cannot make the server answer faster than it is willing to.
 */
const REFUSAL_DELAY_MS = 1000;

/** The 429; the plugin throws what its builder returns, and the error handler turns it into problem+json. */
function limited(max: number, ttlMs: number) {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  const error = apiError('rate-limited', `At most ${max} requests per minute; retry in ${seconds} s.`, {
    headers: { 'retry-after': String(seconds) },
    values: { max, seconds },
  });
  return Object.assign(error, { statusCode: 429 });
}

/**
 * Security headers on every response and rate limits: per API key once
 * authenticated, per address for requests without one (public routes, and
 * keys refused by authentication, counted before any hashing).
 */
export async function registerSecurity(app: FastifyInstance, options: SecurityOptions): Promise<RateLimits> {
  // The API answers JSON; the docs UI sets its own content security policy.
  await app.register(helmet, { contentSecurityPolicy: false, global: true });
  if (options.perMinute === 0) return { mode: () => 'off', addresses: undefined };

  const counters = createRateLimitCounters({
    ...(options.redis ? { redis: options.redis } : {}),
    ...(options.keyPrefix ? { keyPrefix: options.keyPrefix } : {}),
    onModeChange: (mode) =>
      mode === 'fallback'
        ? app.log.warn('rate limits: Redis does not answer; counting in this process until it does')
        : app.log.info('rate limits: counting in Redis again'),
  });
  await app.register(rateLimit, {
    max: options.perMinute,
    timeWindow: WINDOW_MS,
    // After authentication, so that an authenticated caller is counted by its key wherever it connects from.
    hook: 'preParsing',
    keyGenerator: (request) => (request.principal ? `key:${request.principal.name}` : `address:${request.ip}`),
    store: counters.Store,
    errorResponseBuilder: (_request, context) => limited(context.max, context.ttl),
  });

  const unauthenticated = app.createRateLimit({
    max: options.perMinute,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => `unauthenticated:${request.ip}`,
  });
  const addresses: AddressLimit = {
    async refuseIfSpent(request) {
      const state = await unauthenticated(request, { increment: false });
      if (!state.isAllowed && state.remaining === 0) {
        await new Promise((resolve) => setTimeout(resolve, REFUSAL_DELAY_MS));
        throw limited(state.max, state.ttl);
      }
    },
    async count(request) {
      await unauthenticated(request);
    },
  };
  return { mode: counters.mode, addresses };
}
