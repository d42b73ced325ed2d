import { createHash } from 'node:crypto';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { apiError } from '../errors.ts';

export interface SecurityOptions {
  /** Requests per minute per caller; 0 turns the limit off. */
  perMinute: number;
  /** Shared counters when several API instances run; in memory otherwise. */
  redis?: Redis;
}

/** A caller is its API key (hashed: the key itself is never kept), or its address without one. */
function caller(request: FastifyRequest): string {
  const authorization = request.headers.authorization;
  return authorization ? `key:${createHash('sha256').update(authorization).digest('hex')}` : `ip:${request.ip}`;
}

/**
 * Security headers on every response and a rate limit per caller, applied
 * before authentication so a flood of guessed keys costs no hashing.
 */
export async function registerSecurity(app: FastifyInstance, options: SecurityOptions) {
  // The API answers JSON; the docs UI sets its own content security policy.
  await app.register(helmet, { contentSecurityPolicy: false, global: true });
  if (options.perMinute === 0) return;
  await app.register(rateLimit, {
    max: options.perMinute,
    timeWindow: 60_000,
    hook: 'onRequest',
    keyGenerator: caller,
    ...(options.redis ? { redis: options.redis, nameSpace: 'ledger-rate-limit-', skipOnError: true } : {}),
    errorResponseBuilder: (_request, context) => {
      const error = apiError('rate-limited', `At most ${context.max} requests per minute; retry in ${context.after}.`, {
        headers: { 'retry-after': String(Math.ceil(context.ttl / 1000)) },
        values: { max: context.max, after: context.after },
      });
      // The plugin throws what this returns; the error handler turns it into problem+json.
      return Object.assign(error, { statusCode: 429 });
    },
  });
}
