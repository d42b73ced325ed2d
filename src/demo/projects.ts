import { z } from 'zod';
import { PROJECT_SECTORS, type ProjectCommand } from '../../commands/project/index.ts';
import { jsonTable, titleTemplate, weights } from './data-files.ts';
import { addDays, DEMO_END, dayNumber, minDate, randomDate } from './dates.ts';
import { demoUuid } from './ids.ts';
import { localName } from './local-sides.ts';
import type { PartnershipPlan } from './partnerships.ts';
import { PROJECT_COUNTS } from './plan.ts';
import type { Random } from './random.ts';
import { partnerNameEn } from '../../commands/partnership/index.ts';

/** A project command without its target id. */
export type ProjectBody = ProjectCommand extends infer C ? (C extends unknown ? Omit<C, 'id'> : never) : never;

export interface ProjectPlan {
  key: string;
  id: string;
  office: string;
  status: 'planned' | 'started' | 'completed' | 'cancelled';
  entries: { date: string; body: ProjectBody }[];
}

/** How often each sector comes up, and the titles of its projects (`data/projects.json`). */
const { sectors, titles } = jsonTable(
  'projects.json',
  z.strictObject({
    sectors: weights(z.enum(PROJECT_SECTORS)),
    titles: z.record(z.enum(PROJECT_SECTORS), z.array(titleTemplate()).min(1)),
  }),
);

/** The id the decider gives the n-th planned milestone: the demo fixes its id source per step. */
export const plannedMilestoneId = (projectKey: string, n: number) => demoUuid(`${projectKey}/0#${n}`);

interface Window {
  plannedFrom: string;
  plannedTo: string;
}

const WINDOWS: Readonly<Record<ProjectPlan['status'], Window>> = {
  // The campaign's project reserve was drawn up after its launch in March 2021.
  planned: { plannedFrom: '2021-04-01', plannedTo: DEMO_END },
  started: { plannedFrom: '2017-01-01', plannedTo: '2021-06-30' },
  completed: { plannedFrom: '2006-01-01', plannedTo: '2019-06-30' },
  cancelled: { plannedFrom: '2012-01-01', plannedTo: '2020-12-31' },
};

export function buildProjects(rnd: Random, partnerships: readonly PartnershipPlan[]): ProjectPlan[] {
  const signed = partnerships.filter((p) => p.fate === 'signed');
  const pipeline = partnerships.filter((p) => p.fate === 'pipeline');
  const projects: ProjectPlan[] = [];
  for (const status of ['completed', 'cancelled', 'started', 'planned'] as const) {
    for (let n = 1; n <= PROJECT_COUNTS[status]; n++) {
      const key = `project/${status}/${String(n).padStart(3, '0')}`;
      const r = rnd.fork(key);
      const plannedOn = randomDate(r, WINDOWS[status].plannedFrom, WINDOWS[status].plannedTo);
      // Planned projects also prepare ties still in the pipeline; the others serve signed ones.
      const pool = status === 'planned' && r.chance(0.15) ? pipeline : signed;
      const candidates = pool.filter((p) => (p.signedOn ?? p.proposedOn) < plannedOn);
      const main = r.pick(candidates);
      const siblings = candidates.filter((p) => p !== main && p.office === main.office);
      const partners = [main, ...(siblings.length > 0 && r.chance(0.2) ? r.shuffle(siblings).slice(0, r.int(1, 2)) : [])];
      projects.push(project(r, key, status, plannedOn, partners));
    }
  }
  return projects;
}

function project(
  rnd: Random,
  key: string,
  status: ProjectPlan['status'],
  plannedOn: string,
  partners: readonly PartnershipPlan[],
): ProjectPlan {
  const main = partners[0] as PartnershipPlan;
  const sector = rnd.weighted(sectors);
  const title = rnd
    .pick(titles[sector])
    .replaceAll('{local}', localName(main.parties.local))
    .replaceAll('{partner}', partnerNameEn(main.parties.partner));
  const plannedStart = status === 'planned' ? randomDate(rnd, '2022-01-01', '2022-12-01') : addDays(plannedOn, rnd.int(30, 240));
  const plannedEnd = addDays(plannedStart, rnd.int(180, 1000));
  const milestones = rnd.chance(status === 'planned' ? 0.3 : 0.6)
    ? Array.from({ length: rnd.int(1, 3) }, (_, i) => ({
        title: ['Feasibility study', 'Agreement with the partner', 'Site work', 'Opening'][i] ?? 'Milestone',
        dueDate: addDays(plannedStart, Math.round(((i + 1) * dayNumber(plannedEnd) - (i + 1) * dayNumber(plannedStart)) / 4)),
      }))
    : [];
  const budget = rnd.chance(0.65) ? { amount: rnd.int(20, 5000) * 10_000, currency: 'CNY' } : undefined;

  const entries: ProjectPlan['entries'] = [
    {
      date: plannedOn,
      body: {
        type: 'PlanProject',
        data: {
          title,
          sector,
          partnershipIds: partners.map((p) => p.id),
          leadOffice: main.parties.local.divisionCode,
          plannedStart,
          plannedEnd,
          ...(budget !== undefined && { budget }),
          ...(milestones.length > 0 && { milestones }),
          notes: 'Demo data.',
        },
      },
    },
  ];
  if (status !== 'planned' && !(status === 'cancelled' && rnd.chance(0.6))) {
    const startedOn = minDate(randomDate(rnd, addDays(plannedOn, 20), addDays(plannedOn, 300)), DEMO_END);
    entries.push({ date: startedOn, body: { type: 'StartProject', data: {} } });
    let last = startedOn;
    const end = status === 'completed' ? minDate(addDays(startedOn, rnd.int(200, 900)), DEMO_END) : DEMO_END;
    milestones.forEach((milestone, n) => {
      if (milestone.dueDate > end || !rnd.chance(0.8)) return;
      last = milestone.dueDate < last ? last : milestone.dueDate;
      entries.push({ date: last, body: { type: 'RecordMilestone', data: { title: milestone.title, milestoneId: plannedMilestoneId(key, n) } } });
    });
    if (rnd.chance(0.3) && addDays(last, 30) < end) {
      last = randomDate(rnd, addDays(last, 1), addDays(last, 30));
      entries.push({ date: last, body: { type: 'RecordMilestone', data: { title: 'Partner delegation inspects progress' } } });
    }
    if (status === 'completed') {
      const completedOn = end < last ? last : end;
      entries.push({ date: completedOn, body: { type: 'CompleteProject', data: { summary: `${title}: delivered.` } } });
      last = completedOn;
    }
    if (status === 'cancelled') {
      entries.push({ date: randomDate(rnd, last, minDate(addDays(last, 200), DEMO_END)), body: { type: 'CancelProject', data: { reason: 'Funding was withdrawn' } } });
    }
  } else if (status === 'cancelled') {
    const reason = 'The partner side could not commit to the project';
    entries.push({ date: randomDate(rnd, addDays(plannedOn, 30), minDate(addDays(plannedOn, 400), DEMO_END)), body: { type: 'CancelProject', data: { reason } } });
  }
  return { key, id: demoUuid(`project:${key}`), office: main.office, status, entries };
}
