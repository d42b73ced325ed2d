import { type CampaignEvent, campaignDecider, type CampaignState } from '../../commands/campaign/index.ts';
import {
  type Partnership,
  type PartnershipEvent,
  partnershipDecider,
  type PartnershipState,
} from '../../commands/partnership/index.ts';
import { type ProjectEvent, projectDecider, type ProjectState } from '../../commands/project/index.ts';
import { countryInfo, groupsOf, type Continent, type GroupId } from '../../projections/reference/index.ts';
import type { EventStore, RecordedEvent } from '../event-store/port.ts';
import { DEMO_END } from './dates.ts';

/**
 * The December 2021 figures as the store shows them: every stream folded
 * with its aggregate's own `evolve`, counted with the reference data. It
 * trusts nothing the generator planned.
 */
export interface Figures {
  asOf: string;
  /** Signed and not terminated: active or dormant. */
  relationships: number;
  countries: number;
  continents: Continent[];
  groups: Record<GroupId, { pairs: number; countries: number }>;
  signedIn2021: number;
  /** Candidate pairs in reserve: candidate, in_contact, intent_signed, under_review, approved. */
  pipeline: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  /** Projects in status `planned` (谋划合作项目). */
  plannedProjects: number;
  projectsByStatus: Record<string, number>;
  activities: number;
  outcomes: number;
  cultureActivities: number;
  cultureYears: { first: number; last: number; years: number };
  campaigns: { name: string; enrolled: number; dormantAtEnd: number; revived: number; targets: Record<string, number> }[];
}

const PIPELINE = new Set(['candidate', 'in_contact', 'intent_signed', 'under_review', 'approved']);

const fold = <S, E>(events: readonly RecordedEvent[], decider: { initialState: S; evolve(state: S, event: E): S }) =>
  events.reduce((state, event) => decider.evolve(state, { type: event.type, data: event.data } as E), decider.initialState);

const tally = (values: readonly string[]) =>
  values.reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});

export async function computeFigures(store: EventStore): Promise<Figures> {
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of await store.readAll()) streams.set(event.stream, [...(streams.get(event.stream) ?? []), event]);
  const byPrefix = (prefix: string) => [...streams].filter(([name]) => name.startsWith(prefix)).map(([, events]) => events);

  const partnerships = byPrefix('partnership-')
    .map((events) => fold<PartnershipState, PartnershipEvent>(events, partnershipDecider))
    .filter((state): state is Partnership => state.status !== 'none');
  const projects = byPrefix('project-').map((events) => fold<ProjectState, ProjectEvent>(events, projectDecider));
  const campaigns = byPrefix('campaign-').map((events) => fold<CampaignState, CampaignEvent>(events, campaignDecider));
  const activities = byPrefix('partnership-')
    .flat()
    .filter((event) => event.type === 'ActivityRecorded');

  const counted = partnerships.filter((p) => p.status === 'active' || p.status === 'dormant');
  const countries = new Set(counted.map((p) => p.partner.country));
  const inGroup = (id: GroupId) => counted.filter((p) => groupsOf(p.partner.country, DEMO_END).includes(id));
  const group = (id: GroupId) => {
    const pairs = inGroup(id);
    return { pairs: pairs.length, countries: new Set(pairs.map((p) => p.partner.country)).size };
  };
  const culture = activities.filter((event) => event.data.type === 'culture');
  const cultureYears = [...new Set(culture.map((event) => Number(String(event.data.date).slice(0, 4))))].sort();
  const status = new Map(partnerships.map((p) => [p.id, p.status]));

  return {
    asOf: DEMO_END,
    relationships: counted.length,
    countries: countries.size,
    continents: [...new Set([...countries].map((c) => countryInfo(c)?.continent))]
      .filter((c): c is Continent => c !== undefined)
      .sort(),
    groups: { BRI: group('BRI'), RCEP: group('RCEP'), SCO: group('SCO') },
    signedIn2021: counted.filter((p) => p.signedOn?.startsWith('2021') === true).length,
    pipeline: partnerships.filter((p) => PIPELINE.has(p.status)).length,
    byStatus: tally(partnerships.map((p) => p.status)),
    byKind: tally(counted.map((p) => p.kind)),
    plannedProjects: projects.filter((p) => p.status === 'planned').length,
    projectsByStatus: tally(projects.map((p) => p.status)),
    activities: activities.length,
    outcomes: partnerships.reduce((sum, p) => sum + p.outcomeCount, 0),
    cultureActivities: culture.length,
    cultureYears: { first: cultureYears[0] ?? 0, last: cultureYears.at(-1) ?? 0, years: cultureYears.length },
    campaigns: campaigns.flatMap((c) =>
      c.status === 'none'
        ? []
        : [
            {
              name: c.name,
              enrolled: c.enrolled.length,
              dormantAtEnd: c.enrolled.filter((id) => status.get(id) === 'dormant').length,
              revived: c.enrolled.filter((id) => status.get(id) === 'active').length,
              targets: Object.fromEntries(Object.entries(c.targets).filter((e): e is [string, number] => e[1] !== undefined)),
            },
          ],
    ),
  };
}
