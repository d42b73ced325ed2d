/**
 * The contract against a real EventStoreDB, when there is one: set
 * ESDB_CONNECTION_STRING (e.g. `esdb://localhost:2113?tls=false`). The
 * suite names its streams with fresh UUIDs, so a shared server is fine.
 */
import t from 'tap';
import { createEsdbEventStore } from '../../src/event-store/esdb.ts';
import { eventStoreContract } from './contract.ts';

const connectionString = process.env.ESDB_CONNECTION_STRING;

if (connectionString) {
  eventStoreContract(t, 'EventStoreDB adapter on a real server', async () => ({
    store: createEsdbEventStore({ connectionString }),
  }));
} else {
  t.pass('EventStoreDB contract on a real server', { skip: 'ESDB_CONNECTION_STRING is not set' });
}
