import { createHash } from 'node:crypto';

/**
 * Name-based UUIDs (RFC 9562 version 5): the same name always gives the same
 * id, so two seeds produce the same streams and an interrupted seed can be
 * run again. The namespace keeps demo ids apart from any other v5 ids.
 */
const DEMO_NAMESPACE = Buffer.from('6f1c3e52a9d84b0e9a7d2c5b8e4f1a30', 'hex');

export function demoUuid(name: string): string {
  const hash = createHash('sha1').update(DEMO_NAMESPACE).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A fresh-id source for one command: the ids a decider mints (activity, milestone) follow from the command's key. */
export function idSequence(name: string): () => string {
  let n = 0;
  return () => demoUuid(`${name}#${n++}`);
}
