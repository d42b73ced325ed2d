import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface Actor {
  actor: string;
  office?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    correlationId: string;
  }
}

const TOKEN = /^[\w.@:-]{1,100}$/;

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Accepts a caller's request id only if it is a harmless token; otherwise mints one. */
export function requestId(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && TOKEN.test(given) ? given : randomUUID();
}

/**
 * Which request chain this belongs to. The actor (who acts, for which office)
 * is set by authentication from the API key, never from a header a caller
 * could forge; `system` where no key is involved.
 */
export function registerRequestContext(app: FastifyInstance) {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('correlationId', '');
  app.addHook('onRequest', async (request, reply) => {
    request.actor = { actor: 'system' };
    const correlation = header(request, 'x-correlation-id');
    request.correlationId = correlation && TOKEN.test(correlation) ? correlation : request.id;
    reply.header('x-request-id', request.id);
  });
}
