/**
 * Errors a decider raises. `kind` says whether the input itself is wrong
 * (`invalid`, shown as 400 with the field path) or a business rule forbids it
 * in the current state (`rule`, shown as 409), or the aggregate does not
 * exist (`not-found`, 404). The HTTP layer maps kinds to statuses; the domain
 * knows nothing of HTTP.
 */
export type DomainErrorKind = 'invalid' | 'rule' | 'not-found';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable, kebab-case, e.g. `illegal-transition`, `date-in-future`. */
    readonly code: string,
    message: string,
    /** The failing field path for `invalid` errors, e.g. ['partner', 'country']. */
    readonly path?: (string | number)[],
  ) {
    super(message);
  }
}
