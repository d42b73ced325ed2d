/**
 * The client-visible errors of authentication and key management, with the
 * stable codes, statuses and titles they carry in problem+json.
 */
import { ApiError, apiError } from '../errors.ts';
import { ConcurrencyError } from '../event-store/port.ts';
import { KeyError } from './keys.ts';

/** Key-store failures as the client sees them; anything else is rethrown for the error handler. */
export function keyStoreProblem(error: unknown): unknown {
  if (error instanceof ConcurrencyError) {
    return apiError('concurrency-conflict', 'The key list kept changing; try again.');
  }
  if (!(error instanceof KeyError)) return error;
  switch (error.code) {
    case 'key-exists':
      return apiError('key-exists', error.message);
    case 'key-not-found':
      return apiError('not-found', error.message);
    case 'invalid-key-spec':
      return new ApiError(
        'invalid-request',
        400,
        'The request is not valid',
        'Some fields are missing or invalid.',
        error.problems.map((problem) => ({ path: ['body', ...problem.path].join('.'), message: problem.message, code: problem.code })),
      );
    default: {
      const unreachable: never = error.code;
      return unreachable;
    }
  }
}
