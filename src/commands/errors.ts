/**
 * What the command handler refuses, as typed errors; the HTTP error handler
 * turns them into answers. Domain errors (`commands/errors.ts`) pass through
 * the handler untouched.
 */

/** The stream is not at the revision the caller's If-Match named. */
export class PreconditionFailedError extends Error {
  override readonly name = 'PreconditionFailedError';
  constructor(
    readonly expected: number,
    /** The stream's revision when it was checked; unknown when another writer got in during the append. */
    readonly actual?: number,
  ) {
    super(
      actual === undefined
        ? `The resource changed while the request was handled (expected revision ${expected}).`
        : `The resource is at revision ${actual}, not ${expected}.`,
    );
  }
}

/** Another process kept writing the stream; the handler gave up after its retries. */
export class ConflictRetriesExhaustedError extends Error {
  override readonly name = 'ConflictRetriesExhaustedError';
  constructor(readonly attempts: number) {
    super(`Gave up after ${attempts} attempts; the resource kept changing.`);
  }
}

/** The Idempotency-Key was used before for another request (another route or body). */
export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
  constructor() {
    super('This Idempotency-Key was already used with another body or route.');
  }
}
