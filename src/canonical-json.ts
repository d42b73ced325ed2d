import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * RFC 8785 canonical JSON (the `canonicalize` package): key order and
 * number formatting never change the text, so two serialisations of the same
 * value hash alike. Used wherever a value is hashed: the audit hash chain and
 * the fingerprint of an idempotent request.
 */
export function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? 'null';
}

/** SHA-256 of a value's canonical JSON, hex-encoded. */
export function canonicalHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
