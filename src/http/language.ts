import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CONTENT_LANGUAGE, type Language, negotiateLanguage } from '../i18n/language.ts';

const negotiated = new WeakMap<FastifyRequest, Language>();

/** `?lang=` from the raw URL: error answers can be sent before the query string is parsed (a malformed URL). */
function langParameter(url: string): string | undefined {
  const query = url.indexOf('?');
  return query === -1 ? undefined : (new URLSearchParams(url.slice(query + 1)).get('lang') ?? undefined);
}

/** The language of the answer to `request`: `?lang=zh|en`, else `Accept-Language`, else Chinese. */
export function languageOf(request: FastifyRequest): Language {
  let language = negotiated.get(request);
  if (language === undefined) {
    language = negotiateLanguage(request.headers['accept-language'], langParameter(request.url));
    negotiated.set(request, language);
  }
  return language;
}

/** Says which language an answer is in, and that it depends on `Accept-Language` (RFC 9110 §12.5.5). */
export function markLanguage(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('content-language', CONTENT_LANGUAGE[languageOf(request)]);
  const vary = String(reply.getHeader('vary') ?? '');
  if (!/(^|,)\s*(accept-language|\*)\s*(,|$)/i.test(vary)) reply.header('vary', vary ? `${vary}, Accept-Language` : 'Accept-Language');
}

/**
 * Language negotiation for every route. `lang` is taken out of the query
 * string before validation, so that every route accepts it without naming it
 * in its schema (most query schemas refuse unknown parameters).
 */
export function registerLanguage(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const query = request.query as Record<string, unknown> | undefined;
    if (query !== null && typeof query === 'object' && 'lang' in query) delete query.lang;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    markLanguage(request, reply);
    return payload;
  });
}
