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
import { DEMO_END } from '../../src/demo/dates.ts';
import { computeFigures, type Figures } from '../../src/demo/figures.ts';
import { PRESS_CONFERENCE_SOURCE } from '../../src/demo/press-conference.ts';
import { DemoStoreNotEmptyError, seedDemoStore } from '../../src/demo/seed.ts';
import { SHANDONG_PARTNERSHIPS } from '../../src/demo/sourced-partnerships.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import type { EventStore, RecordedEvent } from '../../src/event-store/port.ts';

/**
 * The demo is checked the way an auditor would: every stream's facts dated
 * up to the press conference folded with its aggregate's own `evolve`, and
 * counted with the reference data. Nothing the generator planned is
 * trusted. The figures `npm run demo` prints come from the projections and
 * the dashboards' queries as of that day; they must count the same.
 */

/** The day of the press conference whose figures the demo reproduces. */
const AS_OF = '2021-12-07';
const PIPELINE = ['candidate', 'in_contact', 'intent_signed', 'under_review', 'approved'];
const PROJECT_STATUSES = ['planned', 'started', 'completed', 'cancelled'] as const;

interface Ledger {
  events: RecordedEvent[];
  streams: Map<string, RecordedEvent[]>;
  partnerships: Partnership[];
  projects: ProjectState[];
  campaigns: Campaign[];
}

/** The store's events, and its streams folded as they stood at the end of AS_OF (facts dated later left out). */
async function ledgerOf(store: EventStore): Promise<Ledger> {
  const events = await store.readAll();
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    if (String(event.data.date) <= AS_OF) streams.set(event.stream, [...(streams.get(event.stream) ?? []), event]);
  }
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

/**
 * The figures as the auditor counts them from the folded streams, in the
 * shape `computeFigures` gives them; the evaluation's scores are checked
 * on their own.
 */
function audit({ events: all, partnerships, projects, campaigns }: Ledger): Omit<Figures, 'evaluation'> {
  const events = all.filter((e) => String(e.data.date) <= AS_OF);
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

t.test('the seeded store reproduces the figures of the press conference of 7 December 2021', async (t) => {
  const store = await seededStore(t);
  const ledger = await ledgerOf(store);
  const { events, partnerships, projects, campaigns } = ledger;

  t.test('the demo stands on the day of the press conference: no fact is dated later', async (t) => {
    t.equal(DEMO_END, AS_OF);
    t.equal(events.filter((e) => String(e.data.date) > AS_OF).length, 0);
    t.ok(events.every((e) => typeof e.data.date === 'string'), 'every fact carries its date');
  });

  t.test('quarterly reports from 2019 Q1 to 2021 Q3; 2021 Q4 had not ended', async (t) => {
    const reports = events.filter((e) => e.type === 'QuarterlyReportSubmitted');
    const quarters = new Set(reports.map((e) => `${String(e.data.year)} Q${String(e.data.quarter)}`));
    const expected = [2019, 2020, 2021].flatMap((year) => [1, 2, 3, 4].map((quarter) => `${year} Q${quarter}`)).filter((q) => q !== '2021 Q4');
    t.strictSame([...quarters].sort(), expected);
    t.notOk(reports.some((e) => e.data.year === 2021 && e.data.quarter === 4), 'no report for 2021 Q4');
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
    t.equal(signings.length, 10, 'and no other agreement was signed that year up to the day');
  });

  t.test('168 candidate pairs in the pipeline', async (t) => {
    t.equal(partnerships.filter((p) => PIPELINE.includes(p.status)).length, 168);
  });

  const proposals = new Map(events.filter((e) => e.type === 'PartnershipProposed').map((e) => [e.data.partnershipId, String(e.data.notes)]));
  const named = (p: Partnership) => proposals.get(p.id)?.includes(PRESS_CONFERENCE_SOURCE) === true;

  t.test('the contacts the press conference names are candidates in contact', async (t) => {
    const candidates = partnerships.filter(named);
    const find = (nameZh: string) => candidates.find((p) => p.partner.nameZh === nameZh);
    t.match(find('乌兰巴托市'), { status: 'in_contact', partner: { nameEn: 'Ulaanbaatar', country: 'MN' }, local: { level: 'province' } });
    t.match(find('阿夸伊博姆州'), { status: 'in_contact', partner: { nameEn: 'Akwa Ibom State', country: 'NG', level: 'state' } });
    const nigerian = candidates.filter((p) => p.partner.country === 'NG');
    t.equal(nigerian.length, 4, 'Akwa Ibom and three more Nigerian states');
    t.equal(candidates.length, 5);
    for (const p of candidates) {
      t.equal(p.status, 'in_contact', `${p.partner.nameEn} in working contact`);
      t.ok(p.contactOn !== null && p.contactOn.startsWith('2021'), `${p.partner.nameEn}: contact in 2021`);
      t.equal(p.local.cityCode, '370000', `${p.partner.nameEn}: the province's own contact`);
      t.match(p.partner.nameZh, /[\u4e00-\u9fff]+(市|州)$/, `${p.partner.nameEn} has its Chinese name`);
    }
    const chosen = nigerian.filter((p) => p.partner.nameEn !== 'Akwa Ibom State');
    t.ok(
      chosen.every((p) => /only Akwa Ibom by name/.test(proposals.get(p.id) ?? '')),
      'the notes say the report does not name the three others',
    );
  });

  t.test('the partnerships the press conference names carry the exchanges it names', async (t) => {
    const activities = events.filter((e) => e.type === 'ActivityRecorded');
    const exchange = (partner: string, type: string, title: RegExp) => {
      const p = counted.find((q) => q.partner.nameEn === partner && q.local.level === 'province');
      const found = activities.filter(
        (e) => e.data.partnershipId === p?.id && e.data.type === type && title.test(String(e.data.title)) && String(e.data.date).startsWith('2021'),
      );
      t.equal(found.length, 1, `${partner}: ${type} ${title.source}`);
      t.match(found[0]?.data.notes, PRESS_CONFERENCE_SOURCE, 'the activity cites the report');
    };
    exchange('Yamaguchi Prefecture', 'culture', /山口县.*非物质文化遗产|非物质文化遗产.*山口县/);
    exchange('Wakayama Prefecture', 'culture', /黄河文化.*泰山文物展.*和歌山县/);
    exchange('Free State of Bavaria', 'tourism', /旅游推介会.*慕尼黑/);
    exchange('Gyeonggi-do', 'education', /京畿道高校联盟/);
    exchange('Nova Scotia', 'education', /新斯科舍省高校联盟/);
    exchange('Quebec', 'health_elderly_care', /魁北克省.*养老/);
    exchange('South Australia', 'health_elderly_care', /南澳大利亚州.*养老/);
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
          (p.partner.nameEn ?? '').includes(firstWord(row.partner)),
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

  const figures = await computeFigures(store);

  t.test('the projections and the dashboard queries, as of the day, count what the auditor counts', async (t) => {
    const { evaluation: _scored, ...counts } = figures;
    t.strictSame(counts, audit(ledger));
    t.match(figures, {
      asOf: AS_OF,
      relationships: 598,
      countries: 88,
      groups: { BRI: { pairs: 297, countries: 60 }, RCEP: { pairs: 230, countries: 10 } },
      signedIn2021: 10,
      pipeline: 168,
      plannedProjects: 127,
      cultureYears: { first: 1982, last: 2021, years: 40 },
    });
    t.strictSame(figures.continents, ['Africa', 'Asia', 'Europe', 'North America', 'Oceania', 'South America']);
    t.ok(figures.outcomes >= 800, `${figures.outcomes} outcomes`);
    t.ok(figures.cultureActivities >= 600, `${figures.cultureActivities} cultural exchanges`);
    t.ok((await store.readAll({ maxCount: 1 })).length === 1, 'the store stays open');
  });

  t.test('the evaluation standard spreads the scores and puts 10–40 % of partnerships at risk', async (t) => {
    const { evaluation: e } = figures;
    t.equal(e.standard, 'shandong-friendship-city-evaluation v1');
    t.equal(e.scored, 598, 'every relationship that counts is scored');
    t.ok(e.atRiskPercent >= 10 && e.atRiskPercent <= 40, `${e.atRiskPercent} % at risk`);
    t.equal(e.atRisk, e.dormant + e.belowThreshold);
    t.equal(e.dormant, counted.filter((p) => p.status === 'dormant').length, 'every dormant partnership is at risk');
    t.ok(e.belowThreshold > 0, 'and some active ones score below the threshold');
    const { min, lowerQuartile, median, upperQuartile, max } = e.scores;
    t.ok(min < lowerQuartile && lowerQuartile < median && median < upperQuartile && upperQuartile < max, JSON.stringify(e.scores));
    t.ok(e.bands.filter((n) => n > 0).length >= 8, `scores in most bands: ${e.bands.join(' ')}`);
    t.equal(e.bands.reduce((a, b) => a + b, 0), e.scored);
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
