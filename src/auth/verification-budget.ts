/**
 * How many scrypt checks that fail a client and a lookup prefix may cost.
 * A presented key that could match a stored one is hashed; a flood of such
 * guesses would otherwise buy one scrypt (≈ 50 ms of a core) per request.
 * Past its budget an address is refused further checks for the rest of the
 * window; a prefix keeps one check a second, so a key whose prefix someone
 * guesses at can still be verified, slowly, and is cached once it is.
 */

export interface BudgetOptions {
  /** Failed checks per window from one client address. */
  perClient?: number;
  /** Failed checks per window against one lookup prefix. */
  perPrefix?: number;
  windowMs?: number;
  /** Checks a second against a prefix past its budget. */
  spentPrefixPerSecond?: number;
  now?: () => number;
  /** Counters kept at most; the oldest windows go first. */
  maxEntries?: number;
}

/** A check refused before hashing; `retryAfterSeconds` says when it may be tried again. */
export class VerificationLimitedError extends Error {
  override readonly name = 'VerificationLimitedError';
  constructor(readonly retryAfterSeconds: number) {
    super('too many failed key checks; retry later');
  }
}

interface Counter {
  failures: number;
  windowStart: number;
  lastCheck: number;
}

export interface VerificationBudget {
  /** Throws VerificationLimitedError when a check for this client and prefix may not run now. */
  admit(client: string | undefined, prefix: string): void;
  /** Counts a check that ran and matched nothing. */
  failed(client: string | undefined, prefix: string): void;
}

export function createVerificationBudget(options: BudgetOptions = {}): VerificationBudget {
  const perClient = options.perClient ?? 10;
  const perPrefix = options.perPrefix ?? 10;
  const windowMs = options.windowMs ?? 60_000;
  const spacingMs = 1000 / (options.spentPrefixPerSecond ?? 1);
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const counters = new Map<string, Counter>();

  function counter(key: string, at: number): Counter {
    let entry = counters.get(key);
    if (entry === undefined || at - entry.windowStart >= windowMs) {
      counters.delete(key);
      if (counters.size >= maxEntries) counters.delete(counters.keys().next().value as string);
      entry = { failures: 0, windowStart: at, lastCheck: Number.NEGATIVE_INFINITY };
      counters.set(key, entry);
    }
    return entry;
  }

  const retryAfter = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

  return {
    admit(client, prefix) {
      const at = now();
      if (client !== undefined) {
        const entry = counter(`client:${client}`, at);
        if (entry.failures >= perClient) throw new VerificationLimitedError(retryAfter(entry.windowStart + windowMs - at));
      }
      const entry = counter(`prefix:${prefix}`, at);
      if (entry.failures >= perPrefix) {
        if (at - entry.lastCheck < spacingMs) throw new VerificationLimitedError(retryAfter(entry.lastCheck + spacingMs - at));
        entry.lastCheck = at;
      }
    },
    failed(client, prefix) {
      const at = now();
      if (client !== undefined) counter(`client:${client}`, at).failures += 1;
      counter(`prefix:${prefix}`, at).failures += 1;
    },
  };
}
