import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { apiError, ApiError, type FieldProblem } from '../errors.ts';
import { EventStoreUnavailableError } from '../event-store/port.ts';
import { ReadModelUnavailableError } from '../read-models/port.ts';

/** fastify's own client errors, by their codes, mapped to the catalogue. */
const FASTIFY_CODES: Record<string, Parameters<typeof apiError>[0]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed-json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload-too-large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported-media-type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid-request',
  FST_ERR_CTP_INVALID_TYPE: 'unsupported-media-type',
};

function fieldProblems(error: FastifyError): FieldProblem[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  const where = error.validationContext ?? 'body';
  return error.validation.map((issue) => {
    const path = issue.instancePath.split('/').filter(Boolean).join('.');
    // The zod issue's own `params` (where schemas name their check) arrive nested one level down.
    const code = (issue.params as { params?: { code?: unknown } }).params?.code;
    return {
      path: path ? `${where}.${path}` : where,
      message: issue.message ?? 'is invalid',
      ...(typeof code === 'string' ? { code } : {}),
    };
  });
}

/** Turns any thrown error into a catalogued ApiError; unknown errors become a bare 500. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof EventStoreUnavailableError) return apiError('store-unavailable', undefined, { headers: { 'retry-after': '5' } });
  if (error instanceof ReadModelUnavailableError) {
    return apiError('read-models-unavailable', undefined, { headers: { 'retry-after': '5' } });
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation) {
    return apiError('invalid-request', 'Some fields are missing or invalid.', { errors: fieldProblems(fastifyError as FastifyError) });
  }
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped) return apiError(mapped);
  // Other 4xx errors fastify raises itself (e.g. a malformed URL) keep their status, never their internals.
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new ApiError('invalid-request', fastifyError.statusCode, 'The request is not valid');
  }
  return apiError('internal', 'Something went wrong; the request id identifies it in the logs.');
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: ApiError) {
  for (const [name, value] of Object.entries(problem.headers ?? {})) reply.header(name, value);
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({
      type: `urn:problem:${problem.code}`,
      title: problem.title,
      status: problem.status,
      detail: problem.message,
      instance: request.url,
      code: problem.code,
      requestId: request.id,
      ...(problem.errors?.length ? { errors: problem.errors } : {}),
    });
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error, request, reply) => {
    const problem = toApiError(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, apiError('route-not-found', `No route ${request.method} ${request.url.split('?')[0]}.`)),
  );
}
