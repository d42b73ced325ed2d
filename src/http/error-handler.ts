import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../commands/errors.ts';
import { ConflictRetriesExhaustedError, IdempotencyKeyReusedError, PreconditionFailedError } from '../commands/errors.ts';
import { apiError, ApiError, type CatalogueCode, detailOf, type FieldProblem, MESSAGES, titleOf } from '../errors.ts';
import { ConcurrencyError, EventStoreUnavailableError } from '../event-store/port.ts';
import type { Language } from '../i18n/language.ts';
import { issueCodeOf, issueMessage } from '../i18n/validation-messages.ts';
import { ReadModelRebuildingError, ReadModelUnavailableError } from '../read-models/port.ts';
import { languageOf, markLanguage } from './language.ts';
import { createOutageLog, isOutage } from './outage-log.ts';
import { isZodValidationEntry } from './validation.ts';

/** fastify's own client errors, by their codes, mapped to the catalogue. */
const FASTIFY_CODES: Record<string, CatalogueCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid-request',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported-media-type',
};

function fieldProblems(error: FastifyError, language: Language): FieldProblem[] {
  const where = error.validationContext ?? 'body';
  return (error.validation ?? []).map((entry) => {
    if (!isZodValidationEntry(entry)) return { path: where, message: entry.message ?? MESSAGES[language].phrases.invalidField };
    const { issue } = entry.params;
    const path = issue.path.map(String).join('.');
    const code = issueCodeOf(issue);
    return {
      path: path ? `${where}.${path}` : where,
      message: issueMessage(issue, language, MESSAGES[language]),
      ...(code !== undefined ? { code } : {}),
    };
  });
}

/** A domain error as the client sees it: its own code and values, and for invalid input the failing fields. */
function fromDomain(error: DomainError, language: Language): ApiError {
  const extra = error.values === undefined ? {} : { values: error.values };
  if (error.kind !== 'invalid') return apiError(error.code, error.message, extra);
  const problems = error.problems ?? [{ path: error.path ?? [], code: error.code, message: error.message, values: error.values }];
  return apiError(error.code, error.message, {
    ...extra,
    errors: problems.map((problem) => ({
      path: problem.path.join('.'),
      message: detailOf(problem.code, language, problem),
      code: problem.code,
    })),
  });
}

const retryLater = { headers: { 'retry-after': '5' } };

/**
 * The one place where errors become HTTP answers: every typed error of the
 * domain, the command handler, the stores and fastify, mapped to a catalogue
 * entry. Anything else is a bare 500 that shows no internals.
 */
export function toApiError(error: unknown, language: Language): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) return fromDomain(error, language);
  if (error instanceof PreconditionFailedError) {
    const values = { expected: error.expected, ...(error.actual === undefined ? {} : { actual: error.actual }) };
    return apiError('precondition-failed', error.message, error.actual === undefined ? { values } : { values, headers: { etag: `"${error.actual}"` } });
  }
  if (error instanceof ConflictRetriesExhaustedError || error instanceof ConcurrencyError) {
    return apiError('concurrency-conflict', error instanceof ConflictRetriesExhaustedError ? error.message : undefined);
  }
  if (error instanceof IdempotencyKeyReusedError) return apiError('idempotency-key-reused', error.message);
  if (error instanceof EventStoreUnavailableError) return apiError('store-unavailable', undefined, retryLater);
  if (error instanceof ReadModelUnavailableError) return apiError('read-models-unavailable', undefined, retryLater);
  if (error instanceof ReadModelRebuildingError) return apiError('read-model-rebuilding', error.message, retryLater);
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation) {
    return apiError('invalid-request', MESSAGES.en.phrases.invalidFields, {
      errors: fieldProblems(fastifyError as FastifyError, language),
      values: {},
    });
  }
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped) return apiError(mapped);
  // Other 4xx errors fastify raises itself (e.g. a malformed URL) keep their status, never their internals.
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new ApiError('invalid-request', undefined, undefined, undefined, fastifyError.statusCode);
  }
  return apiError('internal', 'Something went wrong; the request id identifies it in the logs.');
}

/** The fields of a problem that do not depend on a request: type, title and detail in `language`, status, code. */
function problemBody(problem: ApiError, language: Language) {
  return {
    type: `urn:problem:${problem.code}`,
    title: titleOf(problem.code, language),
    status: problem.status,
    detail: detailOf(problem.code, language, problem),
  };
}

/** A problem+json answer, its title and detail in the request's language; its code, type and field paths in none. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: ApiError) {
  for (const [name, value] of Object.entries(problem.headers ?? {})) reply.header(name, value);
  markLanguage(request, reply);
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({
      ...problemBody(problem, languageOf(request)),
      instance: request.url,
      code: problem.code,
      requestId: request.id,
      ...(problem.errors?.length ? { errors: problem.errors } : {}),
    });
}

/** The codes of what Node's HTTP parser refuses before fastify sees a request. */
function clientErrorCode(error: NodeJS.ErrnoException): CatalogueCode {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'request-timeout';
  if (error.code === 'HPE_HEADER_OVERFLOW') return 'headers-too-large';
  return 'invalid-request';
}

/**
 * fastify's `clientErrorHandler`: a request Node's parser refused (malformed
 * request line or headers, headers too large, not received within the
 * request timeout) answered as problem+json, in Chinese since there is no
 * request to take a language from, and the connection closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket) {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem = apiError(clientErrorCode(error));
  const body = JSON.stringify({ ...problemBody(problem, 'zh'), code: problem.code });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}\r\n` +
        'content-type: application/problem+json\r\n' +
        'content-language: zh-CN\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\n` +
        'connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy();
}

function notFoundRoute(request: FastifyRequest): ApiError {
  const path = request.url.split('?')[0] ?? '';
  return apiError('route-not-found', `No route ${request.method} ${path}.`, { values: { method: request.method, path } });
}

/** A route as the outage log tells routes apart: method and URL pattern. */
const routeOf = (request: FastifyRequest) => `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0] ?? ''}`;

/**
 * Errors become problems. An unexpected 500 is logged with its stack; a 503
 * that reports an outage (a store down, the read models behind) is logged
 * once when it begins and once when it ends (`outage-log.ts`), not per answer.
 */
export function registerErrorHandling(app: FastifyInstance) {
  const outages = createOutageLog();
  app.setErrorHandler((error, request, reply) => {
    const problem = toApiError(error, languageOf(request));
    if (problem.status >= 500 && isOutage(problem.code)) {
      outages.failed(problem.code, routeOf(request), error instanceof Error ? error.message : String(error), request.log);
    } else if (problem.status >= 500) {
      request.log.error({ err: error }, 'request failed');
    }
    return sendProblem(request, reply, problem);
  });
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode < 500 && outages.watching()) outages.answered(routeOf(request), request.log);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, notFoundRoute(request)),
  );
}
