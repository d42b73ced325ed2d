/**
 * Given/when/then specifications for deciders:
 *
 *   t.test('…', spec(decider).given(events).when(command).then(expectedEvents));
 *   t.test('…', spec(decider).given(events).when(command).thenRejects('code', 'rule'));
 *
 * `then` and `thenRejects` return an async tap test body, so every case is
 * its own subtest with tap's diffs. Time and ids are fixed: `now` defaults to
 * NOW and ids come from a counter (see testId), restarting for every command.
 */
import type { DecideContext, Decider, DomainEvent } from '../../commands/decider.ts';
import { DomainError, type DomainErrorKind } from '../../commands/errors.ts';

/** 10:00 on 2024-06-15 in China (UTC+8). */
export const NOW = '2024-06-15T02:00:00.000Z';
export const TODAY = '2024-06-15';

/** The n-th id a spec's `newId` returns: a well-formed v4 UUID. */
export const testId = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function testContext(now: string = NOW): DecideContext {
  let counter = 0;
  return { now, newId: () => testId(++counter) };
}

/** The subset of tap's Test this helper needs. */
export interface Assertions {
  strictSame(found: unknown, wanted: unknown, ...message: [] | [string]): boolean;
  equal(found: unknown, wanted: unknown, ...message: [] | [string]): boolean;
  fail(...message: [] | [string]): boolean;
}

export function fold<S, E extends DomainEvent>(decider: Decider<unknown, S, E>, events: readonly E[]): S {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState);
}

/** The path of the first value that would not survive JSON storage unchanged. */
export function nonJsonPath(value: unknown, path: string = '$'): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nonJsonPath(item, `${path}[${index}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, item] of Object.entries(value)) {
      const found = nonJsonPath(item, `${path}.${key}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return path;
}

export function spec<C, S, E extends DomainEvent>(decider: Decider<C, S, E>, options: { now?: string } = {}) {
  return {
    given(events: readonly E[]) {
      return {
        when(command: C) {
          const state = () => fold(decider as Decider<unknown, S, E>, events);
          return {
            then: (expected: readonly E[]) => async (t: Assertions): Promise<void> => {
              const before = state();
              const produced = decider.decide(command, before, testContext(options.now));
              t.strictSame(produced, expected, 'produces the expected events');
              t.equal(nonJsonPath(produced), undefined, 'event data is plain JSON');
              // The new events must fold without throwing, so replays never break on them.
              produced.reduce((s, e) => decider.evolve(s, e), before);
            },
            thenRejects: (code: string, kind?: DomainErrorKind) => async (t: Assertions): Promise<void> => {
              let produced: E[];
              try {
                produced = decider.decide(command, state(), testContext(options.now));
              } catch (error) {
                if (!(error instanceof DomainError)) throw error;
                t.equal(error.code, code, `rejected with ${code}: ${error.message}`);
                if (kind !== undefined) t.equal(error.kind, kind, `as ${kind}`);
                return;
              }
              t.fail(`expected ${code}, but produced ${JSON.stringify(produced)}`);
            },
            /** The error itself, for assertions on message or path. */
            error: (): DomainError | undefined => {
              try {
                decider.decide(command, state(), testContext(options.now));
              } catch (error) {
                if (error instanceof DomainError) return error;
                throw error;
              }
              return undefined;
            },
          };
        },
      };
    },
  };
}
