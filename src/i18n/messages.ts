import type { DomainErrorCode, DomainErrorKind, ErrorValues } from '../../commands/errors.ts';

/** The values an error carries for its detail to be written in any language: dates, stages, levels, names. */
export type DetailValues = ErrorValues;

/**
 * What the service says to people, in one language. `Service` is the union of
 * the service's own error codes (named in `src/errors.ts`, which checks every
 * language's table against it: a missing code does not compile).
 */
export interface Messages<Service extends string> {
  /** The title of each error of the service itself. */
  service: Record<Service, string>;
  /** The title of a domain error, by its kind. */
  kinds: Record<DomainErrorKind, string>;
  /** Domain codes answered with a title of their own rather than their kind's. */
  domainTitles: Partial<Record<DomainErrorCode, string>>;
  /** What each domain check says: a failing field's message, and the detail of an error that carries no values. */
  domain: Record<DomainErrorCode, string>;
  /** Details written from an error's values, for the codes whose errors carry them. */
  details: Partial<Record<Service | DomainErrorCode, (values: DetailValues) => string>>;
  /** Fixed wording the error handler needs. */
  phrases: {
    /** The detail of a request whose fields failed validation. */
    invalidFields: string;
    /** A failing field whose check gave no message. */
    invalidField: string;
    /** A required field that is missing. */
    required: string;
  };
}
