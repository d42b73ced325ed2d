import type { Position } from '../event-store/port.ts';
import { comparePositions } from '../event-store/position.ts';
import type { ProjectionStatus } from './types.ts';
import type { VersionWorker } from './worker.ts';

export interface SlotSnapshot {
  name: string;
  /** The worker on the version readers see. */
  serving?: VersionWorker | undefined;
  build?: { version: string; worker?: VersionWorker } | undefined;
  /** What readers see while the first build runs: a version of older projection code, if any. */
  shown?: string | undefined;
  bootError?: string | undefined;
  buildError?: string | undefined;
  stopped: boolean;
}

function later(a: Position | undefined, b: Position | undefined): Position | undefined {
  if (a === undefined) return b;
  return b !== undefined && comparePositions(b, a) > 0 ? b : a;
}

function state(s: SlotSnapshot): ProjectionStatus['state'] {
  if (s.stopped) return 'stopped';
  if (s.serving?.progress().failed || (!s.serving && !s.build && s.buildError)) return 'failed';
  if (s.serving) return s.build ? 'rebuilding' : 'live';
  return s.build ? 'building' : 'starting';
}

export function slotStatus(s: SlotSnapshot): ProjectionStatus {
  const live = s.serving?.progress();
  const next = s.build?.worker?.progress();
  return {
    name: s.name,
    version: s.serving?.version ?? s.shown,
    state: state(s),
    checkpoint: live?.committed,
    lastPosition: later(live?.knownEnd, next?.knownEnd),
    lag: s.serving ? s.serving.lag() : null,
    caughtUp: s.serving?.caughtUp() ?? false,
    degraded: Boolean(live?.degraded || next?.degraded || s.bootError),
    lastError: live?.lastError ?? next?.lastError ?? s.bootError ?? s.buildError,
    ...(s.build
      ? { building: { version: s.build.version, checkpoint: next?.committed, caughtUp: s.build.worker?.caughtUp() ?? false } }
      : {}),
  };
}
