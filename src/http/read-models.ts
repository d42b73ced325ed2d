import { apiError } from '../errors.ts';
import { parsePosition } from '../event-store/position.ts';
import type { ReadSide } from '../read-side.ts';

/** Waits (bounded) until the read models include the write at `minPosition`; a 503 when they do not get there in time. */
export async function awaitMinPosition(readSide: ReadSide, query: { minPosition?: string | undefined }, waitMs: number) {
  if (query.minPosition === undefined) return;
  const position = parsePosition(query.minPosition);
  if (position === undefined || !(await readSide.waitFor(position, waitMs))) {
    throw apiError('read-model-behind', `The read models have not reached position ${query.minPosition} yet.`, {
      headers: { 'retry-after': '1' },
      values: { position: query.minPosition },
    });
  }
}
