import { withHashChain } from './hash-chain.ts';
import type { EventStore } from './port.ts';
import { withUpcasting } from './upcasting.ts';

/**
 * The event store as the service uses it: appends are hash-chained per
 * stream and reads come back upcast to the current event shapes. `stored`
 * is the adapter underneath, for the one reader that needs events exactly
 * as written: the hash-chain verifier.
 */
export interface Ledger extends EventStore {
  readonly stored: EventStore;
}

export function createLedger(stored: EventStore): Ledger {
  return { ...withUpcasting(withHashChain(stored)), stored };
}
