import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import { chinaToday } from '../../commands/shared/dates.ts';
import { languageOf } from './language.ts';
import { readProblems } from './schemas.ts';
import type { RouteServices } from './services.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's JSON answer depends only on its URL, the views and the day: it may be served again while they are unchanged. */
    cacheAnswer?: boolean;
  }
}

interface Cached {
  /** The views' stamp and the day the answer was computed for. */
  stamp: string;
  body: string;
  contentType: string;
}

/**
 * The serializer of the read routes: plain `JSON.stringify`. Their answers
 * are built by typed pure queries, and a test checks every one against its
 * declared response schema (which still documents it in the OpenAPI); checking
 * each answer again with zod on the way out cost more than the query itself.
 */
export const plainJsonSerializer = () => (data: unknown) => JSON.stringify(data);

/**
 * The options of a read route answered from the views: read access, its
 * answer cached and sent as built, the query string and answer schemas
 * (which validate the request and document both in the OpenAPI).
 */
export function readAnswerRoute<Q extends z.ZodType, A extends z.ZodType>(summary: string, tags: string[], querystring: Q, answer: A) {
  return {
    config: { access: 'read' as const, cacheAnswer: true },
    serializerCompiler: plainJsonSerializer,
    schema: { summary, tags, querystring, response: { 200: answer, ...readProblems } },
  };
}

const pending = new WeakMap<FastifyRequest, { key: string; stamp: string }>();

/** The answer's language and the query string in a canonical order, without `lang` (the language says it) or `minPosition` (which only says how long to wait). */
function cacheKey(request: FastifyRequest): string | undefined {
  const [path, query = ''] = request.url.split('?', 2) as [string, string?];
  const params = new URLSearchParams(query);
  // knownAt builds its own views per request; minPosition may need a wait before the views are the ones to answer from.
  if (params.has('knownAt') || params.has('minPosition')) return undefined;
  params.delete('lang');
  params.sort();
  // Answers carry labels in the request's language.
  return `${languageOf(request)} ${path}?${params.toString()}`;
}

/**
 * Dashboards in a meeting room ask the same questions again and again; while
 * no event has been applied since, the answer is the same. Routes that say
 * `config.cacheAnswer` keep their serialised JSON answers here, keyed by language and URL
 * and stamped with the views' state and China's current day: a hit is sent
 * without running the query or serialising again, a stale entry is computed anew.
 */
export function registerAnswerCache(app: FastifyInstance, services: Pick<RouteServices, 'readSide' | 'clock'>, max = 1000) {
  const answers = new LRUCache<string, Cached>({ max });
  const stampNow = () => {
    const views = services.readSide.viewsStamp();
    return views === undefined ? undefined : `${views}${chinaToday(services.clock())}`;
  };

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.routeOptions.config.cacheAnswer !== true) return;
    const key = cacheKey(request);
    const stamp = key === undefined ? undefined : stampNow();
    if (key === undefined || stamp === undefined) return;
    const hit = answers.get(key);
    if (hit?.stamp === stamp) return reply.type(hit.contentType).send(hit.body);
    // Stamped before the query runs: if an event lands meanwhile, the entry is already stale.
    pending.set(request, { key, stamp });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const entry = pending.get(request);
    if (!entry) return payload;
    pending.delete(request);
    const contentType = String(reply.getHeader('content-type') ?? '');
    if (reply.statusCode === 200 && typeof payload === 'string' && contentType.startsWith('application/json')) {
      answers.set(entry.key, { stamp: entry.stamp, body: payload, contentType });
    }
    return payload;
  });
}
