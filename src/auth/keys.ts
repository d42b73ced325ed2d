/**
 * API keys as an event-sourced list: the events of the `api-keys` stream, the
 * state they fold into, and the rules for issuing and revoking. Pure: no I/O,
 * no clock, no randomness (hashes and times come in as arguments).
 */
import { z } from 'zod';
import { PROVINCE_CODE, SHANDONG_CITIES, cityOf, divisionProblem } from '../../commands/shared/divisions.ts';
import type { RecordedEvent } from '../event-store/port.ts';

export const KEYS_STREAM = 'api-keys';

export const ROLES = ['admin', 'editor', 'viewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const KEY_NAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;

/** Offices an editor can be scoped to: the province office or one of the 16 prefecture cities. */
export const OFFICE_CODES: ReadonlySet<string> = new Set([PROVINCE_CODE, ...SHANDONG_CITIES.map((city) => city.code)]);

export interface KeySpec {
  name: string;
  role: Role;
  offices?: readonly string[] | undefined;
}

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

export interface KeyHash {
  salt: string;
  hash: string;
  /** Names the function and its parameters, so they can be raised later without breaking old keys. */
  algorithm: string;
}

export interface StoredKey extends KeyRecord, KeyHash {
  /** The id of the issuing event: tells a reissued name from the key it replaced. */
  eventId: string;
}

export interface KeysState {
  /** The last folded revision of the stream, -1 before the first event. */
  revision: number;
  active: ReadonlyMap<string, StoredKey>;
}

export const initialKeysState: KeysState = { revision: -1, active: new Map() };

const ApiKeyIssued = z.object({
  name: z.string(),
  role: z.enum(ROLES),
  offices: z.array(z.string()),
  salt: z.string(),
  hash: z.string(),
  algorithm: z.string(),
  prefix: z.string().optional(),
});
export type ApiKeyIssuedData = z.infer<typeof ApiKeyIssued>;

const ApiKeyRevoked = z.object({ name: z.string(), reason: z.string().optional() });
export type ApiKeyRevokedData = z.infer<typeof ApiKeyRevoked>;

export type KeyErrorCode = 'invalid-key-spec' | 'key-exists' | 'key-not-found';

export interface KeyProblem {
  path: (string | number)[];
  code: string;
  message: string;
}

export class KeyError extends Error {
  override readonly name = 'KeyError';
  constructor(
    readonly code: KeyErrorCode,
    message: string,
    readonly problems: KeyProblem[] = [],
  ) {
    super(message);
  }
}

function officeProblem(code: string): string | undefined {
  if (OFFICE_CODES.has(code)) return undefined;
  const division = divisionProblem(code);
  if (division !== undefined) return division;
  return `${code} is a county or institution; scope the key to its city office ${cityOf(code) ?? ''}`.trimEnd();
}

/** Everything wrong with a request for a new key, by field. */
export function keySpecProblems(spec: { name: string; role: string; offices?: readonly string[] | undefined }): KeyProblem[] {
  const problems: KeyProblem[] = [];
  const offices = spec.offices ?? [];
  if (!KEY_NAME.test(spec.name)) {
    problems.push({
      path: ['name'],
      code: 'key-name-invalid',
      message: '2 to 63 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
    });
  }
  if (!(ROLES as readonly string[]).includes(spec.role)) {
    problems.push({ path: ['role'], code: 'role-invalid', message: `must be one of ${ROLES.join(', ')}` });
  }
  if (spec.role === 'editor' && offices.length === 0) {
    problems.push({ path: ['offices'], code: 'editor-needs-office', message: 'an editor key needs at least one office (370000 or a city code such as 370200)' });
  }
  if (spec.role !== 'editor' && offices.length > 0) {
    // Offices scope writes; on any other role they would suggest a limit that is not enforced.
    problems.push({ path: ['offices'], code: 'offices-only-for-editors', message: `a ${spec.role} key has no offices` });
  }
  offices.forEach((office, index) => {
    const message = officeProblem(office);
    if (message !== undefined) problems.push({ path: ['offices', index], code: 'office-invalid', message });
  });
  return problems;
}

function normalise(spec: KeySpec): KeySpec & { offices: string[] } {
  const problems = keySpecProblems(spec);
  if (problems.length > 0) {
    throw new KeyError('invalid-key-spec', problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; '), problems);
  }
  return { name: spec.name, role: spec.role, offices: [...new Set(spec.offices ?? [])].sort() };
}

/** The event that issues a key, or a KeyError when the spec is invalid or the name is taken. */
export function decideIssue(state: KeysState, spec: KeySpec, hash: KeyHash, prefix: string | undefined): ApiKeyIssuedData {
  const { name, role, offices } = normalise(spec);
  if (state.active.has(name)) throw new KeyError('key-exists', `A key named ${name} already exists; revoke it first or pick another name.`);
  return { name, role, offices, ...hash, ...(prefix !== undefined ? { prefix } : {}) };
}

export function decideRevoke(state: KeysState, name: string, reason?: string): ApiKeyRevokedData {
  if (!state.active.has(name)) throw new KeyError('key-not-found', `No key named ${name} (or it is already revoked).`);
  return { name, ...(reason !== undefined ? { reason } : {}) };
}

/**
 * Folds one event of the stream. A malformed key event throws rather than
 * being skipped: skipping a revocation would leave a revoked key working.
 */
export function evolveKeys(state: KeysState, event: RecordedEvent): KeysState {
  const active = new Map(state.active);
  switch (event.type) {
    case 'ApiKeyIssued': {
      const data = ApiKeyIssued.parse(event.data);
      active.set(data.name, { ...data, issuedAt: event.metadata.occurredAt, issuedBy: event.metadata.actor, eventId: event.id });
      break;
    }
    case 'ApiKeyRevoked':
      active.delete(ApiKeyRevoked.parse(event.data).name);
      break;
    default:
      // Event types added later are ignored by older code rather than stopping authentication.
      break;
  }
  return { revision: event.revision, active };
}

export function publicRecord(key: StoredKey): KeyRecord {
  const { name, role, offices, prefix, issuedAt, issuedBy } = key;
  return { name, role, offices: [...offices], ...(prefix !== undefined ? { prefix } : {}), issuedAt, issuedBy };
}
