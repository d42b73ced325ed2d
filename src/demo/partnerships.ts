import type { LocalSideInput, PartnerLevel, PartnershipKind } from '../../commands/partnership/index.ts';
import { activitiesIn, activity, signingActivity } from './activities.ts';
import { addDays, addYears, DEMO_END, maxDate, minDate, randomDate } from './dates.ts';
import { assignDormancy } from './dormancy.ts';
import { type Draft, draftOf, type PartnershipPlan, SYNTHETIC_NOTE } from './draft.ts';
import { terminated, withdrawn } from './endings.ts';
import {
  CITY_WEIGHTS,
  citySide,
  COUNTIES,
  countySide,
  earliestTieYear,
  INSTITUTION_PAIRS,
  institutionSide,
  localName,
  PIPELINE_INSTITUTION_PAIRS,
  provinceSide,
  signatoryRank,
} from './local-sides.ts';
import { NamePool } from './names.ts';
import { PLACES } from './places.ts';
import {
  EARLIEST_YEAR,
  PIPELINE_BY_COUNTRY,
  PIPELINE_STAGE_COUNTS,
  PROVINCE_PARTNERS,
  SIGNED_BY_COUNTRY,
  SIGNED_IN_2021_COUNTRIES,
  TARGETS,
} from './plan.ts';
import type { Random } from './random.ts';
import { PRESS_CONFERENCE_CANDIDATES, pressConferenceActivities } from './press-conference.ts';
import { REAL_PARTNERSHIPS, type RealPartnership } from './real.ts';
import { type Entry, type Parties, PathBuilder, type Stage } from './timeline.ts';
import { partnerNameEn } from '../../commands/partnership/index.ts';

export { CAMPAIGN_ID, CAMPAIGN_LAUNCH, type PartnershipPlan } from './draft.ts';

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/** Signings per year grew from a handful in the early 1980s to a steady stream after 2000. */
function signingYearWeight(year: number): number {
  if (year < 1985) return 1;
  if (year < 1990) return 2;
  if (year < 1995) return 4;
  if (year < 2000) return 5;
  if (year < 2005) return 6;
  if (year < 2020) return 7;
  return 3;
}

function signingYear(rnd: Random, country: string, local: LocalSideInput): number {
  const first = Math.max(EARLIEST_YEAR[country] ?? 1980, earliestTieYear(local));
  const years = Array.from({ length: 2020 - first + 1 }, (_, i) => first + i);
  return rnd.weighted(years.map((y) => [y, signingYearWeight(y)] as const));
}

function realDraft(rnd: Random, real: RealPartnership, index: number): Draft {
  const key = `real/${String(index).padStart(2, '0')}-${slug(partnerNameEn(real.partner))}`;
  const r = rnd.fork(key);
  const notes = [`Sourced tie: ${real.record.source}`, ...real.judgements, 'Activities recorded here are demo data unless their notes name a source.'].join(' ');
  const parties: Parties = { kind: real.kind, local: real.local, partner: real.partner, notes };
  const path = new PathBuilder(r, parties);
  if (real.stage !== undefined) {
    const lastOn = randomDate(r, '2021-03-01', DEMO_END);
    const options = { contact: true, rejection: false, ...(real.stage === 'under_review' && { pendingAt: 'national' as const }) };
    return draftOf(key, parties, 'pipeline', true, path.pipeline(real.stage, lastOn, options));
  }
  const year = real.signedYear ?? 2000;
  const signedOn = randomDate(r, `${year}-02-01`, `${year}-11-30`);
  const draft = draftOf(key, parties, 'signed', true, path.signed(signedOn, { contact: r.chance(0.7), rejection: false }));
  if (real.upgrade !== undefined) {
    const upgradedOn = randomDate(r, `${real.upgrade.upgradedYear}-03-01`, `${real.upgrade.upgradedYear}-10-31`);
    draft.lifecycle.push(...new PathBuilder(r.fork('upgrade'), parties).upgraded(upgradedOn));
  }
  return draft;
}

interface Slot {
  country: string;
  level: 'institution' | 'region' | 'city';
  institution?: (typeof INSTITUTION_PAIRS)[number];
}

function slotsFor(
  table: Readonly<Record<string, number>>,
  taken: (country: string) => number,
  institutions: readonly (typeof INSTITUTION_PAIRS)[number][],
  provinceCountries: readonly string[],
): Slot[] {
  const slots: Slot[] = [];
  const regionsLeft = [...provinceCountries];
  for (const [country, total] of Object.entries(table)) {
    const free = total - taken(country);
    if (free < 0) throw new Error(`${country}: ${taken(country)} sourced ties but only ${total} planned`);
    const own = institutions.filter((pair) => pair.country === country).slice(0, free);
    slots.push(...own.map((institution) => ({ country, level: 'institution' as const, institution })));
    for (let i = own.length; i < free; i++) {
      const regionAt = regionsLeft.indexOf(country);
      if (regionAt >= 0) regionsLeft.splice(regionAt, 1);
      slots.push({ country, level: regionAt >= 0 ? 'region' : 'city' });
    }
  }
  return slots;
}

/** The synthetic parties for a slot: who on each side, and which kind of tie. */
function partiesFor(rnd: Random, names: NamePool, slot: Slot, sisterShare: number): Parties {
  if (slot.institution !== undefined) {
    const { partner, local, divisionCode, country } = slot.institution;
    return {
      kind: 'institutional',
      local: institutionSide(divisionCode, local),
      partner: { nameEn: partner, country, level: 'institution' },
      notes: SYNTHETIC_NOTE,
    };
  }
  if (slot.level === 'region') {
    return {
      kind: rnd.chance(0.6) ? 'sister' : 'friendly_cooperation',
      local: provinceSide(),
      partner: { nameEn: names.region(slot.country), country: slot.country, level: regionLevel(slot.country) },
      notes: SYNTHETIC_NOTE,
    };
  }
  const county = rnd.chance(0.14) ? rnd.pick(COUNTIES) : undefined;
  const local: LocalSideInput = county !== undefined ? countySide(county) : citySide(rnd.weighted(CITY_WEIGHTS));
  const nameEn = names.city(slot.country);
  const level: PartnerLevel = /County$/.test(nameEn) ? 'county' : /District$/.test(nameEn) ? 'district' : 'city';
  const kind: PartnershipKind = rnd.chance(county !== undefined ? sisterShare * 0.6 : sisterShare) ? 'sister' : 'friendly_cooperation';
  return { kind, local, partner: { nameEn, country: slot.country, level }, notes: SYNTHETIC_NOTE };
}

/** The level a country's first-tier regions are recorded at; a labelled fallback name counts as a province. */
function regionLevel(country: string): PartnerLevel {
  return PLACES[country]?.regionLevel ?? 'province';
}

/** The day a pipeline file last moved; most of the reserve was built up during the 2021 campaign. */
function lastMove(rnd: Random, stage: Stage): string {
  const from = rnd.chance(0.6) ? '2021-01-05' : stage === 'candidate' ? '2018-03-01' : '2019-06-01';
  return randomDate(rnd, from, DEMO_END);
}

export interface PartnershipSet {
  plans: PartnershipPlan[];
  /** Synthetic names that fell back to a label because a country's list ran out. */
  nameFallbacks: number;
}

export function buildPartnerships(rnd: Random): PartnershipSet {
  const names = new NamePool(rnd.fork('names'));
  const drafts: Draft[] = REAL_PARTNERSHIPS.map((real, index) => realDraft(rnd, real, index));
  // The new contacts the press conference names, in the reserve beside the sourced ties.
  drafts.push(...PRESS_CONFERENCE_CANDIDATES.map((c) => draftOf(`press-conference/${slug(c.name)}`, c.parties, 'pipeline', true, c.lifecycle)));
  const realSigned = (country: string) =>
    REAL_PARTNERSHIPS.filter((p) => p.signedYear !== undefined && p.partner.country === country).length;

  // Signed and still counted on the demo's day.
  const signedSlots = slotsFor(SIGNED_BY_COUNTRY, realSigned, INSTITUTION_PAIRS, PROVINCE_PARTNERS.signed);
  const in2021 = new Set<Slot>(
    SIGNED_IN_2021_COUNTRIES.map((country) => {
      const slot = signedSlots.find((s) => s.country === country && s.level === 'city');
      if (slot === undefined) throw new Error(`no synthetic slot in ${country} for a 2021 signing`);
      return slot;
    }),
  );
  const counters = new Map<string, number>();
  const nextKey = (prefix: string, country: string) => {
    const n = (counters.get(`${prefix}/${country}`) ?? 0) + 1;
    counters.set(`${prefix}/${country}`, n);
    return `${prefix}/${country}/${String(n).padStart(2, '0')}`;
  };
  const synthetic: Draft[] = [];
  for (const slot of signedSlots) {
    const key = nextKey('signed', slot.country);
    const r = rnd.fork(key);
    const parties = partiesFor(r, names, slot, 0.55);
    const year = in2021.has(slot) ? 2021 : signingYear(r, slot.country, parties.local);
    const signedOn = randomDate(r, `${year}-01-10`, minDate(`${year}-12-15`, DEMO_END));
    const rejection = parties.kind === 'sister' && r.chance(0.06);
    const path = new PathBuilder(r, parties).signed(signedOn, { contact: r.chance(0.75), rejection });
    synthetic.push(draftOf(key, parties, 'signed', false, path));
  }
  drafts.push(...synthetic);

  assignDormancy(rnd.fork('dormancy'), synthetic);
  assignUpgrades(rnd.fork('upgrades'), synthetic);
  drafts.push(...terminated(rnd.fork('terminated'), names));
  drafts.push(...withdrawn(rnd.fork('withdrawn'), names));

  // The reserve: candidates still being prepared.
  const pipelineSlots = slotsFor(PIPELINE_BY_COUNTRY, () => 0, PIPELINE_INSTITUTION_PAIRS, PROVINCE_PARTNERS.pipeline);
  const stages = PIPELINE_STAGE_COUNTS.flatMap(([stage, n]) => Array.from({ length: n }, () => stage));
  if (stages.length !== pipelineSlots.length) {
    throw new Error(`${pipelineSlots.length} pipeline slots for ${stages.length} stages`);
  }
  const reserve = drafts.filter((d) => d.plan.fate === 'pipeline').length + pipelineSlots.length;
  if (reserve !== TARGETS.pipeline) throw new Error(`${reserve} candidates in the reserve, not ${TARGETS.pipeline}`);
  // Only sister ties go through review and approval, so institutions take the earlier stages.
  const orderRnd = rnd.fork('pipeline-order');
  const slots = orderRnd.shuffle(pipelineSlots);
  const reviewed = stages.filter((stage) => stage === 'under_review' || stage === 'approved');
  const early = orderRnd.shuffle(stages.filter((stage) => stage !== 'under_review' && stage !== 'approved'));
  const forReview = slots.filter((slot) => slot.level !== 'institution').slice(0, reviewed.length);
  const rest = slots.filter((slot) => !forReview.includes(slot));
  const staged = [...forReview.map((slot, i) => [slot, reviewed[i]] as const), ...rest.map((slot, i) => [slot, early[i]] as const)];
  staged.forEach(([slot, stage]) => {
    if (stage === undefined) throw new Error('pipeline stages and slots do not match');
    const key = nextKey('pipeline', slot.country);
    const r = rnd.fork(key);
    const parties = partiesFor(r, names, slot, 0.3);
    if (stage === 'under_review' || stage === 'approved') parties.kind = 'sister';
    const rejection = parties.kind === 'sister' && r.chance(0.12);
    const path = new PathBuilder(r, parties).pipeline(stage, lastMove(r, stage), { contact: r.chance(0.8), rejection });
    const draft = draftOf(key, parties, 'pipeline', false, path);
    const contact = path.find((e) => e.body.type === 'RecordContact');
    if (contact !== undefined && addDays(contact.date, 10) <= DEMO_END && r.chance(0.3)) {
      // Working visits while the tie is negotiated.
      const date = randomDate(r, addDays(contact.date, 10), DEMO_END);
      draft.lifecycle.push(activity(r, draft.context, date, r.pick(['delegation_visit', 'online_meeting'] as const)));
    }
    drafts.push(draft);
  });

  const activityRnd = rnd.fork('activities');
  const activities = drafts.map((draft) => activitiesIn(activityRnd.fork(draft.plan.key), draft.context, draft.windows));
  addListedActivities(activityRnd, drafts, activities);
  fillCultureYears(rnd.fork('culture-years'), drafts, activities);

  const plans = drafts.map((draft, index) => {
    const extra = activities[index] ?? [];
    // Stable sort: on the same day, lifecycle steps go before activities.
    const entries = [...draft.lifecycle, ...extra]
      .map((entry, order) => ({ entry, order }))
      .sort((a, b) => (a.entry.date === b.entry.date ? a.order - b.order : a.entry.date < b.entry.date ? -1 : 1))
      .map(({ entry }) => entry);
    return { ...draft.plan, entries };
  });
  return { plans, nameFallbacks: names.fallbackCount };
}

/**
 * Exchanges on record besides the generated ones: those the press
 * conference names, on their sourced partnerships (the first drafts, in the
 * order of REAL_PARTNERSHIPS), and each signing as the quarterly reports list
 * it.
 */
function addListedActivities(rnd: Random, drafts: readonly Draft[], activities: Entry[][]): void {
  REAL_PARTNERSHIPS.forEach((real, index) => {
    const exchanges = pressConferenceActivities(real.record.partner);
    const signedOn = drafts[index]?.plan.signedOn;
    const early = exchanges.find((entry) => signedOn === undefined || entry.date <= signedOn);
    if (early !== undefined) throw new Error(`${real.record.partner}: the report's exchange of ${early.date} is not after its signing`);
    activities[index]?.push(...exchanges);
  });
  drafts.forEach((draft, index) => {
    const signing = draft.lifecycle.find((entry) => entry.body.type === 'SignAgreement');
    if (signing?.body.type !== 'SignAgreement') return;
    const { local } = draft.plan.parties;
    const hostedLocally = signing.body.data.place === localName(local);
    const r = rnd.fork(`${draft.plan.key}/signing`);
    const entry = signingActivity(r, draft.context, signing.date, { hostedLocally, leaderRank: signatoryRank(local) });
    if (entry !== undefined) activities[index]?.push(entry);
  });
}

/** Friendly-cooperation ties that grew into sister ties after some years. */
function assignUpgrades(rnd: Random, drafts: Draft[]): void {
  const eligible = drafts.filter(
    (d) => d.plan.parties.kind === 'friendly_cooperation' && d.plan.dormancy === undefined && (d.plan.signedOn ?? '9') < '2015-01-01',
  );
  for (const draft of rnd.shuffle(eligible).slice(0, 8)) {
    const upgradedOn = randomDate(rnd, addYears(draft.plan.signedOn as string, 3), minDate(addYears(draft.plan.signedOn as string, 10), '2021-06-30'));
    draft.lifecycle.push(...new PathBuilder(rnd.fork(`${draft.plan.key}/upgrade`), draft.plan.parties).upgraded(upgradedOn));
  }
}

/** The office reports cultural exchanges in every year since 1982; the demo keeps every year covered. */
function fillCultureYears(rnd: Random, drafts: readonly Draft[], activities: Entry[][]): void {
  const isCulture = (entry: Entry) => entry.body.type === 'RecordActivity' && entry.body.data.type === 'culture';
  const covered = new Set(
    [...drafts.flatMap((d) => d.lifecycle), ...activities.flat()].filter(isCulture).map((entry) => entry.date.slice(0, 4)),
  );
  for (let year = 1982; year <= 2021; year++) {
    if (covered.has(String(year))) continue;
    const found = drafts.flatMap((draft, index) =>
      draft.windows
        .map(([from, to]) => [maxDate(from, `${year}-01-01`), minDate(to, `${year}-12-31`)] as const)
        .filter(([from, to]) => from <= to)
        .map((window) => ({ index, draft, window })),
    )[0];
    if (found === undefined) throw new Error(`no active partnership in ${year} to hold a cultural exchange`);
    const date = randomDate(rnd, found.window[0], found.window[1]);
    activities[found.index]?.push(activity(rnd, found.draft.context, date, 'culture'));
  }
}
