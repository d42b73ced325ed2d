import { z } from 'zod';
import { chinaInstant, chinaToday, isBareDate } from '../../commands/shared/dates.ts';
import type { ReadViews } from '../../projections/index.ts';
import { awaitMinPosition } from './read-models.ts';
import { dateOrInstant, MinPosition } from './schemas.ts';
import type { RouteServices } from './services.ts';

/** The two time axes every dashboard can be read on, and read-your-writes. */
export const TimeTravel = {
  asOf: z.iso
    .date()
    .optional()
    .describe(
      'Things as the records say they stood at the end of this day (China time), by the facts’ own dates: statuses, counts, ' +
        'stages and days in stage, dormancy and evaluation judged with this day as "today"; facts dated later do not count ' +
        'even if entered earlier. Default: today, or the day of `knownAt`.',
    ),
  knownAt: dateOrInstant()
    .optional()
    .describe(
      'The same as the ledger knew it at this moment: only events recorded by then (a bare date is the end of that day, China ' +
        'time). Combinable with asOf.',
    ),
  ...MinPosition,
};

export interface TimeTravelQuery {
  asOf?: string | undefined;
  knownAt?: string | undefined;
  minPosition?: string | undefined;
}

/** The views a query reads and the day it is for. */
export interface ReadAt {
  views: ReadViews;
  day: string;
}

/**
 * The views to answer from: the current ones (after waiting for
 * `minPosition`), or those built from the events recorded by `knownAt`;
 * and the day: `asOf`, else the day of `knownAt`, else today in China.
 */
export async function readAt(services: Pick<RouteServices, 'readSide' | 'clock' | 'minPositionWaitMs'>, query: TimeTravelQuery): Promise<ReadAt> {
  await awaitMinPosition(services.readSide, query, services.minPositionWaitMs);
  if (query.knownAt === undefined) {
    return { views: services.readSide.views(), day: query.asOf ?? chinaToday(services.clock()) };
  }
  const instant = chinaInstant(query.knownAt, 'end');
  const knownDay = isBareDate(query.knownAt) ? query.knownAt : chinaToday(query.knownAt);
  return { views: await services.readSide.viewsKnownAt(instant), day: query.asOf ?? knownDay };
}
