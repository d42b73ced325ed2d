import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { chinaToday } from '../../commands/shared/dates.ts';
import type { Doc } from '../../projections/projection.ts';
import { apiError } from '../errors.ts';
import type { Position } from '../event-store/port.ts';
import { parsePosition } from '../event-store/position.ts';
import type { ProjectionStatus } from '../projection-runner/types.ts';
import type { ReadModelStore } from '../read-models/port.ts';

/** What the query routes need from the read side, whichever process projects. */
export interface ReadSide {
  readModels: ReadModelStore;
  /** True once every projection's served version reflects `position`; false after `timeoutMs`. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean>;
  /** The projections this process runs (empty when another process projects). */
  status(): ProjectionStatus[];
  /** Rebuilds a projection from the start; only where this process projects. */
  rebuild?(name: string): Promise<void>;
}

/** Every query route accepts `minPosition` (a write's `position`) to read its own writes. */
export const MinPosition = {
  minPosition: z
    .string()
    .regex(/^\d{1,20}(-\d{1,20})?$/, 'a position from a write response')
    .optional()
    .describe('Wait (bounded) until the read models include the write at this position'),
};

export async function awaitMinPosition(readSide: ReadSide, query: { minPosition?: string }, waitMs: number) {
  if (query.minPosition === undefined) return;
  const position = parsePosition(query.minPosition) as Position;
  if (!(await readSide.waitFor(position, waitMs))) {
    throw apiError('read-model-behind', `The read models have not reached position ${query.minPosition} yet.`, {
      headers: { 'retry-after': '1' },
    });
  }
}

/** All documents of a collection, typed as the projection's rows. */
export async function documents<T>(readSide: ReadSide, projection: string, collection: string): Promise<T[]> {
  return (await readSide.readModels.all(projection, collection)) as Doc[] as T[];
}

/** Dashboards count days in China Standard Time. */
export const today = () => chinaToday(new Date().toISOString());

export type QueryRequest = FastifyRequest;
