import { normaliseRank } from './vocabulary.ts';

/**
 * ActivityRecorded 1 → 2. Version 1 stored `leaderRank` exactly as the
 * office typed it; version 2 stores it in one spelling and keeps the
 * wording in `leaderTitle`, so "Vice Governor" and "vice-governor" are one
 * rank everywhere, not only where a reader remembered to normalise.
 */
export function activityRecordedV1ToV2(data: Record<string, unknown>): Record<string, unknown> {
  const { leaderRank } = data;
  if (typeof leaderRank !== 'string') return data;
  return { ...data, leaderRank: normaliseRank(leaderRank), leaderTitle: leaderRank };
}
