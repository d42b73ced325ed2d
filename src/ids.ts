import { createHash } from 'node:crypto';

/**
 * A UUID that is a function of its parts: the same parts always give the
 * same id, so a retried request or a re-run seed targets the same stream and
 * the same events. SHA-256 of the parts, laid out as an RFC 9562 version 8
 * (custom) UUID; the first part names what the id is for, so ids made for
 * different purposes never collide.
 */
export function derivedUuid(purpose: string, ...parts: string[]): string {
  const bytes = createHash('sha256').update([purpose, ...parts].join('\n'), 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
