import type { RateLimitMode } from './rate-limit-store.ts';
import type { EvaluationStandards } from '../../projections/index.ts';
import type { KeyStore } from '../auth/key-store.ts';
import type { CommandHandler } from '../commands/handle-command.ts';
import type { Ledger } from '../event-store/ledger.ts';
import type { ReadSide } from '../read-side.ts';

/**
 * What route plugins are given, as plugin options. Each plugin takes the
 * part it needs; nothing below a route reads the clock or mints ids itself.
 */
export interface RouteServices {
  store: Ledger;
  handle: CommandHandler;
  readSide: ReadSide;
  keyStore: KeyStore;
  /** The evaluation standards over time (each applies from its own date). */
  standards: EvaluationStandards;
  /** The current instant (ISO 8601): "today" for dashboards. */
  clock: () => string;
  /** Ids of resources the server creates. */
  newId: () => string;
  /** How long a read with `minPosition` waits for the projections. */
  minPositionWaitMs: number;
  /** The quiet period of the dormancy indicator. */
  dormancyMonths: number;
  /** `projector` processes answer no queries: readiness then does not wait for views. */
  role: 'all' | 'api' | 'projector';
  /** Which event store runs (`sqlite`, `esdb`): positions count events only on SQLite. */
  eventStoreKind: string;
  /** Where the rate-limit counters are kept right now, for `/ready`. */
  rateLimitMode: () => RateLimitMode;
}
