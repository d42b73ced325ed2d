import { z } from 'zod';
import type { EventEnvelope } from '../decider.ts';
import type { KeyEvent, KeyHash } from './events.ts';
import { ROLES, type Role } from './spec.ts';

/** What anyone may see about a key: never its hash or salt. */
export interface KeyRecord {
  name: string;
  role: Role;
  offices: string[];
  /** The first characters of a generated key, to tell keys apart; absent for a provisioned key. */
  prefix?: string;
  issuedAt: string;
  issuedBy: string;
}

export interface StoredKey extends KeyRecord, KeyHash {
  /** The id of the issuing event: tells a reissued name from the key it replaced. */
  eventId: string;
}

export interface KeysState {
  /** The keys not revoked, by name. */
  active: ReadonlyMap<string, StoredKey>;
  /** Every key ever revoked, oldest first: a revoked secret is never accepted again, not even when offered anew. */
  revoked: readonly StoredKey[];
}

export const initialKeysState: KeysState = { active: new Map(), revoked: [] };

/** How many admin keys are active, and whether one was ever issued. */
export function adminKeys(state: KeysState): { active: number; everIssued: boolean } {
  const active = [...state.active.values()].filter((key) => key.role === 'admin').length;
  return { active, everIssued: active > 0 || state.revoked.some((key) => key.role === 'admin') };
}

const Issued = z.object({
  name: z.string(),
  role: z.enum(ROLES),
  offices: z.array(z.string()),
  salt: z.string(),
  hash: z.string(),
  algorithm: z.string(),
  prefix: z.string().optional(),
});

const Revoked = z.object({ name: z.string(), reason: z.string().optional() });

/**
 * Folds one stored event of the `api-keys` stream; who issued a key and when
 * come from the envelope. A malformed key event throws rather than being
 * skipped: skipping a revocation would leave a revoked key working.
 */
export function evolveKeys(state: KeysState, event: KeyEvent & Partial<EventEnvelope>): KeysState {
  switch (event.type) {
    case 'ApiKeyIssued': {
      const data = Issued.parse(event.data);
      if (event.id === undefined || event.metadata === undefined) throw new TypeError('an issued key is folded from its stored event');
      const { occurredAt: issuedAt, actor: issuedBy } = event.metadata;
      const active = new Map(state.active);
      active.set(data.name, { ...data, issuedAt, issuedBy, eventId: event.id });
      return { ...state, active };
    }
    case 'ApiKeyRevoked': {
      const { name } = Revoked.parse(event.data);
      const key = state.active.get(name);
      if (key === undefined) return state;
      const active = new Map(state.active);
      active.delete(name);
      return { active, revoked: [...state.revoked, key] };
    }
    default:
      // Event types added later are ignored by older code rather than stopping authentication.
      return state;
  }
}

export function publicRecord(key: StoredKey): KeyRecord {
  const { name, role, offices, prefix, issuedAt, issuedBy } = key;
  return { name, role, offices: [...offices], ...(prefix !== undefined ? { prefix } : {}), issuedAt, issuedBy };
}
