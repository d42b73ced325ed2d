import t, { type Test } from 'tap';
import { type Campaign, type CampaignEvent, campaignDecider, type CampaignState } from '../../commands/campaign/index.ts';
import {
  ACTIVITY_TYPES,
  PARTNERSHIP_KINDS,
  PARTNERSHIP_STATUSES,
  type Partnership,
  type PartnershipEvent,
  partnershipDecider,
  type PartnershipState,
} from '../../commands/partnership/index.ts';
import { type ProjectEvent, projectDecider, type ProjectState } from '../../commands/project/index.ts';
import { SHANDONG_CITIES } from '../../commands/shared/divisions.ts';
import { CONTINENTS, countryInfo, type GroupId, groupsOf } from '../../projections/reference/index.ts';
import { computeFigures, type Figures } from '../../src/demo/figures.ts';
import { DemoStoreNotEmptyError, seedDemoStore } from '../../src/demo/seed.ts';
import { SHANDONG_PARTNERSHIPS } from '../../src/demo/sourced-partnerships.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import type { EventStore, RecordedEvent } from '../../src/event-store/port.ts';

/**
 * The demo is checked the way an auditor would: every stream folded with
 * its aggregate's own `evolve`, counted with the reference data. Nothing the
 * generator planned is trusted. The figures `npm run demo` prints come from
 * the projections and the dashboards' queries; they must count the same.
 */

const AS_OF = '2021-12-31';
const PIPELINE = ['candidate', 'in_contact', 'intent_signed', 'under_review', 'approved'];
const PROJECT_STATUSES = ['planned', 'started', 'completed', 'cancelled'] as const;

interface Ledger {
  events: RecordedEvent[];
  streams: Map<string, RecordedEvent[]>;
  partnerships: Partnership[];
  projects: ProjectState[];
  campaigns: Campaign[];
}

async function ledgerOf(store: EventStore): Promise<Ledger> {
  const events = await store.readAll();
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of events) streams.set(event.stream, [...(streams.get(event.stream) ?? []), event]);
  const folded = <S, E>(prefix: string, decider: { initialState: S; evolve(s: S, e: E): S }) =>
    [...streams]
      .filter(([stream]) => stream.startsWith(prefix))
      .map(([, stream]) => stream.reduce((s, e) => decider.evolve(s, { type: e.type, data: e.data } as E), decider.initialState));
  return {
    events,
    streams,
    partnerships: folded<PartnershipState, PartnershipEvent>('partnership-', partnershipDecider).filter(
      (p): p is Partnership => p.status !== 'none',
    ),
    projects: folded<ProjectState, ProjectEvent>('project-', projectDecider),
    campaigns: folded<CampaignState, CampaignEvent>('campaign-', campaignDecider).filter(
      (c): c is Campaign => c.status !== 'none',
    ),
  };
}

/** The figures as the auditor counts them from the folded streams, in the shape `computeFigures` gives them. */
function audit({ events, partnerships, projects, campaigns }: Ledger): Figures {
  const counted = partnerships.filter((p) => p.status === 'active' || p.status === 'dormant');
  const countries = new Set(counted.map((p) => p.partner.country));
  const group = (id: GroupId) => {
    const pairs = counted.filter((p) => groupsOf(p.partner.country, AS_OF).includes(id));
    return { pairs: pairs.length, countries: new Set(pairs.map((p) => p.partner.country)).size };
  };
  const tally = <K extends string>(keys: readonly K[], values: readonly string[]) =>
    Object.fromEntries(keys.map((key) => [key, values.filter((value) => value === key).length])) as Record<K, number>;
  const activities = events.filter((e) => e.type === 'ActivityRecorded');
  const culture = activities.filter((e) => e.data.type === 'culture');
  const cultureYears = [...new Set(culture.map((e) => Number(String(e.data.date).slice(0, 4))))].sort((a, b) => a - b);
  const statusOf = new Map(partnerships.map((p) => [p.id, p.status]));
  return {
    asOf: AS_OF,
    relationships: counted.length,
    countries: countries.size,
    continents: CONTINENTS.filter((continent) => [...countries].some((c) => countryInfo(c)?.continent === continent)).sort(),
    groups: { BRI: group('BRI'), RCEP: group('RCEP'), SCO: group('SCO') },
    signedIn2021: counted.filter((p) => p.signedOn?.startsWith('2021') === true).length,
    pipeline: partnerships.filter((p) => PIPELINE.includes(p.status)).length,
    byStatus: tally(PARTNERSHIP_STATUSES, partnerships.map((p) => p.status)),
    byKind: tally(PARTNERSHIP_KINDS, counted.map((p) => p.kind)),
    plannedProjects: projects.filter((p) => p.status === 'planned').length,
    projectsByStatus: tally(PROJECT_STATUSES, projects.map((p) => p.status)),
    activities: activities.length,
    outcomes: activities.reduce((sum, e) => sum + (e.data.outcomes as unknown[]).length, 0),
    cultureActivities: culture.length,
    cultureYears: { first: cultureYears[0] ?? 0, last: cultureYears.at(-1) ?? 0, years: cultureYears.length },
    campaigns: campaigns.map((c) => ({
      name: c.name,
      enrolled: c.enrolled.length,
      dormantAtEnd: c.enrolled.filter((id) => statusOf.get(id) === 'dormant').length,
      revived: c.enrolled.filter((id) => statusOf.get(id) === 'active').length,
      targets: Object.fromEntries(Object.entries(c.targets).filter((entry): entry is [string, number] => entry[1] !== undefined)),
    })),
  };
}

async function seededStore(t: Test): Promise<EventStore> {
  const store = createSqliteEventStore({ path: ':memory:' });
  t.teardown(() => store.close());
  await seedDemoStore(store);
  return store;
}

t.test('the seeded store reproduces the December 2021 figures', async (t) => {
  const store = await seededStore(t);
  const ledger = await ledgerOf(store);
  const { events, partnerships, projects, campaigns } = ledger;

  t.test('every fact is dated no later than 31 December 2021', async (t) => {
    t.equal(events.filter((e) => String(e.data.date) > AS_OF).length, 0);
  });

  const counted = partnerships.filter((p) => p.status === 'active' || p.status === 'dormant');
  const countries = new Set(counted.map((p) => p.partner.country));
  const within = (group: 'BRI' | 'RCEP') => counted.filter((p) => groupsOf(p.partner.country, AS_OF).includes(group));

  t.test('598 relationships in 88 countries on six continents', async (t) => {
    t.equal(counted.length, 598);
    t.equal(countries.size, 88);
    const continents = new Set([...countries].map((c) => countryInfo(c)?.continent));
    t.strictSame([...continents].sort(), ['Africa', 'Asia', 'Europe', 'North America', 'Oceania', 'South America']);
    t.notOk(countries.has('CN') || countries.has('TW'));
  });

  t.test('297 pairs in 60 Belt and Road countries, 230 pairs in 10 RCEP countries', async (t) => {
    const bri = within('BRI');
    const rcep = within('RCEP');
    t.equal(bri.length, 297);
    t.equal(new Set(bri.map((p) => p.partner.country)).size, 60);
    t.equal(rcep.length, 230);
    t.equal(new Set(rcep.map((p) => p.partner.country)).size, 10);
  });

  t.test('10 relationships signed in 2021', async (t) => {
    t.equal(counted.filter((p) => p.signedOn?.startsWith('2021')).length, 10);
    const signings = events.filter((e) => e.type === 'AgreementSigned' && String(e.data.date).startsWith('2021'));
    t.equal(signings.length, 10, 'and no other agreement was signed that year');
  });

  t.test('168 candidate pairs in the pipeline', async (t) => {
    t.equal(partnerships.filter((p) => PIPELINE.includes(p.status)).length, 168);
  });

  t.test('127 planned cooperation projects, besides started, completed and cancelled ones', async (t) => {
    const byStatus = (status: string) => projects.filter((p) => p.status === status).length;
    t.equal(byStatus('planned'), 127);
    t.ok(byStatus('started') > 0 && byStatus('completed') > 0 && byStatus('cancelled') > 0);
    const ids = new Set(partnerships.map((p) => p.id));
    t.ok(
      projects.every((p) => p.status !== 'none' && p.partnershipIds.every((id) => ids.has(id))),
      'projects serve partnerships that exist',
    );
  });

  t.test('800+ outcomes, 600+ cultural exchanges in every year from 1982 to 2021', async (t) => {
    const activities = events.filter((e) => e.type === 'ActivityRecorded');
    const outcomes = activities.reduce((sum, e) => sum + (e.data.outcomes as unknown[]).length, 0);
    t.ok(outcomes >= 800, `${outcomes} outcomes`);
    t.equal(partnerships.reduce((sum, p) => sum + p.outcomeCount, 0), outcomes, 'the fold agrees with the events');
    const culture = activities.filter((e) => e.data.type === 'culture');
    t.ok(culture.length >= 600, `${culture.length} cultural exchanges`);
    const years = new Set(culture.map((e) => Number(String(e.data.date).slice(0, 4))));
    for (let year = 1982; year <= 2021; year++) t.ok(years.has(year), `culture in ${year}`);
    t.strictSame([...new Set(activities.map((e) => e.data.type))].sort(), [...ACTIVITY_TYPES].sort(), 'every activity type');
  });

  t.test('the Activate Friendship Cities campaign', async (t) => {
    t.equal(campaigns.length, 1);
    const campaign = campaigns[0] as Campaign;
    t.match(campaign.name, /激活友城专项行动/);
    t.ok(campaign.launchedOn.startsWith('2021'));
    t.match(campaign.targets, { reservePairs: 168, plannedProjects: 127 });
    t.ok((campaign.targets.reactivations ?? 0) > 0 && (campaign.targets.activities ?? 0) > 0);
    const byId = new Map(partnerships.map((p) => [p.id, p]));
    const enrolled = campaign.enrolled.map((id) => byId.get(id));
    t.ok(enrolled.length > 0 && enrolled.every((p) => p !== undefined && p.dormantSince !== null || p?.status === 'active'));
    const revived = enrolled.filter((p) => p?.status === 'active');
    const stillDormant = enrolled.filter((p) => p?.status === 'dormant');
    t.ok(revived.length > 0 && stillDormant.length > 0, `${revived.length} revived, ${stillDormant.length} still dormant`);

    const reactivations = events.filter((e) => e.type === 'PartnershipReactivated' && String(e.data.date) >= campaign.launchedOn);
    t.ok(reactivations.some((e) => e.data.campaignId === campaign.id), 'revived by a Reactivate crediting the campaign');
    t.ok(reactivations.some((e) => e.data.activityId !== undefined), 'revived by an activity on a dormant partnership');
    // Every enrolled partnership was dormant when enrolled: its dormancy began before the launch.
    const markedDormant = events.filter((e) => e.type === 'PartnershipMarkedDormant');
    for (const id of campaign.enrolled) {
      t.ok(markedDormant.some((e) => e.data.partnershipId === id && String(e.data.date) < campaign.launchedOn), `${id} was dormant`);
    }
  });

  t.test('a realistic mix', async (t) => {
    t.strictSame([...new Set(counted.map((p) => p.kind))].sort(), ['friendly_cooperation', 'institutional', 'sister']);
    const statuses = new Set<string>(partnerships.map((p) => p.status));
    for (const status of ['terminated', 'withdrawn', 'dormant', ...PIPELINE]) t.ok(statuses.has(status), status);
    const offices = new Set(counted.map((p) => p.local.cityCode));
    t.ok(offices.has('370000'), 'the province');
    for (const city of SHANDONG_CITIES) t.ok(offices.has(city.code), city.nameEn);
    t.ok(counted.some((p) => p.local.level === 'county'), 'counties and districts');
    t.ok(counted.some((p) => p.local.level === 'institution'), 'institutions');
    const pending = new Set(partnerships.filter((p) => p.status === 'under_review').map((p) => p.approvals.pending));
    t.strictSame([...pending].sort(), ['city', 'national', 'province'], 'files wait at every approval level');
    const sisterSigned = counted.filter((p) => p.kind === 'sister' && p.upgradedOn === null);
    t.ok(
      sisterSigned.every((p) => p.approvals.granted.map((g) => g.level).join() === p.approvals.required.join()),
      'sister ties were signed only after every approval',
    );
    t.ok(events.some((e) => e.type === 'ApprovalRejected'), 'some approvals were refused');
    t.ok(events.some((e) => e.type === 'RelationshipUpgraded'), 'some ties were upgraded');
  });

  t.test('the 65 sourced partnerships are in the ledger', async (t) => {
    const sameSide = (p: Partnership, side: string) =>
      side === 'Shandong Province' ? p.local.level === 'province' : (SHANDONG_CITIES.find((c) => side.startsWith(c.nameEn))?.code ?? '') === p.local.cityCode;
    // Sourced ties cite their source in the proposal's notes; several rows share one source.
    const notes = new Map(events.filter((e) => e.type === 'PartnershipProposed').map((e) => [e.data.partnershipId, String(e.data.notes)]));
    const firstWord = (name: string) => (name.replace(/^(Port of|Free State of) /, '').split(/[\s,(]/)[0] ?? '').replace('Sao', 'São');
    for (const row of SHANDONG_PARTNERSHIPS) {
      const found = partnerships.filter(
        (p) =>
          notes.get(p.id)?.includes(row.source) === true &&
          p.partner.country === row.partnerCountryIso2 &&
          sameSide(p, row.shandongSide) &&
          p.partner.nameEn.includes(firstWord(row.partner)),
      );
      t.equal(found.length, 1, `${row.shandongSide} – ${row.partner}`);
      const p = found[0];
      if (p === undefined) continue;
      t.match(p.local, row.shandongSide.includes('Port') ? { level: 'institution', institution: 'Qingdao Port' } : {});
      const laterOrIntent = row.relationshipType === 'letter_of_intent' || (row.year !== null && row.year > 2021);
      if (laterOrIntent) {
        t.ok(PIPELINE.includes(p.status), `${row.partner} was being prepared in 2021`);
        continue;
      }
      t.equal(p.status, 'active', `${row.partner} is signed`);
      if (row.partner === 'Adelaide') {
        t.equal(p.signedOn?.slice(0, 4), '2001');
        t.equal(p.upgradedOn?.slice(0, 4), '2014');
      } else if (row.year !== null) {
        t.equal(Number(p.signedOn?.slice(0, 4)), row.year, `${row.partner} signed in ${row.year}`);
      } else {
        t.ok((p.signedOn ?? '9999') <= AS_OF, `${row.partner}: undated, signed by 2021`);
      }
      if (row.relationshipType === 'sister_city' || row.relationshipType === 'sister_province') t.equal(p.kind, 'sister');
      if (row.relationshipType === 'port_partnership') t.equal(p.kind, 'institutional');
    }
  });

  t.test('the projections and the dashboard queries count what the auditor counts', async (t) => {
    const figures = await computeFigures(store);
    t.strictSame(figures, audit(ledger));
    t.match(figures, {
      relationships: 598,
      countries: 88,
      groups: { BRI: { pairs: 297, countries: 60 }, RCEP: { pairs: 230, countries: 10 } },
      signedIn2021: 10,
      pipeline: 168,
      plannedProjects: 127,
      cultureYears: { first: 1982, last: 2021, years: 40 },
    });
    t.equal(figures.continents.length, 6);
    t.ok((await store.readAll({ maxCount: 1 })).length === 1, 'the store stays open');
  });
});

t.test('two seeds write the same streams', async (t) => {
  const [a, b] = await Promise.all([seededStore(t), seededStore(t)]);
  const [first, second] = await Promise.all([ledgerOf(a), ledgerOf(b)]);
  t.equal(first.streams.size, second.streams.size);
  const shape = (events: RecordedEvent[] | undefined) => (events ?? []).map((e) => ({ id: e.id, type: e.type, data: e.data }));
  let differing = 0;
  for (const [stream, events] of first.streams) {
    if (JSON.stringify(shape(events)) !== JSON.stringify(shape(second.streams.get(stream)))) differing++;
  }
  t.equal(differing, 0, 'every stream has the same event ids, types and data');
});

t.test('a second seed into a non-empty store is refused', async (t) => {
  const store = await seededStore(t);
  const before = (await store.readAll()).length;
  await t.rejects(seedDemoStore(store), DemoStoreNotEmptyError);
  t.equal((await store.readAll()).length, before, 'nothing was appended');
});

t.test('forced over an earlier seed, nothing is written twice', async (t) => {
  const store = await seededStore(t);
  const before = (await store.readAll()).length;
  const summary = await seedDemoStore(store, { force: true });
  t.equal(summary.replayed, summary.commands);
  t.equal((await store.readAll()).length, before);
});
