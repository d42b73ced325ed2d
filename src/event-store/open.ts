import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { createLedger, type Ledger } from './ledger.ts';
import type { EventStore } from './port.ts';
import { createSqliteEventStore } from './sqlite.ts';

async function openAdapter(config: Config['eventStore'], logger?: Logger): Promise<EventStore> {
  if (config.kind === 'sqlite') return createSqliteEventStore({ path: config.path, durability: config.durability });
  // Loaded only when selected: the gRPC client is heavy and keeps handles open.
  const { createEsdbEventStore } = await import('./esdb.ts');
  return createEsdbEventStore({ connectionString: config.connectionString, ...(logger ? { logger } : {}) });
}

/** Opens the event store the configuration names, as a hash-chained, upcasting ledger. */
export async function openEventStore(config: Config['eventStore'], logger?: Logger): Promise<Ledger> {
  return createLedger(await openAdapter(config, logger));
}
