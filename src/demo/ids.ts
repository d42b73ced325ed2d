import { derivedUuid } from '../ids.ts';

/**
 * Name-based ids: the same name always gives the same id, so two seeds
 * produce the same streams and an interrupted seed can be run again.
 */
export const demoUuid = (name: string): string => derivedUuid('demo', name);

/** A fresh-id source for one command: the ids a decider mints (activity, milestone) follow from the command's key. */
export function idSequence(name: string): () => string {
  let n = 0;
  return () => demoUuid(`${name}#${n++}`);
}
