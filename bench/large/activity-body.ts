import type { ActivityType } from '../../commands/partnership/index.ts';
import { activity, type ActivityContext } from '../../src/demo/activities.ts';
import { fromDayNumber } from '../../src/demo/dates.ts';
import type { Random } from '../../src/demo/random.ts';
import type { Dated } from './dataset.ts';

type Mix = readonly (readonly [ActivityType, number])[];

/** Culture and delegations lead until 2019; from 2020 most exchanges moved online. */
const BEFORE_2020: Mix = [
  ['culture', 34], ['delegation_visit', 18], ['trade_investment', 11], ['education', 9], ['youth', 5], ['tourism', 5],
  ['science_technology', 4], ['health_elderly_care', 3], ['sports', 3], ['agriculture', 3], ['forum', 3], ['other', 2],
];
const FROM_2020: Mix = [
  ['online_meeting', 32], ['culture', 28], ['trade_investment', 9], ['health_elderly_care', 9], ['education', 6],
  ['forum', 5], ['science_technology', 4], ['youth', 2], ['other', 5],
];
const PORTS: Mix = [['port_logistics', 45], ['delegation_visit', 20], ['trade_investment', 20], ['forum', 10], ['culture', 5]];

/** A RecordActivity body on `day`, with the demo's titles, participants and outcomes. */
export function activityOn(rnd: Random, context: ActivityContext, day: number): Dated {
  const date = fromDayNumber(day);
  const mix = context.port ? PORTS : date >= '2020' ? FROM_2020 : BEFORE_2020;
  return activity(rnd, context, date, rnd.weighted(mix));
}
