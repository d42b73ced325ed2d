import type { DomainEvent } from '../decider.ts';
import type { Role } from './spec.ts';

/** How a key's secret is stored: never the key, only a salted hash and the function that made it. */
export interface KeyHash {
  salt: string;
  hash: string;
  /** Names the function and its parameters, so they can be raised later without breaking old keys. */
  algorithm: string;
}

export type ApiKeyIssued = DomainEvent<
  'ApiKeyIssued',
  KeyHash & {
    name: string;
    role: Role;
    offices: string[];
    /** The first characters of a generated key, to find its record without hashing against every key. */
    prefix?: string;
  }
>;
export type ApiKeyRevoked = DomainEvent<'ApiKeyRevoked', { name: string; reason?: string }>;

export type KeyEvent = ApiKeyIssued | ApiKeyRevoked;
