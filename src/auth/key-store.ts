/**
 * The API keys, kept in the event log itself (stream `api-keys`): durable,
 * shared by every API instance on the same store, and auditable. Each
 * instance folds the stream into memory and catches up from its last
 * revision at most once per refresh interval, so a key revoked through
 * another instance takes effect here within about a second; a key it does
 * not know yet makes it catch up before answering, so a key issued
 * elsewhere works from its first request.
 */
import { randomUUID } from 'node:crypto';
import {
  KEYS_STREAM,
  adminKeys,
  initialKeysState,
  keysDecider,
  publicRecord,
  type KeyCommand,
  type KeyRecord,
  type KeySpec,
  type KeysState,
  type StoredKey,
} from '../../commands/api-keys/index.ts';
import { foldEvents } from '../../commands/decider.ts';
import { createCommandHandler } from '../commands/handle-command.ts';
import type { EventStore } from '../event-store/port.ts';
import { generateKey, hashKey, isPresentableKey, keyDigest, keyMatches, lookupPrefix, sameDigest } from './key-hash.ts';
import { createVerificationBudget, type BudgetOptions } from './verification-budget.ts';

export interface IssuedKey {
  /** The key itself: shown once, never stored. */
  key: string;
  record: KeyRecord;
}

export interface WriteOptions {
  correlationId?: string;
}

export interface IssueOptions extends WriteOptions {
  /** A secret chosen by the operator (ADMIN_API_KEY) instead of a generated one. */
  key?: string;
}

/** How the service provisions its own admin key: `first` while no admin key was ever issued, `reissue` while none is active. */
export type Provision = 'first' | 'reissue';

export interface KeyStore {
  issue(spec: KeySpec, actor: string, options?: IssueOptions): Promise<IssuedKey>;
  /** Issues a key the service provisions for itself, if it is still wanted; undefined when it is not (another instance was first). */
  provision(spec: KeySpec, actor: string, provision: Provision, options?: IssueOptions): Promise<IssuedKey | undefined>;
  /** Revoking the last active admin key needs `force`. */
  revoke(name: string, actor: string, options?: WriteOptions & { reason?: string; force?: boolean }): Promise<void>;
  list(): Promise<KeyRecord[]>;
  /**
   * The record of the key presented, or undefined when it is unknown, revoked
   * or malformed. `client` (the caller's address) is charged for checks that
   * fail; past its budget this throws VerificationLimitedError without hashing.
   */
  verify(presented: string, client?: string): Promise<KeyRecord | undefined>;
  /** Key checks since start: how many ran scrypt, and how many were refused by the failure budgets. */
  checks(): { hashed: number; limited: number };
  /** Whether the key presented was verified a moment ago: checking it again costs no hashing. */
  remembers(presented: string): boolean;
  /** How many keys are not revoked. */
  count(): Promise<number>;
  /** How many admin keys are not revoked, and whether one was ever issued. */
  adminKeys(): Promise<{ active: number; everIssued: boolean }>;
  /** Whether the key presented is one that was revoked. */
  wasRevoked(presented: string): Promise<boolean>;
}

/** A chosen secret that belonged to a revoked key: it is never issued again. */
export class RevokedKeyError extends Error {
  override readonly name = 'RevokedKeyError';
  constructor() {
    super('this secret belonged to a revoked key and is never accepted again; choose a new one');
  }
}

/** Shortest spacing of the catch-ups that unknown keys trigger, shared by all callers. */
const UNKNOWN_KEY_PULL_MS = 250;

export interface KeyStoreOptions {
  /** Catch up with the stream at most this often on reads. */
  refreshIntervalMs?: number;
  /** How long a successful verification is remembered. */
  cacheTtlMs?: number;
  /**
   * While the event store is unreachable, keep authenticating from the last
   * known keys for this long; after that, fail closed rather than honour
   * keys that may have been revoked meanwhile.
   */
  staleToleranceMs?: number;
  conflictRetries?: number;
  /**
   * The operator's ADMIN_API_KEY. A presented key not shaped like a generated
   * one is hashed only when it is this secret, or while a stored key of
   * another shape exists that this process cannot recognise otherwise.
   */
  provisionedSecret?: string;
  /** Budgets of failed checks; see verification-budget.ts. */
  budget?: BudgetOptions;
  now?: () => number;
  logger?: { warn(object: object, message: string): void };
}

interface CachedVerification {
  name: string;
  eventId: string;
  expiresAt: number;
}

export function createKeyStore(store: EventStore, options: KeyStoreOptions = {}): KeyStore {
  const refreshIntervalMs = options.refreshIntervalMs ?? 1000;
  const cacheTtlMs = options.cacheTtlMs ?? 60_000;
  const staleToleranceMs = options.staleToleranceMs ?? 30_000;
  const conflictRetries = options.conflictRetries ?? 5;
  const now = options.now ?? Date.now;

  let state: KeysState = initialKeysState;
  /** The last revision of the stream folded into `state`; -1 before the first. */
  let revision = -1;
  let lastAttempt = -Infinity;
  let lastSuccess = -Infinity;
  let pulling: Promise<void> | undefined;
  const verified = new Map<string, CachedVerification>();
  const provisioned = options.provisionedSecret === undefined ? undefined : keyDigest(options.provisionedSecret);
  const budget = createVerificationBudget({ now, ...options.budget });
  const verifying = new Map<string, Promise<KeyRecord | undefined>>();

  function forget(name: string) {
    for (const [digest, entry] of verified) if (entry.name === name) verified.delete(digest);
  }

  async function pull() {
    const events = await store.readStream(KEYS_STREAM, { fromRevision: revision + 1 });
    for (const event of events) {
      if (event.revision <= revision) continue;
      state = foldEvents(keysDecider, [event], state);
      revision = event.revision;
      if (event.type === 'ApiKeyRevoked') forget(String(event.data.name));
    }
  }

  function startPull(): Promise<void> {
    lastAttempt = now();
    pulling = pull()
      .then(() => {
        lastSuccess = now();
      })
      .finally(() => {
        pulling = undefined;
      });
    return pulling;
  }

  const fresh = () => now() - lastSuccess <= staleToleranceMs;

  /** Catches up with the stream; `force` guarantees a read that starts after this call. */
  async function refresh(force: boolean): Promise<void> {
    if (!force && pulling) {
      await pulling.catch(() => undefined);
      if (fresh()) return;
    }
    // One read at a time: two overlapping folds could replay an issue over a later revocation.
    while (pulling) await pulling.catch(() => undefined);
    if (!force && now() - lastAttempt < refreshIntervalMs && fresh()) return;
    try {
      await startPull();
    } catch (error) {
      if (force || !fresh()) throw error;
      options.logger?.warn({ err: error }, 'api keys: cannot read the key stream; using the keys known a moment ago');
    }
  }

  const handle = createCommandHandler({
    store,
    clock: () => new Date(now()).toISOString(),
    newId: randomUUID,
    conflictRetries,
  });

  /** Writes one key command through the command handler; true when it appended. */
  async function write(command: KeyCommand, actor: string, writeOptions: WriteOptions): Promise<boolean> {
    const metadata = { actor, correlationId: writeOptions.correlationId ?? randomUUID() };
    const result = await handle(keysDecider, KEYS_STREAM, command, metadata);
    await refresh(true);
    return result.appended;
  }

  async function revokedSecret(presented: string): Promise<boolean> {
    const prefix = lookupPrefix(presented);
    for (const key of state.revoked) if (key.prefix === prefix && (await keyMatches(presented, key))) return true;
    return false;
  }

  async function issueKey(spec: KeySpec, actor: string, issueOptions: IssueOptions, provision: Provision | undefined) {
    const key = issueOptions.key ?? generateKey();
    if (!isPresentableKey(key)) throw new Error('a key must be 32 to 256 visible ASCII characters');
    if (issueOptions.key !== undefined) {
      await refresh(true);
      if (await revokedSecret(key)) throw new RevokedKeyError();
    }
    // Hashed once, outside the retry loop: scrypt is the slow part.
    const hash = await hashKey(key);
    const prefix = lookupPrefix(key);
    const command: KeyCommand = { type: 'IssueApiKey', id: KEYS_STREAM, data: { spec, hash, prefix, provision } };
    const appended = await write(command, actor, issueOptions);
    const stored = state.active.get(spec.name);
    return appended && stored ? { key, record: publicRecord(stored) } : undefined;
  }

  let unknownPull: Promise<void> | undefined;
  let lastUnknownPull = Number.NEGATIVE_INFINITY;
  /**
   * A key that matches none this instance knows may have been issued a
   * moment ago (`npm run keys`, another instance): catch up before refusing
   * it instead of at the next interval. Shared by every such request and at
   * most one every UNKNOWN_KEY_PULL_MS, so a flood of made-up keys costs a
   * few stream reads, not one per request.
   */
  function catchUpForUnknownKey(): Promise<void> {
    unknownPull ??= (async () => {
      const wait = lastUnknownPull + UNKNOWN_KEY_PULL_MS - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      lastUnknownPull = performance.now();
      await refresh(true).catch(() => undefined);
    })().finally(() => (unknownPull = undefined));
    return unknownPull;
  }

  const counted = { hashed: 0, limited: 0 };
  async function firstMatch(presented: string, candidates: readonly StoredKey[]): Promise<StoredKey | undefined> {
    for (const candidate of candidates) {
      counted.hashed += 1;
      if (await keyMatches(presented, candidate)) return candidate;
    }
    return undefined;
  }

  /** Which stored key the operator's secret is, as of one revision of the stream. */
  let provisionedAt: { revision: number; eventId: string | undefined } | undefined;

  /**
   * The active keys a presented key could be, found by its lookup prefix; an
   * empty list refuses it without hashing. Keys of another shape than a
   * generated one have no prefix: when the operator's secret is known here,
   * only the stored keys it is not can match a key other than it.
   */
  async function candidatesFor(presented: string, trusted: boolean): Promise<StoredKey[]> {
    const prefix = lookupPrefix(presented);
    const candidates = [...state.active.values()].filter((key) => key.prefix === prefix);
    if (prefix !== undefined || trusted || options.provisionedSecret === undefined || candidates.length === 0) return candidates;
    if (provisionedAt?.revision !== revision) {
      const at = revision;
      const eventId = (await firstMatch(options.provisionedSecret, candidates))?.eventId;
      provisionedAt = { revision: at, eventId };
    }
    return candidates.filter((key) => key.eventId !== provisionedAt?.eventId);
  }

  async function check(presented: string, digest: string, client: string | undefined): Promise<KeyRecord | undefined> {
    const bucket = lookupPrefix(presented) ?? '';
    const trusted = provisioned !== undefined && sameDigest(digest, provisioned);
    const hashed = async (candidates: readonly StoredKey[]) => {
      if (candidates.length === 0) return undefined;
      if (!trusted) {
        try {
          budget.admit(client, bucket);
        } catch (error) {
          counted.limited += 1;
          throw error;
        }
      }
      const match = await firstMatch(presented, candidates);
      if (match === undefined && !trusted) budget.failed(client, bucket);
      return match;
    };
    const known = await candidatesFor(presented, trusted);
    let match = await hashed(known);
    if (match === undefined) {
      await catchUpForUnknownKey();
      match = await hashed((await candidatesFor(presented, trusted)).filter((key) => !known.includes(key)));
    }
    // Revoked while hashing: the fold has already dropped it.
    if (match === undefined || state.active.get(match.name)?.eventId !== match.eventId) return undefined;
    verified.set(digest, { name: match.name, eventId: match.eventId, expiresAt: now() + cacheTtlMs });
    return publicRecord(match);
  }

  function fromCache(digest: string): StoredKey | undefined {
    const entry = verified.get(digest);
    if (entry === undefined) return undefined;
    const key = state.active.get(entry.name);
    if (entry.expiresAt > now() && key?.eventId === entry.eventId) return key;
    verified.delete(digest);
    return undefined;
  }

  return {
    async issue(spec, actor, issueOptions = {}) {
      const issued = await issueKey(spec, actor, issueOptions, undefined);
      if (issued === undefined) throw new Error(`key ${spec.name} was not issued`);
      return issued;
    },

    provision: (spec, actor, provision, issueOptions = {}) => issueKey(spec, actor, issueOptions, provision),

    async revoke(name, actor, { reason, force, ...writeOptions } = {}) {
      await write({ type: 'RevokeApiKey', id: KEYS_STREAM, data: { name, reason, force } }, actor, writeOptions);
      forget(name);
    },

    async list() {
      await refresh(false);
      return [...state.active.values()].map(publicRecord).sort((a, b) => (a.name < b.name ? -1 : 1));
    },

    async verify(presented, client) {
      if (!isPresentableKey(presented)) return undefined;
      await refresh(false);
      const digest = keyDigest(presented);
      const cached = fromCache(digest);
      if (cached) return publicRecord(cached);
      // Concurrent requests with the same key share one scrypt run.
      let pending = verifying.get(digest);
      if (pending === undefined) {
        pending = check(presented, digest, client).finally(() => verifying.delete(digest));
        verifying.set(digest, pending);
      }
      return pending;
    },

    checks: () => ({ ...counted }),

    remembers: (presented) => isPresentableKey(presented) && fromCache(keyDigest(presented)) !== undefined,

    async count() {
      await refresh(false);
      return state.active.size;
    },

    async adminKeys() {
      await refresh(false);
      return adminKeys(state);
    },

    async wasRevoked(presented) {
      if (!isPresentableKey(presented)) return false;
      await refresh(false);
      return revokedSecret(presented);
    },
  };
}
