/**
 * The one error catalogue. Every error a client can see has a stable `code`
 * and an HTTP status here, and a title in every language in `src/i18n/`;
 * `src/http/error-handler.ts` turns them into application/problem+json
 * (RFC 9457). The domain's codes are part of it, with the status their kind implies.
 */
import { DOMAIN_ERRORS, type DomainErrorCode, type DomainErrorKind } from '../commands/errors.ts';
import { en } from './i18n/en.ts';
import type { Language } from './i18n/language.ts';
import type { DetailValues, Messages } from './i18n/messages.ts';
import { zh } from './i18n/zh.ts';

/** Errors of the service itself, by status: the HTTP contract, authentication, the stores, operations. */
const SERVICE = {
  'invalid-request': 400,
  'malformed-json': 400,
  'invalid-precondition': 400,
  'revision-with-time': 400,
  'known-at-with-instant': 400,
  'unknown-projection': 400,
  unauthenticated: 401,
  forbidden: 403,
  'route-not-found': 404,
  'request-timeout': 408,
  'concurrency-conflict': 409,
  'projector-elsewhere': 409,
  'precondition-failed': 412,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'idempotency-key-reused': 422,
  'rate-limited': 429,
  'headers-too-large': 431,
  internal: 500,
  'store-unavailable': 503,
  'read-models-unavailable': 503,
  'read-model-rebuilding': 503,
  'read-model-behind': 503,
  'projection-not-ready': 503,
  'shutting-down': 503,
} as const satisfies Record<string, number>;

export type ServiceErrorCode = keyof typeof SERVICE;
export type CatalogueCode = ServiceErrorCode | DomainErrorCode;

/** How each kind of domain error is answered. */
export const DOMAIN_KINDS: Readonly<Record<DomainErrorKind, { status: number }>> = {
  invalid: { status: 400 },
  rule: { status: 409 },
  'not-found': { status: 404 },
};

/** Every language's wording, checked against the codes: a code missing from a table does not compile. */
export const MESSAGES: Readonly<Record<Language, Messages<ServiceErrorCode>>> = { zh, en };

export const catalogue: Readonly<Record<CatalogueCode, { status: number }>> = {
  ...(Object.fromEntries(Object.entries(DOMAIN_ERRORS).map(([code, kind]) => [code, DOMAIN_KINDS[kind]])) as Record<DomainErrorCode, { status: number }>),
  ...(Object.fromEntries(Object.entries(SERVICE).map(([code, status]) => [code, { status }])) as Record<ServiceErrorCode, { status: number }>),
};

const isDomainCode = (code: CatalogueCode): code is DomainErrorCode => code in DOMAIN_ERRORS;

/** A code's problem title in a language. */
export function titleOf(code: CatalogueCode, language: Language): string {
  const messages = MESSAGES[language];
  if (!isDomainCode(code)) return messages.service[code];
  return messages.domainTitles[code] ?? messages.kinds[DOMAIN_ERRORS[code]];
}

/** What a code's check says in a language: a domain check's own statement, a service error's title. */
export function messageOf(code: CatalogueCode, language: Language): string {
  return isDomainCode(code) ? MESSAGES[language].domain[code] : MESSAGES[language].service[code];
}

/**
 * An error's detail in a language. English details are the English messages
 * written where the error was raised; another language writes them from the
 * error's values, or says what the code's check says when it has none.
 */
export function detailOf(code: CatalogueCode, language: Language, error: { message: string; values?: DetailValues | undefined }): string {
  if (language === 'en' && error.message.length > 0) return error.message;
  const write = MESSAGES[language].details[code];
  return write !== undefined && error.values !== undefined ? write(error.values) : messageOf(code, language);
}

export interface FieldProblem {
  path: string;
  message: string;
  /** A stable code for the check that failed, where one is named (e.g. `country-part-of-china`). */
  code?: string;
}

/** An error meant for the client: a catalogued code, what went wrong (in English, with its values for other languages), and any failing fields or headers. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: CatalogueCode,
    detail?: string,
    readonly errors?: FieldProblem[],
    readonly headers?: Record<string, string>,
    /** Only for fastify's own client errors, which keep the status fastify gave them. */
    readonly status: number = catalogue[code].status,
    /** The values the detail names, so that it can be written in every language. */
    readonly values?: DetailValues,
  ) {
    super(detail ?? titleOf(code, 'en'));
  }
}

export function apiError(
  code: CatalogueCode,
  detail?: string,
  extra: { errors?: FieldProblem[]; headers?: Record<string, string>; values?: DetailValues } = {},
): ApiError {
  return new ApiError(code, detail, extra.errors, extra.headers, catalogue[code].status, extra.values);
}
