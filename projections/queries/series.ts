import { PIPELINE_STATUSES, type PipelineStatus } from '../../commands/partnership/index.ts';
import { PROJECT_STATUSES, type ProjectStatus } from '../../commands/project/index.ts';
import { addDays, dayNumber } from '../shared/dates.ts';
import { candidatesOn, countryFigures } from './overview.ts';
import type { ReadViews } from './views.ts';

export const SERIES_STEPS = ['year', 'quarter', 'month'] as const;
export type SeriesStep = (typeof SERIES_STEPS)[number];

/** Most points a series has: monthly since 1979 is about 520. */
export const MAX_SERIES_POINTS = 1200;

export interface SeriesQuery {
  from: string;
  to: string;
  step: SeriesStep;
}

/** The first day of the step after the one `date` is in. */
function nextStart(date: string, step: SeriesStep): string {
  const [year = 0, month = 1] = date.split('-').map(Number);
  const months = step === 'year' ? 12 - (month - 1) : step === 'quarter' ? 3 - ((month - 1) % 3) : 1;
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String(index - y * 12 + 1).padStart(2, '0')}-01`;
}

/**
 * The days a series is read on: the last day of each step from the one
 * `from` is in to the one `to` is in, the last cut at `to`.
 */
export function stepEnds({ from, to, step }: SeriesQuery): string[] {
  const ends: string[] = [];
  for (let start = from; start <= to && ends.length < MAX_SERIES_POINTS; start = nextStart(start, step)) {
    const end = addDays(nextStart(start, step), -1);
    ends.push(end < to ? end : to);
  }
  return ends;
}

/**
 * The headline figures at the end of each step: relationships that count,
 * countries and continents, the Belt-and-Road and RCEP figures (by each
 * group's membership that day), signings within the step, candidates,
 * activities and outcomes so far. One read of the dated counts per point.
 */
export function overviewSeries(views: Pick<ReadViews, 'register'>, query: SeriesQuery) {
  const { counts } = views.register;
  let previous = addDays(query.from, -1);
  const points = stepEnds(query).map((day) => {
    const d = dayNumber(day);
    const { byCountry, byContinent, byGroup } = countryFigures(counts, day);
    const point = {
      day,
      relationships: counts.at('counted', 'all', d),
      countries: byCountry.length,
      continents: Object.values(byContinent).filter((continent) => continent.pairs > 0).length,
      beltAndRoad: byGroup.BRI,
      rcep: byGroup.RCEP,
      signed: counts.between('signed', 'all', dayNumber(previous) + 1, d),
      candidates: candidatesOn(counts, d),
      activities: counts.total('activities', d),
      outcomes: counts.total('outcomes', d),
    };
    previous = day;
    return point;
  });
  return { ...query, points };
}

/** The pipeline by stage at the end of each step. */
export function pipelineSeries(views: Pick<ReadViews, 'register'>, query: SeriesQuery) {
  const { counts } = views.register;
  const points = stepEnds(query).map((day) => {
    const d = dayNumber(day);
    const byStage = Object.fromEntries(PIPELINE_STATUSES.map((status) => [status, counts.at('status', status, d)])) as Record<PipelineStatus, number>;
    return { day, total: Object.values(byStage).reduce((a, b) => a + b, 0), byStage };
  });
  return { ...query, points };
}

/** The project portfolio by status at the end of each step. */
export function portfolioSeries(views: Pick<ReadViews, 'portfolio'>, query: SeriesQuery) {
  const { counts } = views.portfolio;
  const points = stepEnds(query).map((day) => {
    const d = dayNumber(day);
    const byStatus = Object.fromEntries(PROJECT_STATUSES.map((status) => [status, counts.at('status', status, d)])) as Record<ProjectStatus, number>;
    return { day, total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus };
  });
  return { ...query, points };
}
