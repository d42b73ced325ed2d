import t from 'tap';
import { createMemoryReadModelStore } from '../../src/read-models/memory.ts';
import { ReadModelUnavailableError } from '../../src/read-models/port.ts';
import { readModelStoreContract } from './contract.ts';

readModelStoreContract(t, 'memory', async () => ({ store: createMemoryReadModelStore() }));

t.test('a closed memory store answers unavailable and ping false', async (t) => {
  const store = createMemoryReadModelStore();
  await store.close();
  t.equal(await store.ping(), false);
  await t.rejects(store.activeVersion('register'), ReadModelUnavailableError);
});
