import { DomainError } from '../errors.ts';

/** The error every aggregate raises when a command does not fit its current state. */
export function illegalTransition(command: string, aggregate: string, status: string): DomainError {
  return new DomainError('illegal-transition', `${command} is not allowed while the ${aggregate} is ${status}`, undefined, {
    values: { command, aggregate, status },
  });
}

export function notFound(aggregate: string, id: string): DomainError {
  return new DomainError('not-found', `${aggregate} ${id} does not exist`, undefined, { values: { aggregate, id } });
}

export function alreadyExists(aggregate: string, id: string): DomainError {
  return new DomainError('already-exists', `${aggregate} ${id} already exists`, undefined, { values: { aggregate, id } });
}

/**
 * A creating body may carry the client's own id; the handler must then use it
 * as the aggregate id. A mismatch means the two layers disagree about which
 * stream is written, which must never pass silently.
 */
export function requireSameId(bodyId: string | undefined, id: string): void {
  if (bodyId !== undefined && bodyId !== id) {
    throw new DomainError('id-mismatch', `body id ${bodyId} does not match the target id ${id}`, ['id'], { values: { given: bodyId, id } });
  }
}

/** Ends a `switch` over a union: adding a member without handling it fails to compile. */
export function unreachable(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
