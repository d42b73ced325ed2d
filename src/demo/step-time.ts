import { AsyncLocalStorage } from 'node:async_hooks';
import { handledAt } from './dates.ts';
import { idSequence } from './ids.ts';

/**
 * The demo's simulated time and ids. Each step runs "on" its own day (it is
 * handled the morning after its fact) with its own id sequence; the command
 * handler is given this clock and id source, so the real deciders run
 * unchanged. Steps of many streams run side by side, so the current step is
 * carried by the async context rather than a shared variable.
 */
export interface StepTime {
  clock(): string;
  newId(): string;
  /** Runs `work` as the step `key` dated `date`. */
  during<T>(step: { key: string; date: string }, work: () => Promise<T>): Promise<T>;
}

export function createStepTime(): StepTime {
  const current = new AsyncLocalStorage<{ now: string; newId: () => string }>();
  const step = () => {
    const found = current.getStore();
    if (found === undefined) throw new Error('a demo command ran outside its step');
    return found;
  };
  return {
    clock: () => step().now,
    newId: () => step().newId(),
    during: (spec, work) => current.run({ now: handledAt(spec.date), newId: idSequence(spec.key) }, work),
  };
}
