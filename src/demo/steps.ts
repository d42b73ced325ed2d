import type { z } from 'zod';
import type { Decider, DomainEvent } from '../../commands/decider.ts';
import { DomainError } from '../../commands/errors.ts';
import { canonicalHash } from '../canonical-json.ts';
import type { CommandHandler, CommandMetadata } from '../commands/handle-command.ts';
import { quarterOf } from './dates.ts';
import { demoUuid } from './ids.ts';
import type { StepTime } from './step-time.ts';

/**
 * One command of the demo, ready to send through the command handler. The
 * key names the step for good: it derives the request's correlation id, the
 * ids the decider mints and the Idempotency-Key, so a step replayed on a
 * store that already has it appends nothing.
 */
export interface Step {
  key: string;
  stream: string;
  /** The fact date (YYYY-MM-DD); the command is handled the next morning. */
  date: string;
  /** The local office the step is entered for (division code of the city or province). */
  office: string;
  run(handle: CommandHandler, metadata: CommandMetadata): Promise<{ appended: boolean }>;
}

interface Aggregate<C extends { type: string; id: string; data: object }, S, E extends DomainEvent> {
  decider: Decider<C, S, E>;
  schemas: { readonly [T in C['type']]: z.ZodType };
  stream: (id: string) => string;
}

/**
 * Builds a step for any aggregate. The body is parsed with the same schema
 * the HTTP route uses, so the demo cannot record what an office tool could
 * not; the decider is the real one.
 */
export function stepFor<C extends { type: string; id: string; data: object }, S, E extends DomainEvent>(
  aggregate: Aggregate<C, S, E>,
  command: C,
  spec: { key: string; date: string; office: string },
): Step {
  const stream = aggregate.stream(command.id);
  const body: unknown = aggregate.schemas[command.type as C['type']].parse(command.data);
  const parsed = { ...command, data: body } as C;
  const requestHash = canonicalHash([command.type, stream, body]);
  return {
    key: spec.key,
    stream,
    date: spec.date,
    office: spec.office,
    run: (handle, metadata) =>
      handle(aggregate.decider, stream, parsed, metadata, { idempotency: { key: `demo:${spec.key}`, requestHash } }),
  };
}

export interface RunOptions {
  concurrency: number;
  actor: string;
  /** The clock and id source the command handler was given: each step runs on its own day. */
  time: StepTime;
  onProgress?: (done: number, total: number) => void;
}

export interface RunResult {
  commands: number;
  /** Commands the store already had (a re-run over an earlier, possibly interrupted seed). */
  replayed: number;
}

/**
 * Replays the steps quarter by quarter so the global log reads roughly in
 * the order things happened (a campaign is launched before the partnerships
 * it revives). Within a quarter, streams run side by side and each stream's
 * steps run in order; the SQLite store commits concurrent appends together,
 * which is what makes the seed fast.
 */
export async function runSteps(handle: CommandHandler, steps: readonly Step[], options: RunOptions): Promise<RunResult> {
  checkStreamOrder(steps);
  const quarters = new Map<string, Map<string, Step[]>>();
  for (const step of steps) {
    const quarter = quarterOf(step.date);
    const streams = quarters.get(quarter) ?? new Map<string, Step[]>();
    quarters.set(quarter, streams);
    streams.set(step.stream, [...(streams.get(step.stream) ?? []), step]);
  }

  let done = 0;
  let replayed = 0;
  let failed = false;
  for (const quarter of [...quarters.keys()].sort()) {
    const queues = [...(quarters.get(quarter) ?? new Map<string, Step[]>()).values()];
    let nextQueue = 0;
    const worker = async () => {
      // After a failure the other workers stop taking work, so nothing is written after the error is reported.
      for (let queue = queues[nextQueue++]; queue !== undefined && !failed; queue = queues[nextQueue++]) {
        for (const step of queue) {
          const metadata: CommandMetadata = {
            actor: options.actor,
            office: step.office,
            correlationId: demoUuid(`request:${step.key}`),
          };
          const result = await options.time.during(step, () => step.run(handle, metadata)).catch((error: unknown) => {
            failed = true;
            throw new Error(`demo step ${step.key} (${step.date}) failed: ${describe(error)}`, { cause: error });
          });
          if (!result.appended) replayed++;
          options.onProgress?.(++done, steps.length);
        }
      }
    };
    const outcomes = await Promise.allSettled(Array.from({ length: Math.min(options.concurrency, queues.length) }, worker));
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
  }
  return { commands: steps.length, replayed };
}

/** A stream's steps must already be in date order; quarters would otherwise reorder them. */
function checkStreamOrder(steps: readonly Step[]): void {
  const last = new Map<string, Step>();
  const keys = new Set<string>();
  for (const step of steps) {
    if (keys.has(step.key)) throw new Error(`demo step key ${step.key} is used twice`);
    keys.add(step.key);
    const previous = last.get(step.stream);
    if (previous !== undefined && step.date < previous.date) {
      throw new Error(`demo step ${step.key} (${step.date}) comes after ${previous.key} (${previous.date}) on ${step.stream}`);
    }
    last.set(step.stream, step);
  }
}

function describe(error: unknown): string {
  if (error instanceof DomainError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
