import type { ActivityDirection, ActivityType, PartnershipKind } from '../../commands/partnership/index.ts';
import { dayNumber, fromDayNumber, maxDate, minDate } from './dates.ts';
import type { Random } from './random.ts';
import type { Entry } from './timeline.ts';

/**
 * Exchange activities for the demo. Culture dominates, as in the office's
 * own reporting (600+ cultural events over 40 years); from 2020 most
 * exchanges moved online.
 */

type Mix = readonly (readonly [ActivityType, number])[];

const BEFORE_2020: Mix = [
  ['culture', 40], ['delegation_visit', 15], ['trade_investment', 9], ['education', 8], ['youth', 5],
  ['health_elderly_care', 3], ['science_technology', 4], ['tourism', 4], ['sports', 3], ['agriculture', 3],
  ['forum', 3], ['port_logistics', 1], ['other', 2],
];

const FROM_2020: Mix = [
  ['online_meeting', 30], ['culture', 32], ['trade_investment', 8], ['education', 6], ['health_elderly_care', 8],
  ['youth', 3], ['forum', 4], ['science_technology', 3], ['other', 6],
];

const PORTS: Mix = [['port_logistics', 45], ['delegation_visit', 20], ['trade_investment', 20], ['forum', 10], ['culture', 5]];

/** Yearly activity rate of a partnership, by kind. */
const RATE: Readonly<Record<PartnershipKind, number>> = { sister: 0.21, friendly_cooperation: 0.15, institutional: 0.17 };

/** More culture in the 1980s, fewer exchanges in the pandemic years. */
function eraFactor(year: number): number {
  if (year < 1990) return 1.3;
  if (year === 2020) return 0.6;
  if (year === 2021) return 0.8;
  return year >= 2010 ? 1.1 : 1;
}

/**
 * Titles say who travelled: `out` means the Shandong side went abroad, `in`
 * that the partner came to Shandong; `any` fits every direction, online too.
 */
type Title = readonly ['out' | 'in' | 'any', string];

const TITLES: Readonly<Record<ActivityType, readonly Title[]>> = {
  culture: [
    ['out', '{local} art troupe performs in {partner}'],
    ['in', '{partner} photo exhibition in {local}'],
    ['out', 'Confucius culture week in {partner}'],
    ['any', 'Spring Festival celebration with {partner}'],
    ['any', '{local}–{partner} calligraphy and painting exhibition'],
    ['out', 'Shandong intangible heritage showcase in {partner}'],
    ['in', '{partner} cultural delegation at the {local} culture festival'],
    ['in', '{partner} film week in {local}'],
    ['any', 'Friendship anniversary concert with {partner}'],
    ['any', 'Traditional crafts exchange with {partner}'],
    ['out', 'Kite culture exhibition in {partner}'],
    ['in', '{partner} museum treasures on show in {local}'],
  ],
  delegation_visit: [['out', '{local} government delegation visits {partner}'], ['in', '{partner} delegation visits {local}']],
  trade_investment: [
    ['in', '{partner} investment promotion seminar in {local}'],
    ['out', '{local} products fair in {partner}'],
    ['any', 'Business matchmaking with {partner} companies'],
  ],
  education: [
    ['any', 'Student exchange programme with {partner}'],
    ['out', 'Sister-school visit to {partner}'],
    ['any', 'Teacher exchange with {partner}'],
  ],
  youth: [['any', 'Youth summer camp with {partner}'], ['any', 'Youth friendship exchange with {partner}']],
  health_elderly_care: [['any', 'Elderly-care cooperation seminar with {partner}'], ['any', 'Medical team exchange with {partner}']],
  science_technology: [['any', 'Science park cooperation talks with {partner}'], ['any', 'Joint research workshop with {partner}']],
  tourism: [['out', '{local} tourism promotion in {partner}'], ['in', '{partner} tour operators visit {local}']],
  sports: [['any', 'Friendship football match with {partner}'], ['in', '{partner} runners at the {local} marathon']],
  agriculture: [['any', 'Agricultural technology exchange with {partner}'], ['in', 'Modern agriculture study visit from {partner}']],
  port_logistics: [['any', 'Port and logistics cooperation talks with {partner}'], ['any', 'New shipping service linking {local} and {partner}']],
  forum: [['any', 'Friendship-city forum with {partner}'], ['in', '{partner} at the Shandong friendship cities conference']],
  online_meeting: [['any', 'Video meeting with {partner} on cooperation'], ['any', 'Online exchange with {partner}']],
  other: [['any', 'Friendship tree planting with {partner}'], ['any', 'Disaster-relief donation exchanged with {partner}']],
};

const OUTCOMES: Readonly<Record<ActivityType, readonly (readonly [string, string])[]>> = {
  culture: [['Annual culture exchange programme agreed', 'agreement'], ['Museum loan agreement', 'agreement'], ['Joint exhibition planned for next year', 'plan']],
  delegation_visit: [['Memorandum of cooperation signed', 'agreement'], ['Exchange plan for the coming year agreed', 'plan']],
  trade_investment: [['Investment agreement signed', 'investment'], ['Trade orders placed', 'trade'], ['Chambers of commerce sign a cooperation memorandum', 'agreement']],
  education: [['Sister-school agreement signed', 'agreement'], ['Scholarship places agreed', 'education']],
  youth: [['Annual youth exchange agreed', 'plan']],
  health_elderly_care: [['Elderly-care training programme agreed', 'agreement'], ['Hospital cooperation agreement', 'agreement']],
  science_technology: [['Joint laboratory agreed', 'agreement'], ['Technology transfer contract', 'investment']],
  tourism: [['Tourism promotion agreement', 'agreement'], ['Charter flights arranged', 'trade']],
  sports: [['Annual sports exchange agreed', 'plan']],
  agriculture: [['Demonstration farm cooperation agreed', 'agreement'], ['Seed and technology trial agreed', 'agreement']],
  port_logistics: [['Shipping route opened', 'trade'], ['Port cooperation agreement', 'agreement']],
  forum: [['Joint declaration adopted', 'agreement']],
  online_meeting: [['Follow-up cooperation list agreed', 'plan']],
  other: [['Friendship monument dedicated', 'other']],
};

/** How likely an activity of each type is to produce a recorded outcome, and at most how many. */
const OUTCOME_ODDS: Readonly<Record<ActivityType, readonly [number, number]>> = {
  culture: [0.35, 1], delegation_visit: [0.55, 2], trade_investment: [0.75, 2], education: [0.45, 1], youth: [0.3, 1],
  health_elderly_care: [0.45, 1], science_technology: [0.5, 2], tourism: [0.35, 1], sports: [0.2, 1],
  agriculture: [0.45, 1], port_logistics: [0.6, 2], forum: [0.4, 1], online_meeting: [0.3, 1], other: [0.2, 1],
};

const LEADERS = ['governor', 'vice-governor', 'mayor', 'vice-mayor', 'director-general', 'party secretary'] as const;

export interface ActivityContext {
  localName: string;
  partnerName: string;
  kind: PartnershipKind;
  port: boolean;
}

/** One activity of `type` on `date`, as a RecordActivity entry. */
export function activity(rnd: Random, context: ActivityContext, date: string, type: ActivityType): Entry {
  const [way, template] = rnd.pick(TITLES[type]);
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
  const [odds, most] = OUTCOME_ODDS[type];
  const outcomeCount = rnd.chance(odds) ? rnd.int(1, most) : 0;
  const outcomes = rnd
    .shuffle(OUTCOMES[type])
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
        ...(senior && rnd.chance(0.6) && { leaderRank: rnd.pick(LEADERS) }),
        ...(outcomes.length > 0 && { outcomes }),
      },
    },
  };
}

function mixFor(context: ActivityContext, year: number): Mix {
  if (context.port) return PORTS;
  return year >= 2020 ? FROM_2020 : BEFORE_2020;
}

/** Activities spread over the active windows, year by year. */
export function activitiesIn(rnd: Random, context: ActivityContext, windows: readonly [string, string][]): Entry[] {
  const entries: Entry[] = [];
  for (const [from, to] of windows) {
    if (to < from) continue;
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
      const start = maxDate(from, `${y}-01-01`);
      const end = minDate(to, `${y}-12-31`);
      const share = (dayNumber(end) - dayNumber(start) + 1) / 365;
      const expected = RATE[context.kind] * eraFactor(y) * share;
      const count = Math.floor(expected) + (rnd.chance(expected % 1) ? 1 : 0);
      for (let i = 0; i < count; i++) {
        const date = fromDayNumber(rnd.int(dayNumber(start), dayNumber(end)));
        entries.push(activity(rnd, context, date, rnd.weighted(mixFor(context, y))));
      }
    }
  }
  return entries;
}
