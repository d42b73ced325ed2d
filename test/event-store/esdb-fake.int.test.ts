import t from 'tap';
import { createEsdbEventStore } from '../../src/event-store/esdb.ts';
import { startEsdbWireFake } from '../support/esdb-wire-fake.ts';
import { eventStoreContract } from './contract.ts';

eventStoreContract(t, 'EventStoreDB adapter on the gRPC wire fake', async () => {
  const fake = await startEsdbWireFake();
  return {
    store: createEsdbEventStore({ connectionString: fake.connectionString }),
    dropSubscriptions: fake.dropSubscriptions,
    cleanup: fake.close,
  };
});
