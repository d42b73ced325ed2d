/**
 * The one error catalogue. Every error a client can see has a stable `code`,
 * an HTTP status and a title; `src/http/error-handler.ts` turns them into
 * application/problem+json (RFC 9457). The domain's codes are part of it,
 * with the status their kind implies.
 */
import { DOMAIN_ERRORS, type DomainErrorCode, type DomainErrorKind } from '../commands/errors.ts';

interface Entry {
  status: number;
  title: string;
}

/** Errors of the service itself: the HTTP contract, authentication, the stores, operations. */
const SERVICE = {
  'invalid-request': { status: 400, title: 'The request is not valid' },
  'malformed-json': { status: 400, title: 'The body is not valid JSON' },
  'invalid-precondition': { status: 400, title: 'If-Match must be a quoted revision, e.g. "3"' },
  'revision-with-time': { status: 400, title: 'The request is not valid' },
  'known-at-with-instant': { status: 400, title: 'The request is not valid' },
  'unknown-projection': { status: 400, title: 'No projection has that name' },
  unauthenticated: { status: 401, title: 'A valid API key is required' },
  forbidden: { status: 403, title: 'This API key may not do that' },
  'route-not-found': { status: 404, title: 'No such route' },
  'concurrency-conflict': { status: 409, title: 'The resource kept changing; try again' },
  'projector-elsewhere': { status: 409, title: 'This process does not run the projections' },
  'precondition-failed': { status: 412, title: 'The resource has changed since the given revision' },
  'payload-too-large': { status: 413, title: 'The body is too large' },
  'unsupported-media-type': { status: 415, title: 'Send application/json' },
  'idempotency-key-reused': { status: 422, title: 'This Idempotency-Key was used for a different request' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  'store-unavailable': { status: 503, title: 'The event store is unavailable; try again later' },
  'read-models-unavailable': { status: 503, title: 'The read models are unavailable; try again later' },
  'read-model-rebuilding': { status: 503, title: 'The read models are being built; try again shortly' },
  'read-model-behind': { status: 503, title: 'The read models have not caught up with that position yet' },
  'projection-not-ready': { status: 503, title: 'The projection is not serving a version yet; try again' },
  'shutting-down': { status: 503, title: 'The service is shutting down; try again' },
} as const satisfies Record<string, Entry>;

/** How each kind of domain error is answered. */
export const DOMAIN_KINDS: Readonly<Record<DomainErrorKind, Entry>> = {
  invalid: { status: 400, title: 'The request is not valid' },
  rule: { status: 409, title: 'Not allowed in the current state' },
  'not-found': { status: 404, title: 'No such resource' },
};

/** Domain codes whose answer has a title of its own rather than their kind's. */
const DOMAIN_TITLES: Partial<Record<DomainErrorCode, string>> = {
  'key-exists': 'An API key with this name already exists',
  'last-admin-key': 'The last active admin key is revoked only with force=true',
};

export type CatalogueCode = keyof typeof SERVICE | DomainErrorCode;

export const catalogue: Readonly<Record<CatalogueCode, Entry>> = {
  ...(Object.fromEntries(
    Object.entries(DOMAIN_ERRORS).map(([code, kind]) => {
      const { status, title } = DOMAIN_KINDS[kind];
      return [code, { status, title: DOMAIN_TITLES[code as DomainErrorCode] ?? title }];
    }),
  ) as Record<DomainErrorCode, Entry>),
  ...SERVICE,
};

export interface FieldProblem {
  path: string;
  message: string;
  /** A stable code for the check that failed, where one is named (e.g. `country-part-of-china`). */
  code?: string;
}

/** An error meant for the client: a catalogued code, what went wrong, and any failing fields or headers. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly title: string;
  constructor(
    readonly code: CatalogueCode,
    detail?: string,
    readonly errors?: FieldProblem[],
    readonly headers?: Record<string, string>,
    /** Only for fastify's own client errors, which keep the status fastify gave them. */
    readonly status: number = catalogue[code].status,
  ) {
    const { title } = catalogue[code];
    super(detail ?? title);
    this.title = title;
  }
}

export function apiError(
  code: CatalogueCode,
  detail?: string,
  extra: { errors?: FieldProblem[]; headers?: Record<string, string> } = {},
): ApiError {
  return new ApiError(code, detail, extra.errors, extra.headers);
}
