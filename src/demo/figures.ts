import type { PartnershipKind, PartnershipStatus } from '../../commands/partnership/index.ts';
import type { ProjectStatus } from '../../commands/project/index.ts';
import {
  activityTimeline,
  campaignProgress,
  DEFAULT_DORMANCY_MONTHS,
  defaultStandards,
  evaluate,
  type EvaluationStandards,
  overview,
  pipeline,
  portfolio,
  type ProjectedEvent,
  PROJECTIONS,
  type ReadViews,
  viewsFromEvents,
} from '../../projections/index.ts';
import { CONTINENTS, type Continent, type GroupId } from '../../projections/reference/index.ts';
import type { EventStore, Position, RecordedEvent } from '../event-store/port.ts';
import { DEMO_END } from './dates.ts';

/**
 * The published figures as the dashboards show them on the demo's day: the
 * service's projections run over the store's events into views in memory
 * (`views.ts`), and the dashboards' own queries answer as of that day.
 * Nothing here counts by itself.
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
  evaluation: EvaluationFigures;
}

/** The evaluation standard's verdict on the day: how the scores spread and how many partnerships are at risk. */
export interface EvaluationFigures {
  standard: string | null;
  threshold: number | null;
  scored: number;
  scores: { min: number; lowerQuartile: number; median: number; upperQuartile: number; max: number };
  /** Partnerships by score band: 0–9.9, 10–19.9, …, 90–100. */
  bands: number[];
  atRisk: number;
  /** Share of the scored partnerships at risk, in per cent to one decimal. */
  atRiskPercent: number;
  /** At risk because marked dormant, whatever their score. */
  dormant: number;
  /** At risk only because they score below the threshold (active ones). */
  belowThreshold: number;
}

/** Reads every event of the store, builds the views and asks the queries; the store stays open. */
export async function computeFigures(store: EventStore, day: string = DEMO_END): Promise<Figures> {
  // Events as projections see them (ProjectedEvent is the store's event, structurally).
  const events = (await everyEvent(store)) as unknown as ProjectedEvent[];
  return figuresOf(viewsFromEvents(PROJECTIONS, events, { dormancyMonths: DEFAULT_DORMANCY_MONTHS }), day);
}

/** The figures the dashboards' queries give on `day` over the views. */
export function figuresOf(views: ReadViews, day: string, standards: EvaluationStandards = defaultStandards()): Figures {
  const totals = overview(views, { day });
  const projects = portfolio(views.portfolio, { day });
  const { BRI, RCEP, SCO } = totals.byGroup;
  const culture = activityTimeline(views.register, { day, type: 'culture' });
  return {
    asOf: day,
    relationships: totals.relationships,
    countries: totals.countries,
    continents: CONTINENTS.filter((continent) => totals.byContinent[continent].pairs > 0).sort(),
    groups: { BRI, RCEP, SCO },
    signedIn2021: totals.signedThisYear,
    pipeline: pipeline(views.register, { day }).total,
    byStatus: totals.byStatus,
    byKind: totals.byKind,
    plannedProjects: projects.byStatus.planned,
    projectsByStatus: projects.byStatus,
    activities: totals.activities,
    outcomes: totals.outcomes,
    cultureActivities: culture.total,
    cultureYears: cultureYears(views, day, culture.total),
    campaigns: campaignsOf(views, day),
    evaluation: evaluationOf(views, standards, day),
  };
}

function campaignsOf(views: ReadViews, day: string): Figures['campaigns'] {
  return [...views.campaigns.entries.keys()]
    .flatMap((id) => {
      const progress = campaignProgress(views, id, { day });
      return progress === undefined ? [] : [progress];
    })
    .sort((a, b) => a.campaign.startsOn.localeCompare(b.campaign.startsOn) || a.campaign.id.localeCompare(b.campaign.id))
    .map((progress) => {
      const targets = Object.entries(progress.metrics).flatMap(([metric, { target }]) => (target === null ? [] : [[metric, target] as const]));
      return {
        name: progress.campaign.name,
        enrolled: progress.enrolled.count,
        dormantAtEnd: progress.enrolled.dormant.length,
        revived: progress.enrolled.reactivated.length,
        targets: Object.fromEntries(targets),
      };
    });
}

function evaluationOf(views: ReadViews, standards: EvaluationStandards, day: string): EvaluationFigures {
  const result = evaluate(views, standards, { day });
  // The evaluation lists the lowest score first.
  const scores = result.partnerships.map((p) => p.score);
  const at = (fraction: number) => scores[Math.round(fraction * (scores.length - 1))] ?? 0;
  const bands = Array.from({ length: 10 }, () => 0);
  for (const score of scores) {
    const band = Math.min(9, Math.floor(score / 10));
    bands[band] = (bands[band] ?? 0) + 1;
  }
  const atRisk = result.atRisk.length;
  return {
    standard: result.standard === null ? null : `${result.standard.id} v${result.standard.version}`,
    threshold: result.atRiskThreshold,
    scored: scores.length,
    scores: { min: at(0), lowerQuartile: at(0.25), median: at(0.5), upperQuartile: at(0.75), max: at(1) },
    bands,
    atRisk,
    atRiskPercent: scores.length === 0 ? 0 : Math.round((atRisk / scores.length) * 1000) / 10,
    dormant: result.atRisk.filter((p) => p.reasons.includes('dormant')).length,
    belowThreshold: result.atRisk.filter((p) => !p.reasons.includes('dormant')).length,
  };
}

/**
 * The span of years with cultural exchanges, and how many of them had any,
 * as the timeline filtered by year shows it. The timeline lists the newest
 * first, so its last entry is the oldest.
 */
function cultureYears(views: ReadViews, day: string, total: number): Figures['cultureYears'] {
  const query = { day, type: 'culture' as const, pageSize: 1 };
  const newest = activityTimeline(views.register, query).items[0];
  const oldest = activityTimeline(views.register, { ...query, page: total }).items[0];
  if (newest === undefined || oldest === undefined) return { first: 0, last: 0, years: 0 };
  const first = Number(oldest.date.slice(0, 4));
  const last = Number(newest.date.slice(0, 4));
  let years = 0;
  for (let year = first; year <= last; year++) {
    if (activityTimeline(views.register, { ...query, from: `${year}-01-01`, to: `${year}-12-31` }).total > 0) years++;
  }
  return { first, last, years };
}

/** Every event of the store in log order, read page by page. */
async function everyEvent(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let after: Position | undefined;
  for (;;) {
    const page = await store.readAll({ ...(after !== undefined && { after }), maxCount: 5000 });
    events.push(...page);
    const last = page.at(-1);
    if (last === undefined) return events;
    after = last.position;
  }
}
