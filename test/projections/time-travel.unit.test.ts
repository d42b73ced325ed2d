/**
 * The views answer as of any day exactly what a brute-force recomputation
 * over the events answers: every stream's events dated on or before the day,
 * folded with the write side's own `evolve`, counted by hand. Random
 * histories come from random commands run through the real deciders (a
 * command the decider refuses is skipped), with activities often entered
 * late and out of order.
 */
import fc from 'fast-check';
import t from 'tap';
import type { DecideContext } from '../../commands/decider.ts';
import {
  ACTIVITY_TYPES,
  COUNTED_STATUSES,
  type Partnership,
  type PartnershipCommand,
  partnershipDecider,
  type PartnershipEvent,
  type PartnershipState,
  PIPELINE_STATUSES,
} from '../../commands/partnership/index.ts';
import { DomainError } from '../../commands/errors.ts';
import {
  activityTimeline,
  dormancyIndicator,
  type ProjectedEvent,
  overview,
  pipeline,
  quarterlyReport,
  registerProjection,
  registerQuery,
} from '../../projections/index.ts';
import { addDays, addMonths, latest } from '../../projections/shared/dates.ts';
import { countryView } from '../../projections/shared/country-views.ts';
import { fold } from '../commands/spec.ts';
import { incrementalView, viewOf, viewsOf } from './ledger.ts';
import { eventLog } from './spec.ts';

const COUNTRIES = ['JP', 'KR', 'RU', 'TH', 'DE', 'US', 'KZ'];
const LOCALS = ['370000', '370200', '370100', '370211', '371000'];
const day = (n: number) => addDays('2012-01-01', n);

const action = fc.record({
  kind: fc.constantFrom('activity', 'activity', 'activity', 'late-activity', 'late-activity', 'dormant', 'reactivate', 'terminate', 'withdraw'),
  gap: fc.integer({ min: 0, max: 400 }),
  back: fc.integer({ min: 1, max: 900 }),
  type: fc.constantFrom(...ACTIVITY_TYPES),
  outcomes: fc.integer({ min: 0, max: 3 }),
  campaign: fc.boolean(),
});

/** How far the lifecycle gets before the rest: 0 a candidate … 4 signed; most get signed. */
const partnership = fc.record({
  kind: fc.constantFrom('sister', 'friendly_cooperation', 'institutional'),
  local: fc.constantFrom(...LOCALS),
  country: fc.constantFrom(...COUNTRIES),
  start: fc.integer({ min: 0, max: 3000 }),
  reach: fc.constantFrom(0, 1, 2, 3, 4, 4, 4, 4),
  steps: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 8, maxLength: 8 }),
  actions: fc.array(action, { maxLength: 14 }),
});

type Plan = {
  kind: string;
  local: string;
  country: string;
  start: number;
  reach: number;
  steps: number[];
  actions: (typeof action extends fc.Arbitrary<infer A> ? A : never)[];
};

/** Runs a plan's commands through the decider; the refused ones are skipped, as an office would be told no. */
function history(plans: Plan[]): ProjectedEvent[] {
  const log = eventLog();
  let ids = 0;
  plans.forEach((plan, n) => {
    const id = `00000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`;
    const events: PartnershipEvent[] = [];
    let date = day(plan.start);
    const decide = (type: string, data: Record<string, unknown>, on: string) => {
      const state = fold(partnershipDecider, events);
      const context: DecideContext = { now: '2024-12-31T02:00:00.000Z', newId: () => `00000000-0000-4000-a000-${String(++ids).padStart(12, '0')}` };
      try {
        const made = partnershipDecider.decide({ type, id, data: { ...data, date: on } } as PartnershipCommand, state, context);
        events.push(...made);
        log.append(`partnership-${id}`, made);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    };
    decide('ProposePartnership', { local: plan.local === '370211' ? { divisionCode: '370211', nameEn: 'Huangdao' } : { divisionCode: plan.local }, partner: { nameEn: `Partner ${n}`, country: plan.country, level: 'city' }, kind: plan.kind }, date);
    const next = (i: number) => (date = addDays(date, plan.steps[i] ?? 30));
    if (plan.reach >= 1) decide('RecordContact', {}, next(0));
    if (plan.reach >= 2) decide('SignLetterOfIntent', {}, next(1));
    if (plan.reach >= 3) {
      for (const level of (fold(partnershipDecider, events) as Partnership).approvals.required) {
        decide('RequestApproval', { level }, next(2));
        decide('RecordApprovalDecision', { level, decision: 'granted', reference: `${level}-${n}` }, next(3));
      }
    }
    if (plan.reach >= 4) decide('SignAgreement', { place: 'Jinan', signatories: [{ side: 'local', name: 'A' }] }, next(4));
    for (const step of plan.actions) {
      date = addDays(date, step.gap);
      if (date > '2024-12-30') break;
      switch (step.kind) {
        case 'activity':
        case 'late-activity': {
          const on = step.kind === 'activity' ? date : addDays(date, -step.back);
          decide('RecordActivity', { type: step.type, direction: 'joint', title: 'x', participants: 1, outcomes: Array.from({ length: step.outcomes }, () => ({ description: 'o' })) }, on);
          break;
        }
        case 'dormant':
          decide('MarkDormant', { reason: 'quiet' }, date);
          break;
        case 'reactivate':
          decide('Reactivate', step.campaign ? { campaignId: '00000000-0000-4000-b000-000000000001' } : {}, date);
          break;
        case 'terminate':
          decide('TerminatePartnership', { reason: 'ended', reference: `Z-${n}` }, date);
          break;
        case 'withdraw':
          decide('WithdrawProposal', { reason: 'gone' }, date);
          break;
      }
    }
  });
  return log.events;
}

interface Brute {
  states: Partnership[];
  activities: { date: string; type: string; outcomes: number; office: string }[];
  reactivations: Map<string, string[]>;
}

/** Every stream's events dated on or before the day, folded with the write side's `evolve`. */
function bruteForce(events: readonly ProjectedEvent[], asOf: string): Brute {
  const streams = new Map<string, ProjectedEvent[]>();
  for (const event of events) if (String(event.data.date) <= asOf) streams.set(event.stream, [...(streams.get(event.stream) ?? []), event]);
  const states: Partnership[] = [];
  const activities: Brute['activities'] = [];
  const reactivations = new Map<string, string[]>();
  for (const stream of streams.values()) {
    const state = stream.reduce<PartnershipState>((s, e) => partnershipDecider.evolve(s, { type: e.type, data: e.data } as PartnershipEvent), partnershipDecider.initialState);
    if (state.status === 'none') continue;
    states.push(state);
    for (const event of stream) {
      if (event.type === 'ActivityRecorded') {
        activities.push({ date: String(event.data.date), type: String(event.data.type), outcomes: (event.data.outcomes as unknown[]).length, office: state.local.cityCode });
      }
      if (event.type === 'PartnershipReactivated') reactivations.set(state.id, [...(reactivations.get(state.id) ?? []), String(event.data.date)]);
    }
  }
  return { states, activities, reactivations };
}

const tally = (values: readonly string[]) => values.reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});
const nonZero = (record: Record<string, number>) => Object.fromEntries(Object.entries(record).filter(([, n]) => n !== 0));
const COUNTED = new Set<string>(COUNTED_STATUSES);
const PIPELINE = new Set<string>(PIPELINE_STATUSES);

function expectedOverview(brute: Brute, asOf: string) {
  const counted = brute.states.filter((s) => COUNTED.has(s.status));
  const cutoff = addMonths(asOf, -24);
  const quiet = brute.states.filter((s) => {
    if (s.status !== 'active') return false;
    const contact = latest(s.lastActivityOn, s.signedOn, brute.reactivations.get(s.id)?.at(-1));
    return contact !== null && contact <= cutoff;
  });
  return {
    relationships: counted.length,
    byStatus: tally(brute.states.map((s) => s.status)),
    byKind: tally(counted.map((s) => s.kind)),
    byCountry: tally(counted.map((s) => s.partner.country)),
    byOffice: tally(counted.map((s) => s.local.cityCode)),
    bySignedYear: tally(counted.map((s) => (s.signedOn as string).slice(0, 4))),
    candidates: brute.states.filter((s) => PIPELINE.has(s.status)).length,
    activities: brute.activities.length,
    outcomes: brute.activities.reduce((sum, a) => sum + a.outcomes, 0),
    dormantIndicator: quiet.length,
    beltAndRoad: counted.filter((s) => countryView(s.partner.country, asOf).groups.includes('BRI')).length,
  };
}

function actualOverview(answer: ReturnType<typeof overview>) {
  return {
    relationships: answer.relationships,
    byStatus: nonZero(answer.byStatus),
    byKind: nonZero(answer.byKind),
    byCountry: Object.fromEntries(answer.byCountry.map((c) => [c.country, c.count])),
    byOffice: Object.fromEntries(answer.byOffice.filter((o) => o.count > 0).map((o) => [o.office, o.count])),
    bySignedYear: Object.fromEntries(answer.bySignedYear.map((y) => [String(y.year), y.count])),
    candidates: answer.candidates,
    activities: answer.activities,
    outcomes: answer.outcomes,
    dormantIndicator: answer.dormantIndicator,
    beltAndRoad: answer.byGroup.BRI.pairs,
  };
}

const sorted = (ids: readonly string[]) => [...ids].sort();

t.test('as of any day, the views answer what a fold of the facts dated by then answers', async (t) => {
  let checked = 0;
  let counted = 0;
  let quiet = 0;
  let late = 0;
  fc.assert(
    fc.property(fc.array(partnership, { minLength: 2, maxLength: 10 }), fc.array(fc.integer({ min: 0, max: 4800 }), { minLength: 2, maxLength: 5 }), (plans, days) => {
      const events = history(plans as Plan[]);
      const views = viewsOf(events);
      for (const asOf of days.map(day)) {
        const brute = bruteForce(events, asOf);
        t.strictSame(actualOverview(overview(views, { day: asOf })), expectedOverview(brute, asOf), `overview on ${asOf}`);
        for (const status of ['active', 'dormant', 'candidate', 'terminated'] as const) {
          const listed = registerQuery(views.register, { day: asOf, status, pageSize: 200 }).items.map((row) => row.id);
          t.strictSame(sorted(listed), sorted(brute.states.filter((s) => s.status === status).map((s) => s.id)), `register status=${status} on ${asOf}`);
        }
        const rows = registerQuery(views.register, { day: asOf, pageSize: 200 });
        t.equal(rows.total, brute.states.length, `register total on ${asOf}`);
        for (const row of rows.items) {
          const state = brute.states.find((s) => s.id === row.id) as Partnership;
          t.match(row, { status: state.status, statusSince: state.statusSince, kind: state.kind, signedOn: state.signedOn, lastActivityOn: state.lastActivityOn, activityCount: state.activityCount, outcomeCount: state.outcomeCount }, `row ${row.id} on ${asOf}`);
        }
        t.strictSame(sorted(pipeline(views.register, { day: asOf }).items.map((i) => i.id)), sorted(brute.states.filter((s) => PIPELINE.has(s.status)).map((s) => s.id)), `pipeline on ${asOf}`);
        t.equal(dormancyIndicator(views.register, { day: asOf, months: 24 }).count, expectedOverview(brute, asOf).dormantIndicator, `dormancy on ${asOf}`);
        const from = addMonths(asOf, -18);
        const timeline = activityTimeline(views.register, { day: asOf, from, type: 'culture', pageSize: 200 });
        const culture = brute.activities.filter((a) => a.type === 'culture' && a.date >= from);
        t.equal(timeline.total, culture.length, `timeline total on ${asOf}`);
        t.equal(timeline.items.length, culture.length, `timeline items on ${asOf}`);
        t.ok(timeline.items.every((item, i) => i === 0 || item.date <= (timeline.items[i - 1]?.date ?? '')), 'newest first');
        checked++;
        counted += brute.states.filter((s) => COUNTED.has(s.status)).length;
        quiet += expectedOverview(brute, asOf).dormantIndicator;
      }
      late += events.filter((e, i) => i > 0 && e.stream === events[i - 1]?.stream && String(e.data.date) < String(events[i - 1]?.data.date)).length;
      // A quarterly report counts what happened in the quarter by the facts' dates.
      const all = bruteForce(events, '9999-12-31');
      const report = quarterlyReport(views, { year: 2019, quarter: 2 });
      const inQuarter = (date: string | null) => date !== null && date >= '2019-04-01' && date <= '2019-06-30';
      t.equal(report.totals.newProposals, all.states.filter((s) => inQuarter(s.proposedOn)).length, 'quarterly proposals');
      t.equal(report.totals.signings, all.states.filter((s) => inQuarter(s.signedOn)).length, 'quarterly signings');
      t.equal(report.totals.activities, all.activities.filter((a) => inQuarter(a.date)).length, 'quarterly activities');
    }),
    { numRuns: 100, seed: 20211207 },
  );
  t.ok(checked > 100, `checked ${checked} days`);
  // The histories mean something: relationships that count, quiet ones, and facts entered out of order.
  t.ok(counted > 300 && quiet > 40 && late > 100, `${counted} counted, ${quiet} quiet, ${late} entered late`);
});

t.test('a view kept commit by commit equals one built in one go', async (t) => {
  fc.assert(
    fc.property(fc.array(partnership, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 4800 }), (plans, batch, when) => {
      const events = history(plans as Plan[]);
      const asOf = day(when);
      const whole = viewOf(registerProjection, events);
      const kept = incrementalView(registerProjection, events, batch);
      t.strictSame(overview({ register: kept }, { day: asOf }), overview({ register: whole }, { day: asOf }), `overview on ${asOf}, batches of ${batch}`);
      t.strictSame(registerQuery(kept, { day: asOf, pageSize: 200 }), registerQuery(whole, { day: asOf, pageSize: 200 }), `register on ${asOf}, batches of ${batch}`);
      t.strictSame(
        activityTimeline(kept, { day: asOf, pageSize: 200 }).items.map(({ entry: _entry, ...item }) => item),
        activityTimeline(whole, { day: asOf, pageSize: 200 }).items.map(({ entry: _entry, ...item }) => item),
        `timeline on ${asOf}, batches of ${batch}`,
      );
    }),
    { numRuns: 40, seed: 42 },
  );
});
