import type { PartnershipKind, PartnershipStatus } from '../../commands/partnership/index.ts';
import type { ProjectStatus } from '../../commands/project/index.ts';
import {
  ACTIVITIES,
  activityTimeline,
  type ActivityDoc,
  CAMPAIGNS,
  type CampaignDoc,
  campaignProgress,
  campaignsProjection,
  overview,
  PARTNERSHIPS,
  type PartnershipRow,
  pipeline,
  portfolio,
  portfolioProjection,
  PROJECTS,
  type ProjectRow,
  registerProjection,
} from '../../projections/index.ts';
import { CONTINENTS, type Continent, type GroupId } from '../../projections/reference/index.ts';
import type { EventStore, Position } from '../event-store/port.ts';
import { documents } from '../http/read-models.ts';
import { createReadSide } from '../read-side.ts';
import { DEMO_END } from './dates.ts';

/**
 * The December 2021 figures as the dashboards show them: the service's own
 * read side (every projection, into memory read models) catches up with the
 * store, and the dashboards' queries answer as of the demo's last day.
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
  byStatus: Record<PartnershipStatus, number>;
  byKind: Record<PartnershipKind, number>;
  /** Projects in status `planned` (谋划合作项目). */
  plannedProjects: number;
  projectsByStatus: Record<ProjectStatus, number>;
  activities: number;
  outcomes: number;
  cultureActivities: number;
  cultureYears: { first: number; last: number; years: number };
  campaigns: { name: string; enrolled: number; dormantAtEnd: number; revived: number; targets: Record<string, number> }[];
}

export interface FiguresOptions {
  /** How long the projections may take to catch up with the store. Default 60 s. */
  timeoutMs?: number;
}

/** Runs the projections over the store's events and asks the dashboards' queries; the store stays open. */
export async function computeFigures(store: EventStore, options: FiguresOptions = {}): Promise<Figures> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const last = await lastPosition(store);
  const readSide = createReadSide({ config: { role: 'all', readModels: { kind: 'memory' } }, eventStore: store });
  try {
    await readSide.start();
    if (last !== undefined && !(await readSide.waitFor(last, timeoutMs))) {
      const errors = readSide.status().flatMap((p) => (p.lastError === undefined ? [] : [`; ${p.name}: ${p.lastError}`]));
      throw new Error(`the projections did not reach position ${last} within ${timeoutMs} ms${errors.join('')}`);
    }
    const [partnerships, activities, projects, campaigns] = await Promise.all([
      documents<PartnershipRow>(readSide, registerProjection.name, PARTNERSHIPS),
      documents<ActivityDoc>(readSide, registerProjection.name, ACTIVITIES),
      documents<ProjectRow>(readSide, portfolioProjection.name, PROJECTS),
      documents<CampaignDoc>(readSide, campaignsProjection.name, CAMPAIGNS),
    ]);
    return figuresOf(partnerships, activities, projects, campaigns);
  } finally {
    await readSide.close();
  }
}

function figuresOf(
  partnerships: readonly PartnershipRow[],
  activities: readonly ActivityDoc[],
  projects: readonly ProjectRow[],
  campaigns: readonly CampaignDoc[],
): Figures {
  const today = DEMO_END;
  const totals = overview(partnerships, { today });
  const portfolioNow = portfolio(projects, { today });
  const { BRI, RCEP, SCO } = totals.byGroup;
  const culture = activityTimeline(activities, { type: 'culture' });
  return {
    asOf: today,
    relationships: totals.relationships,
    countries: totals.countries,
    continents: CONTINENTS.filter((continent) => totals.byContinent[continent].pairs > 0).sort(),
    groups: { BRI, RCEP, SCO },
    signedIn2021: totals.signedThisYear,
    pipeline: pipeline(partnerships, { today }).total,
    byStatus: totals.byStatus,
    byKind: totals.byKind,
    plannedProjects: portfolioNow.byStatus.planned,
    projectsByStatus: portfolioNow.byStatus,
    activities: activityTimeline(activities).total,
    outcomes: totals.outcomes,
    cultureActivities: culture.total,
    cultureYears: yearsWith(activities, culture.total),
    campaigns: [...campaigns]
      .sort((a, b) => a.launchedOn.localeCompare(b.launchedOn) || a.id.localeCompare(b.id))
      .map((campaign) => {
        const progress = campaignProgress(campaign, partnerships, activities, projects, { today });
        const targets = Object.entries(progress.metrics).flatMap(([metric, { target }]) =>
          target === null ? [] : [[metric, target] as const],
        );
        return {
          name: campaign.name,
          enrolled: progress.enrolled.count,
          dormantAtEnd: progress.enrolled.dormant.length,
          revived: progress.enrolled.reactivated.length,
          targets: Object.fromEntries(targets),
        };
      }),
  };
}

/**
 * The span of years with cultural exchanges, and how many of them had any,
 * as the timeline filtered by year shows it. The timeline lists the newest
 * first, so its last entry is the oldest.
 */
function yearsWith(activities: readonly ActivityDoc[], total: number): Figures['cultureYears'] {
  const newest = activityTimeline(activities, { type: 'culture', pageSize: 1 }).items[0];
  const oldest = activityTimeline(activities, { type: 'culture', pageSize: 1, page: total }).items[0];
  if (newest === undefined || oldest === undefined) return { first: 0, last: 0, years: 0 };
  const first = Number(oldest.date.slice(0, 4));
  const last = Number(newest.date.slice(0, 4));
  let years = 0;
  for (let year = first; year <= last; year++) {
    if (activityTimeline(activities, { type: 'culture', from: `${year}-01-01`, to: `${year}-12-31` }).total > 0) years++;
  }
  return { first, last, years };
}

/** The position of the store's last event, read page by page; undefined for an empty store. */
async function lastPosition(store: EventStore): Promise<Position | undefined> {
  let last: Position | undefined;
  for (;;) {
    const page = await store.readAll({ ...(last !== undefined && { after: last }), maxCount: 1000 });
    const end = page.at(-1);
    if (end === undefined) return last;
    last = end.position;
  }
}
