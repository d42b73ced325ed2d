import { z } from 'zod';
import {
  ACTIVITY_TYPES,
  type ActivityDirection,
  type ActivityType,
  PARTNERSHIP_KINDS,
  type PartnershipKind,
} from '../../commands/partnership/index.ts';
import { explained, jsonTable, titleTemplate, weights } from './data-files.ts';
import { dayNumber, fromDayNumber, maxDate, minDate } from './dates.ts';
import type { Random } from './random.ts';
import { REPORTING_FIRST_YEAR } from './reports.ts';
import type { Entry } from './timeline.ts';

/**
 * Exchange activities for the demo: which types, how often, their titles
 * and outcomes (`data/activities.json`).
 */

const byType = <T extends z.ZodType>(value: T) => z.record(z.enum(ACTIVITY_TYPES), value);

const Activities = z.strictObject({
  /** Weights of the activity types, by era; ports have their own. */
  mixes: explained({
    before2020: weights(z.enum(ACTIVITY_TYPES)),
    from2020: weights(z.enum(ACTIVITY_TYPES)),
    ports: weights(z.enum(ACTIVITY_TYPES)),
  }),
  /** Activities a year of a partnership, by kind: the exchanges the archives kept. */
  yearlyRate: z.record(z.enum(PARTNERSHIP_KINDS), z.number().positive()),
  /** Routine exchanges the quarterly reports list from their first year on: rates by kind, mixes, and how often one yields an outcome. */
  reported: explained({
    yearlyRate: z.record(z.enum(PARTNERSHIP_KINDS), z.number().positive()),
    before2020: weights(z.enum(ACTIVITY_TYPES)),
    from2020: weights(z.enum(ACTIVITY_TYPES)),
    outcomeScale: z.number().min(0).max(1),
  }),
  /** How lively a partnership is, as a factor on both rates: weighted levels, drawn once per partnership. */
  vitality: explained({ levels: weights(z.number().positive()) }),
  /** Titles of a signing as the quarterly reports list it: the visit it took place on, or its video ceremony. */
  signing: explained({ visit: titleTemplate(), online: titleTemplate() }),
  /**
   * Titles say who travelled: `out` means the Shandong side went abroad,
   * `in` that the partner came to Shandong; `any` fits every direction,
   * online too.
   */
  titles: byType(z.array(z.tuple([z.enum(['out', 'in', 'any']), titleTemplate()])).min(1)),
  /** Outcomes an activity may record: description and category. */
  outcomes: byType(z.array(z.tuple([z.string().min(1), z.string().min(1)])).min(1)),
  /** How likely an activity of each type is to produce a recorded outcome, and at most how many. */
  outcomeOdds: byType(z.strictObject({ chance: z.number().min(0).max(1), most: z.int().min(1) })),
  /** Ranks of the most senior leader at delegation visits, forums and trade events. */
  leaderRanks: z.array(z.string().min(1)).min(1),
});

const { mixes, yearlyRate, reported, vitality, signing, titles, outcomes, outcomeOdds, leaderRanks } = jsonTable('activities.json', Activities);

/** More culture in the 1980s, fewer exchanges in the pandemic years. */
function eraFactor(year: number): number {
  if (year < 1990) return 1.3;
  if (year === 2020) return 0.6;
  if (year === 2021) return 0.8;
  return year >= 2010 ? 1.1 : 1;
}

export interface ActivityContext {
  localName: string;
  partnerName: string;
  kind: PartnershipKind;
  port: boolean;
}

/**
 * One activity of `type` on `date`, as a RecordActivity entry; `outcomeScale`
 * scales the type's odds of a recorded outcome (routine contacts seldom have one).
 */
export function activity(rnd: Random, context: ActivityContext, date: string, type: ActivityType, outcomeScale = 1): Entry {
  const [way, template] = rnd.pick(titles[type]);
  // From 2020 most exchanges that could move online did.
  const online = type === 'online_meeting' || (way === 'any' && date >= '2020' && rnd.chance(0.7));
  const direction: ActivityDirection = online
    ? 'online'
    : way === 'out'
      ? 'outgoing'
      : way === 'in'
        ? 'incoming'
        : rnd.pick(['incoming', 'outgoing', 'joint'] as const);
  const title = template.replaceAll('{local}', context.localName).replaceAll('{partner}', context.partnerName);
  const { chance, most } = outcomeOdds[type];
  const outcomeCount = rnd.chance(chance * outcomeScale) ? rnd.int(1, most) : 0;
  const recorded = rnd
    .shuffle(outcomes[type])
    .slice(0, outcomeCount)
    .map(([description, category]) => ({ description, category }));
  const senior = type === 'delegation_visit' || type === 'forum' || type === 'trade_investment';
  return {
    date,
    body: {
      type: 'RecordActivity',
      data: {
        type,
        direction,
        title,
        participants: online ? rnd.int(5, 60) : rnd.int(8, 200),
        ...(type === 'culture' && { audience: rnd.int(3, 2000) * 100 }),
        ...(senior && rnd.chance(0.6) && { leaderRank: rnd.pick(leaderRanks) }),
        ...(recorded.length > 0 && { outcomes: recorded }),
      },
    },
  };
}

/**
 * A signing as the quarterly reports list it, from their first year on: the
 * visit on which the agreement was signed, or from 2020 its video ceremony,
 * led by whoever signed for Shandong. It has no outcome of its own: the
 * agreement is the partnership's, not an activity's.
 */
export function signingActivity(
  rnd: Random,
  context: ActivityContext,
  date: string,
  { hostedLocally, leaderRank }: { hostedLocally: boolean; leaderRank: string | undefined },
): Entry | undefined {
  if (Number(date.slice(0, 4)) < REPORTING_FIRST_YEAR) return undefined;
  const online = date >= '2020';
  const title = (online ? signing.online : signing.visit).replaceAll('{local}', context.localName).replaceAll('{partner}', context.partnerName);
  return {
    date,
    body: {
      type: 'RecordActivity',
      data: {
        type: online ? 'online_meeting' : 'delegation_visit',
        direction: online ? 'online' : hostedLocally ? 'incoming' : 'outgoing',
        title,
        participants: rnd.int(10, 60),
        ...(leaderRank !== undefined && { leaderRank }),
      },
    },
  };
}

type Mix = readonly (readonly [ActivityType, number])[];

function archivedMix(context: ActivityContext, year: number): Mix {
  if (context.port) return mixes.ports;
  return year >= 2020 ? mixes.from2020 : mixes.before2020;
}

function reportedMix(context: ActivityContext, year: number): Mix {
  if (context.port) return mixes.ports;
  return year >= 2020 ? reported.from2020 : reported.before2020;
}

/**
 * Activities spread over the active windows, year by year: the exchanges
 * the archives kept since signing, and from the quarterly reports' first
 * year the routine ones they list. A partnership's vitality, drawn once,
 * scales both.
 */
export function activitiesIn(rnd: Random, context: ActivityContext, windows: readonly [string, string][]): Entry[] {
  const lively = rnd.weighted(vitality.levels);
  const entries: Entry[] = [];
  const spread = (fromYear: number, rate: (year: number) => number, mix: (year: number) => Mix, outcomeScale: number) => {
    for (const [from, to] of windows) {
      if (to < from) continue;
      for (let y = Math.max(fromYear, Number(from.slice(0, 4))); y <= Number(to.slice(0, 4)); y++) {
        const start = maxDate(from, `${y}-01-01`);
        const end = minDate(to, `${y}-12-31`);
        const share = (dayNumber(end) - dayNumber(start) + 1) / 365;
        const expected = rate(y) * lively * share;
        const count = Math.floor(expected) + (rnd.chance(expected % 1) ? 1 : 0);
        for (let i = 0; i < count; i++) {
          const date = fromDayNumber(rnd.int(dayNumber(start), dayNumber(end)));
          entries.push(activity(rnd, context, date, rnd.weighted(mix(y)), outcomeScale));
        }
      }
    }
  };
  spread(Number.NEGATIVE_INFINITY, (y) => yearlyRate[context.kind] * eraFactor(y), (y) => archivedMix(context, y), 1);
  spread(REPORTING_FIRST_YEAR, () => reported.yearlyRate[context.kind], (y) => reportedMix(context, y), reported.outcomeScale);
  return entries;
}
