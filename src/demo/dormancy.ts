import type { ActivityType } from '../../commands/partnership/index.ts';
import { activity } from './activities.ts';
import { addDays, addYears, DEMO_END, maxDate, minDate, randomDate } from './dates.ts';
import { CAMPAIGN_ID, type Dormancy, type Draft } from './draft.ts';
import type { Random } from './random.ts';

/**
 * Dormancy among older synthetic ties. Those dormant when the 2021 campaign
 * started are enrolled in it; some are revived by a Reactivate that credits
 * the campaign, some by a first activity after years (which revives them by
 * itself), some are still dormant on the demo's day.
 */
export function assignDormancy(rnd: Random, drafts: Draft[]): void {
  const eligible = rnd.shuffle(drafts.filter((d) => d.plan.signedOn !== undefined && d.plan.signedOn < '2016-01-01'));
  // The group with the earliest cut-off picks first, while ties old enough for it are still free.
  const groups: readonly (readonly [Dormancy, number])[] = [
    ['revived-before-2021', 10],
    ['revived-by-campaign', 20],
    ['revived-by-activity', 16],
    ['still-dormant-enrolled', 24],
    ['still-dormant', 22],
  ];
  const taken = new Set<Draft>();
  for (const [dormancy, count] of groups) {
    // Dormancy starts three years after signing at the earliest, and before the group's cut-off.
    const latestSigning = addYears(DORMANT_BY[dormancy], -3.2);
    const chosen = eligible.filter((d) => !taken.has(d) && (d.plan.signedOn as string) < latestSigning).slice(0, count);
    if (chosen.length < count) throw new Error(`not enough older partnerships to make ${count} ${dormancy}`);
    chosen.forEach((draft, i) => {
      taken.add(draft);
      makeDormant(rnd.fork(draft.plan.key), draft, dormancy, i);
    });
  }
}

/** The latest day each kind of dormancy may begin. */
const DORMANT_BY: Readonly<Record<Dormancy, string>> = {
  'revived-by-campaign': '2020-10-31',
  'revived-by-activity': '2020-10-31',
  'still-dormant-enrolled': '2020-10-31',
  'still-dormant': '2020-12-31',
  'revived-before-2021': '2013-12-31',
};

const DORMANCY_REASONS = [
  'No exchanges for several years',
  "The partner's international office was closed",
  'Contacts lapsed after a change of leadership on the partner side',
  'No activity since the last delegation visit',
];

function makeDormant(rnd: Random, draft: Draft, dormancy: Dormancy, index: number): void {
  const signedOn = draft.plan.signedOn as string;
  const reason = rnd.pick(DORMANCY_REASONS);
  const dormantFrom = (from: string, to: string) => randomDate(rnd, maxDate(from, addYears(signedOn, 3)), to);
  let since: string;
  switch (dormancy) {
    case 'revived-before-2021':
      since = dormantFrom('1998-01-01', DORMANT_BY[dormancy]);
      break;
    case 'still-dormant':
      // Half went quiet long ago; half were marked dormant during the 2021 review.
      since = index % 2 === 0 ? dormantFrom('2010-01-01', DORMANT_BY[dormancy]) : randomDate(rnd, '2021-05-01', '2021-11-30');
      break;
    default:
      since = dormantFrom('2010-01-01', DORMANT_BY[dormancy]);
  }
  draft.plan.dormancy = dormancy;
  draft.lifecycle.push({ date: since, body: { type: 'MarkDormant', data: { reason } } });
  const before: [string, string] = [addDays(signedOn, 14), addDays(since, -90)];

  const enrolled = dormancy === 'revived-by-campaign' || dormancy === 'revived-by-activity' || dormancy === 'still-dormant-enrolled';
  if (enrolled) draft.plan.enrolledOn = randomDate(rnd, '2021-03-22', '2021-04-30');
  const revivedOn = enrolled ? randomDate(rnd, addDays(draft.plan.enrolledOn as string, 14), DEMO_END) : undefined;

  if (dormancy === 'revived-by-campaign' && revivedOn !== undefined) {
    const data = { campaignId: CAMPAIGN_ID, reason: 'Revived under the Activate Friendship Cities campaign' };
    draft.lifecycle.push({ date: revivedOn, body: { type: 'Reactivate', data } });
    draft.windows = [before, [addDays(revivedOn, 1), DEMO_END]];
  } else if (dormancy === 'revived-by-activity' && revivedOn !== undefined) {
    const type: ActivityType = rnd.pick(['online_meeting', 'delegation_visit', 'culture'] as const);
    draft.lifecycle.push(activity(rnd, draft.context, revivedOn, type));
    draft.windows = [before, [addDays(revivedOn, 1), DEMO_END]];
  } else if (dormancy === 'revived-before-2021') {
    const back = randomDate(rnd, addYears(since, 2), minDate(addYears(since, 6), '2019-12-31'));
    draft.lifecycle.push({ date: back, body: { type: 'Reactivate', data: { reason: 'Exchanges resumed' } } });
    draft.windows = [before, [addDays(back, 1), DEMO_END]];
  } else {
    draft.windows = [before];
  }
}

