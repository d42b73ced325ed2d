import type { Position } from '../event-store/port.ts';
import { comparePositions } from '../event-store/position.ts';
import type { ReadModelStore } from '../read-models/port.ts';

export const CHECKPOINT_POLL_MS = 25;

/** True when the active version of every named projection has committed `position`. */
export async function checkpointsReached(
  readModels: ReadModelStore,
  projections: readonly string[],
  position: Position,
): Promise<boolean> {
  for (const name of projections) {
    const version = await readModels.activeVersion(name);
    if (version === undefined) return false;
    const checkpoint = await readModels.checkpoint(name, version);
    if (checkpoint === undefined || comparePositions(checkpoint, position) < 0) return false;
  }
  return true;
}

/**
 * For a process that reads a store another process projects into (ROLE=api):
 * polls the store until the active version of every named projection has
 * committed `position` (true) or `timeoutMs` passed (false). A store that
 * does not answer counts as not there yet.
 */
export async function waitForCheckpoint(
  readModels: ReadModelStore,
  projections: readonly string[],
  position: Position,
  timeoutMs: number,
  pollMs = CHECKPOINT_POLL_MS,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await checkpointsReached(readModels, projections, position).catch(() => false)) return true;
    const remaining = deadline - Date.now();
    if (remaining <= 0) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, remaining)));
  }
}
