/**
 * Errors the domain raises. Each has a stable code, and each code one kind:
 * the input itself is wrong (`invalid`, shown as 400 with the field path), a
 * business rule forbids it in the current state (`rule`, 409), or the
 * aggregate does not exist (`not-found`, 404). The HTTP layer maps kinds to
 * statuses; the domain knows nothing of HTTP.
 */
export type DomainErrorKind = 'invalid' | 'rule' | 'not-found';

/**
 * Every code the domain can raise, schema checks included: a code names one
 * check wherever it runs, in a body schema (as a field problem's `code`) or
 * in `decide` (as the error's own code).
 */
export const DOMAIN_ERRORS = {
  // dates
  'date-in-future': 'invalid',
  'date-out-of-order': 'invalid',
  'date-before-proposal': 'invalid',
  'date-before-letter-of-intent': 'invalid',
  'date-before-planning': 'invalid',
  'date-before-launch': 'invalid',
  'date-before-quarter-end': 'invalid',
  // identity and existence
  'id-mismatch': 'invalid',
  'not-found': 'not-found',
  'already-exists': 'rule',
  'duplicate-partnership': 'rule',
  'illegal-transition': 'rule',
  duplicate: 'invalid',
  'text-invalid': 'invalid',
  // parties
  'division-invalid': 'invalid',
  'division-name-mismatch': 'invalid',
  'local-name-required': 'invalid',
  'partner-name-required': 'invalid',
  'country-unknown': 'invalid',
  'country-part-of-china': 'invalid',
  'country-not-a-state': 'invalid',
  'country-no-diplomatic-relations': 'invalid',
  // approvals and the lifecycle
  'approval-not-required': 'rule',
  'approval-out-of-order': 'rule',
  'approval-level-mismatch': 'rule',
  'approvals-incomplete': 'rule',
  'reason-required': 'invalid',
  'reference-required': 'invalid',
  'upgrade-not-allowed': 'rule',
  'nothing-to-correct': 'invalid',
  // projects
  'planned-end-before-start': 'invalid',
  'currency-unknown': 'invalid',
  'unknown-milestone': 'invalid',
  'milestone-already-recorded': 'rule',
  // campaigns
  'ends-before-start': 'invalid',
  'already-enrolled': 'rule',
  // references to other records
  'partnership-unknown': 'invalid',
  'partnership-ended': 'invalid',
  'partnership-not-enrollable': 'rule',
  'campaign-unknown': 'invalid',
  'campaign-ended': 'rule',
  // quarterly reports
  'office-invalid': 'invalid',
  'period-invalid': 'invalid',
  'quarter-not-ended': 'invalid',
  // API keys
  'invalid-key-spec': 'invalid',
  'key-name-invalid': 'invalid',
  'role-invalid': 'invalid',
  'editor-needs-office': 'invalid',
  'offices-only-for-editors': 'invalid',
  'key-exists': 'rule',
  'last-admin-key': 'rule',
} as const satisfies Record<string, DomainErrorKind>;

export type DomainErrorCode = keyof typeof DOMAIN_ERRORS;

/** The values an error's message names, by name: `{ date: '2021-03-01', today: '2021-02-27' }`. */
export type ErrorValues = Readonly<Record<string, string | number>>;

/** One failing field of an `invalid` error that has several. */
export interface DomainFieldProblem {
  path: (string | number)[];
  code: DomainErrorCode;
  message: string;
  values?: ErrorValues;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly kind: DomainErrorKind;
  constructor(
    /** Stable, kebab-case, e.g. `illegal-transition`, `date-in-future`. */
    readonly code: DomainErrorCode,
    message: string,
    /** The failing field path for `invalid` errors, e.g. ['partner', 'country']. */
    readonly path?: (string | number)[],
    more: {
      /** Every failing field, for an `invalid` error about several at once. */
      problems?: readonly DomainFieldProblem[];
      /** The values the message names (dates, stages, levels), so that it can be written in any language. */
      values?: ErrorValues;
    } = {},
  ) {
    super(message);
    this.kind = DOMAIN_ERRORS[code];
    this.problems = more.problems;
    this.values = more.values;
  }

  readonly problems: readonly DomainFieldProblem[] | undefined;
  readonly values: ErrorValues | undefined;
}

/** What a schema's custom issue carries so that the field problem names its check by a domain code. */
export const issueCode = (code: DomainErrorCode): { code: DomainErrorCode } => ({ code });
