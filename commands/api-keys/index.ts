import type { Decider } from '../decider.ts';
import { type KeyCommand, decideKeys } from './decide.ts';
import type { KeyEvent } from './events.ts';
import { evolveKeys, initialKeysState, type KeysState } from './state.ts';

/** The API keys are an aggregate of their own: one stream, written through the same command handler. */
export const keysDecider: Decider<KeyCommand, KeysState, KeyEvent> = {
  name: 'API keys',
  initialState: initialKeysState,
  evolve: evolveKeys,
  decide: decideKeys,
};

export const KEYS_STREAM = 'api-keys';

export type { KeyCommand } from './decide.ts';
export type * from './events.ts';
export * from './spec.ts';
export * from './state.ts';
