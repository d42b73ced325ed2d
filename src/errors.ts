/**
 * The one error catalogue. Every error a client can see has a stable `code`,
 * an HTTP status and a title; `src/http/error-handler.ts` turns them into
 * application/problem+json (RFC 9457).
 */
export const catalogue = {
  'invalid-request': { status: 400, title: 'The request is not valid' },
  'malformed-json': { status: 400, title: 'The body is not valid JSON' },
  'invalid-precondition': { status: 400, title: 'If-Match must be a quoted revision, e.g. "3"' },
  unauthenticated: { status: 401, title: 'A valid API key is required' },
  forbidden: { status: 403, title: 'This API key may not do that' },
  'not-found': { status: 404, title: 'No such resource' },
  'route-not-found': { status: 404, title: 'No such route' },
  'method-not-allowed': { status: 405, title: 'Method not allowed on this route' },
  'illegal-transition': { status: 409, title: 'Not allowed in the current state' },
  'business-rule': { status: 409, title: 'A business rule forbids this' },
  'concurrency-conflict': { status: 409, title: 'The resource kept changing; try again' },
  'key-exists': { status: 409, title: 'An API key with this name already exists' },
  'precondition-failed': { status: 412, title: 'The resource has changed since the given revision' },
  'payload-too-large': { status: 413, title: 'The body is too large' },
  'unsupported-media-type': { status: 415, title: 'Send application/json' },
  'idempotency-key-reused': { status: 422, title: 'This Idempotency-Key was used for a different request' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'store-unavailable': { status: 503, title: 'The event store is unavailable; try again later' },
  'read-models-unavailable': { status: 503, title: 'The read models are unavailable; try again later' },
  'read-model-behind': { status: 503, title: 'The read models have not caught up with that position yet' },
  'shutting-down': { status: 503, title: 'The service is shutting down; try again' },
  internal: { status: 500, title: 'Internal error' },
  'unknown-projection': { status: 400, title: 'No projection has that name' },
  'projector-elsewhere': { status: 409, title: 'This process does not run the projections' },
  'projection-not-ready': { status: 503, title: 'The projection is not serving a version yet; try again' },
} as const satisfies Record<string, { status: number; title: string }>;

export type CatalogueCode = keyof typeof catalogue;

export interface FieldProblem {
  path: string;
  message: string;
  /** A stable code for the check that failed, where the schema names one (e.g. `country-part-of-china`). */
  code?: string;
}

/**
 * An error meant for the client. `code` is either a catalogue code or a
 * domain rule's own code (then `status` comes from the domain error's kind).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    detail?: string,
    readonly errors?: FieldProblem[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
  }
}

export function apiError(
  code: CatalogueCode,
  detail?: string,
  extra: { errors?: FieldProblem[]; headers?: Record<string, string> } = {},
): ApiError {
  const { status, title } = catalogue[code];
  return new ApiError(code, status, title, detail, extra.errors, extra.headers);
}
