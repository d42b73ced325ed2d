import { PROJECT_SECTORS } from '../../commands/project/index.ts';
import type { ActivityContext } from '../../src/demo/activities.ts';
import { addDays, dayNumber, DEMO_END, randomDate } from '../../src/demo/dates.ts';
import { demoUuid } from '../../src/demo/ids.ts';
import { localName, officeOf } from '../../src/demo/local-sides.ts';
import { createRandom, type Random } from '../../src/demo/random.ts';
import { PathBuilder, type Stage } from '../../src/demo/timeline.ts';
import { drawParties } from './parties.ts';
import { partnerNameEn } from '../../commands/partnership/index.ts';

export interface LargeParams {
  /** Events in the finished store; activities make up what the lifecycles leave. */
  events: number;
  partnerships: number;
  projects: number;
  seed: string;
}

export const LARGE_DEFAULTS: LargeParams = { events: 1_000_000, partnerships: 10_000, projects: 300, seed: 'bench-large-v1' };

/** A command body with its fact date, not yet aimed at its aggregate. */
export interface Dated {
  date: string;
  body: { type: string; data: object };
}

/** One stream's commands, in date order: the steps before its activities, the activities' days, the steps after. */
export interface StreamPlan {
  aggregate: 'partnership' | 'project';
  id: string;
  office: string;
  status: string;
  before: Dated[];
  activityDays: number[];
  after: Dated[];
  /** For activity titles and types. */
  context?: ActivityContext;
  /** Activities may fall in [from, to] (day numbers); weight: how many it gets relative to others. */
  window?: { from: number; to: number; weight: number };
}

const FATES: readonly (readonly [string, number])[] = [
  ['active', 70.5], ['dormant', 9], ['terminated', 1], ['withdrawn', 1.5],
  ['candidate', 5.4], ['in_contact', 5], ['intent_signed', 3.6], ['under_review', 2.5], ['approved', 1.5],
];

/** Most ties still running today were signed between the 1990s and the 2010s. */
const SIGNED_YEARS = Array.from({ length: 32 }, (_, i) => [1990 + i, 1990 + i < 2000 ? 2 : 1990 + i < 2016 ? 3 : 1.5] as const);

const year = (date: string) => Number(date.slice(0, 4));

function signedOn(rnd: Random, latestYear: number): string {
  const y = Math.min(latestYear, rnd.weighted(SIGNED_YEARS));
  return randomDate(rnd, `${y}-01-01`, `${y}-12-31`);
}

function planPartnership(rnd: Random, id: string): StreamPlan {
  const parties = drawParties(rnd);
  const path = new PathBuilder(rnd, parties);
  const sister = parties.kind === 'sister';
  let fate = rnd.weighted(FATES);
  if (!sister && (fate === 'under_review' || fate === 'approved')) fate = 'intent_signed';
  const port = parties.partner.level === 'institution' && /port/i.test(partnerNameEn(parties.partner));
  const context: ActivityContext = { localName: localName(parties.local), partnerName: partnerNameEn(parties.partner), kind: parties.kind, port };
  const base = { aggregate: 'partnership' as const, id, office: officeOf(parties.local.divisionCode), status: fate, activityDays: [], after: [] };
  const options = { contact: rnd.chance(0.6), rejection: sister && rnd.chance(0.08) };

  if (fate === 'withdrawn') {
    const lastOn = randomDate(rnd, '2005-01-01', '2019-06-30');
    const before = path.pipeline(rnd.pick(['candidate', 'in_contact'] as const), lastOn, options);
    const withdrawnOn = addDays(lastOn, rnd.int(120, 700));
    const withdraw = { type: 'WithdrawProposal', data: { reason: 'The partner side no longer pursues the tie' } };
    return { ...base, before: [...before, { date: withdrawnOn, body: withdraw }] };
  }
  if (fate !== 'active' && fate !== 'dormant' && fate !== 'terminated') {
    return { ...base, before: path.pipeline(fate as Stage, randomDate(rnd, '2016-01-01', DEMO_END), options) };
  }

  const signed = signedOn(rnd, fate === 'active' ? 2021 : fate === 'dormant' ? 2016 : 2015);
  const before = path.signed(signed, options);
  const from = dayNumber(addDays(signed, 14));
  // Older ties have more activities, though not in proportion: many quieten after their first decade.
  const factor = 0.6 + 0.8 * rnd.next();
  if (fate === 'active') {
    const to = dayNumber(DEMO_END);
    return { ...base, before, context, window: { from, to, weight: Math.sqrt(Math.max(0, to - from) / 365) * factor } };
  }
  const endedOn = randomDate(rnd, addDays(signed, fate === 'dormant' ? 4 * 365 : 5 * 365), '2021-11-30');
  // Dormancy is marked once two years passed without activity; a termination follows a quiet year.
  const to = dayNumber(addDays(endedOn, fate === 'dormant' ? -740 : -365));
  const body =
    fate === 'dormant'
      ? { type: 'MarkDormant', data: { reason: 'No exchanges for more than two years' } }
      : { type: 'TerminatePartnership', data: { reason: 'Both sides agreed to end the relationship' } };
  return { ...base, before, context, window: { from, to, weight: Math.sqrt(Math.max(0, to - from) / 365) * factor }, after: [{ date: endedOn, body }] };
}

const PROJECT_STATUSES: readonly (readonly [string, number])[] = [['planned', 40], ['started', 20], ['completed', 30], ['cancelled', 10]];

function planProject(rnd: Random, id: string, signed: readonly StreamPlan[]): StreamPlan {
  const main = rnd.pick(signed);
  const signedDay = main.before.at(-1)?.date ?? '2000-01-01';
  const plannedOn = randomDate(rnd, addDays(signedDay, 180) > '1995-01-01' ? addDays(signedDay, 180) : '1995-01-01', '2021-10-31');
  const status = rnd.weighted(PROJECT_STATUSES);
  const sector = rnd.pick(PROJECT_SECTORS);
  const plannedStart = addDays(plannedOn, rnd.int(30, 240));
  const lead = main.context?.localName ?? 'Shandong';
  const plan = {
    title: `${lead}–${main.context?.partnerName ?? 'partner'} ${sector.replaceAll('_', ' ')} project`,
    sector,
    partnershipIds: [main.id],
    leadOffice: main.office,
    plannedStart,
    plannedEnd: addDays(plannedStart, rnd.int(180, 1000)),
    ...(rnd.chance(0.65) && { budget: { amount: rnd.int(20, 5000) * 10_000, currency: 'CNY' } }),
    notes: 'Benchmark data.',
  };
  const before: Dated[] = [{ date: plannedOn, body: { type: 'PlanProject', data: plan } }];
  if (status !== 'planned') {
    const startedOn = randomDate(rnd, addDays(plannedOn, 20), addDays(plannedOn, 40));
    before.push({ date: startedOn, body: { type: 'StartProject', data: {} } });
    const endOn = randomDate(rnd, addDays(startedOn, 30), addDays(startedOn, 900));
    if (status === 'completed' && endOn <= DEMO_END) before.push({ date: endOn, body: { type: 'CompleteProject', data: { summary: 'Delivered.' } } });
    if (status === 'cancelled' && endOn <= DEMO_END) before.push({ date: endOn, body: { type: 'CancelProject', data: { reason: 'Funding was withdrawn' } } });
  }
  return { aggregate: 'project', id, office: main.office, status, before, activityDays: [], after: [] };
}

/** Shares `count` out by weight, whole numbers that add up exactly (largest remainders). */
export function apportion(weights: readonly number[], count: number): number[] {
  const usable = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const total = usable.reduce((sum, w) => sum + w, 0);
  if (total <= 0) return usable.map(() => 0);
  const exact = usable.map((w) => (w / total) * count);
  const shares = exact.map(Math.floor);
  let left = count - shares.reduce((sum, n) => sum + n, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
  }
  return shares;
}

/** The whole store as plans; deterministic for given parameters. */
export function planLargeStore(params: LargeParams): StreamPlan[] {
  const rnd = createRandom(params.seed);
  const uuid = (name: string) => demoUuid(`${params.seed}/${name}`);
  const partnerships = Array.from({ length: params.partnerships }, (_, n) => planPartnership(rnd.fork(`partnership/${n}`), uuid(`partnership/${n}`)));
  const signed = partnerships.filter((p) => p.window !== undefined && year(p.before.at(-1)?.date ?? '') <= 2019);
  const projects = Array.from({ length: params.projects }, (_, n) => planProject(rnd.fork(`project/${n}`), uuid(`project/${n}`), signed));
  const streams = [...partnerships, ...projects];
  const steps = streams.reduce((sum, s) => sum + s.before.length + s.after.length, 0);
  if (steps > params.events) throw new Error(`${params.events} events leave no room for activities after ${steps} lifecycle steps`);
  const counts = apportion(streams.map((s) => Math.max(0, s.window?.weight ?? 0)), params.events - steps);
  streams.forEach((stream, i) => {
    const window = stream.window;
    if (window === undefined || window.to < window.from) return;
    const days = rnd.fork(`days/${stream.id}`);
    stream.activityDays = Array.from({ length: counts[i] ?? 0 }, () => days.int(window.from, window.to)).sort((a, b) => a - b);
  });
  return streams;
}
