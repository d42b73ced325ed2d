/**
 * Making and checking key secrets. Keys are stored only as scrypt hashes with
 * a per-key salt; a stolen event log does not yield usable keys.
 */
import { createHmac, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { KeyHash } from '../../commands/api-keys/index.ts';

const KEY_PREFIX = 'fcl_';
const GENERATED_KEY = /^fcl_[A-Za-z0-9_-]{43}$/;
/** Visible ASCII only, bounded so a huge header cannot make hashing expensive. */
const PRESENTABLE_KEY = /^[\x21-\x7e]{32,256}$/;
/** `fcl_` and 8 random characters (48 bits): enough to find the key's record, far too few to guess the rest. */
const LOOKUP_PREFIX_LENGTH = 12;

export interface ScryptParameters {
  N: number;
  r: number;
  p: number;
}

/** 2^14 keeps a check near 50 ms on a server core; successful checks are cached by the key store. */
export const DEFAULT_SCRYPT: ScryptParameters = { N: 2 ** 14, r: 8, p: 1 };
const HASH_BYTES = 32;
const ALGORITHM = /^scrypt:(\d{1,8}):(\d{1,3}):(\d{1,3})$/;

export function generateKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** Whether a string can be a key at all; anything else is rejected without hashing. */
export function isPresentableKey(value: string): boolean {
  return PRESENTABLE_KEY.test(value);
}

/**
 * The part of a generated key kept in clear to find its record without
 * hashing against every key. Provisioned keys of another shape have none.
 */
export function lookupPrefix(key: string): string | undefined {
  return GENERATED_KEY.test(key) ? key.slice(0, LOOKUP_PREFIX_LENGTH) : undefined;
}

/** Whether a string has the shape of a generated key, `fcl_` and 43 base64url characters. */
export function isGeneratedKey(key: string): boolean {
  return GENERATED_KEY.test(key);
}

/** Known only to this process: the digests below are worthless outside it. */
const DIGEST_SECRET = randomBytes(32);

/**
 * A fast keyed digest (HMAC-SHA-256) for what the process keeps in memory:
 * the cache of verified keys and the provisioned key, so neither holds a key
 * itself and both are compared without scrypt.
 */
export function keyDigest(key: string): string {
  return createHmac('sha256', DIGEST_SECRET).update(key).digest('base64url');
}

/** Constant-time equality of two digests from `keyDigest`. */
export function sameDigest(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

function derive(key: string, salt: Buffer, length: number, { N, r, p }: ScryptParameters): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(key, salt, length, options, (error, derived) => (error ? reject(error) : resolve(derived)));
  });
}

function parseAlgorithm(algorithm: string): ScryptParameters | undefined {
  const match = ALGORITHM.exec(algorithm);
  if (!match) return undefined;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Bounds keep a corrupted record from making one check take seconds or more than 64 MiB.
  const sane = N >= 2 && (N & (N - 1)) === 0 && r >= 1 && p >= 1 && p <= 4 && 128 * N * r <= 64 * 2 ** 20;
  return sane ? { N, r, p } : undefined;
}

export async function hashKey(key: string, parameters: ScryptParameters = DEFAULT_SCRYPT): Promise<KeyHash> {
  const salt = randomBytes(16);
  const hash = await derive(key, salt, HASH_BYTES, parameters);
  return {
    salt: salt.toString('base64url'),
    hash: hash.toString('base64url'),
    algorithm: `scrypt:${parameters.N}:${parameters.r}:${parameters.p}`,
  };
}

/** Whether `key` hashes to `stored`; compared in constant time so timing reveals nothing about the hash. */
export async function keyMatches(key: string, stored: KeyHash): Promise<boolean> {
  const parameters = parseAlgorithm(stored.algorithm);
  const expected = Buffer.from(stored.hash, 'base64url');
  if (parameters === undefined || expected.length < 16 || expected.length > 64) return false;
  const actual = await derive(key, Buffer.from(stored.salt, 'base64url'), expected.length, parameters);
  return timingSafeEqual(actual, expected);
}
