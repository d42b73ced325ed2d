/**
 * Hand-made histories for query specs, written through the real deciders
 * (so every event is one the write side can produce) and projected into
 * views as the runner does: a partnership, project, campaign or report is
 * described by where it stood on the fixture day, and this builds the
 * commands that got it there. `fixtureLedger()` is the ten-partnership
 * register most query specs read.
 */
import type { DecideContext, Decider, DomainEvent } from '../../commands/decider.ts';
import { campaignDecider, type CampaignCommand, type CampaignMetric, type CampaignTargets } from '../../commands/campaign/index.ts';
import {
  type ActivityType,
  partnershipDecider,
  type PartnershipCommand,
  type PartnershipKind,
  type PartnershipStatus,
  requiredApprovals,
} from '../../commands/partnership/index.ts';
import { type Project, projectDecider, type ProjectCommand, type ProjectSector, type ProjectState } from '../../commands/project/index.ts';
import { type Quarter, quarterlyReportId, reportDecider, type ReportCommand, reportStream } from '../../commands/report/index.ts';
import { resolveDivision } from '../../commands/shared/divisions.ts';
import { PROJECTIONS, type ProjectedEvent, type Projection, type ReadViews } from '../../projections/index.ts';
import type { DocChange, ViewOptions } from '../../projections/view.ts';
import { fold } from '../commands/spec.ts';
import { eventLog, memoryDocuments, project } from './spec.ts';

export const TODAY = '2024-06-15';
const NOW = '2024-06-15T02:00:00.000Z';

/**
 * A fixture id as a UUID: `p01` → 00000000-0000-4000-8000-000000703031, stable,
 * and read back by `nameOf`. At most six bytes, so no two names share an id.
 */
export const uuid = (name: string): string => {
  if (Buffer.byteLength(name) > 6) throw new Error(`fixture name ${name} is longer than six bytes`);
  const hex = Buffer.from(name).toString('hex').padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
};

/** The fixture name a `uuid` was made from, so specs compare readable names. */
export const nameOf = (id: string): string => Buffer.from(id.slice(-12), 'hex').toString().replace(/^\0+/, '');

export interface ActivitySpec {
  date: string;
  type?: ActivityType;
  outcomes?: number;
  leaderRank?: string;
}

export interface PartnershipSpec {
  id: string;
  status: PartnershipStatus;
  kind?: PartnershipKind;
  /** Local division code; its city answers for it. */
  local?: string;
  country: string;
  nameEn?: string;
  nameZh?: string;
  nameNative?: string;
  proposedOn?: string;
  /** The day the current status began (contact, approval, termination, withdrawal). */
  statusSince?: string;
  signedOn?: string;
  /** Earlier days it was marked dormant, each ended by a reactivation or by an activity that revived it. */
  markedDormantOn?: string[];
  /** The day it was last marked dormant, when it still is. */
  dormantSince?: string;
  activities?: ActivitySpec[];
  reactivatedOn?: { date: string; campaignId?: string }[];
}

type Dated<C> = [date: string, command: C];
/** A command, or one built from the state it will meet (a milestone's minted id, say). */
type Step<C, S> = Dated<C> | ((state: S) => Dated<C>);

function localSide(code: string) {
  const division = resolveDivision(code);
  if (division === undefined) throw new Error(`bad division ${code}`);
  return division.level === 'county' ? { divisionCode: code, nameEn: `County ${code}` } : { divisionCode: code };
}

function activityCommand(id: string, activity: ActivitySpec, title: string): Dated<PartnershipCommand> {
  const data = {
    type: activity.type ?? 'culture',
    direction: 'outgoing',
    title,
    participants: 10,
    ...(activity.leaderRank !== undefined && { leaderRank: activity.leaderRank }),
    outcomes: Array.from({ length: activity.outcomes ?? 0 }, (_, i) => ({ description: `Outcome ${i + 1}` })),
    date: activity.date,
  };
  return [activity.date, { type: 'RecordActivity', id, data } as PartnershipCommand];
}

/** The commands that bring a partnership to where the spec says it stood. */
export function partnershipCommands(spec: PartnershipSpec): Dated<PartnershipCommand>[] {
  const id = uuid(spec.id);
  const kind = spec.kind ?? 'sister';
  const local = spec.local ?? '370200';
  const proposedOn = spec.proposedOn ?? '2020-01-01';
  const out: Dated<PartnershipCommand>[] = [];
  const add = (date: string, type: string, data: object = {}) => out.push([date, { type, id, data: { ...data, date } } as PartnershipCommand]);
  const partner = {
    nameEn: spec.nameEn ?? `City ${spec.id}`,
    ...(spec.nameZh !== undefined && { nameZh: spec.nameZh }),
    ...(spec.nameNative !== undefined && { nameNative: spec.nameNative }),
    country: spec.country,
    level: 'city',
  };
  add(proposedOn, 'ProposePartnership', { local: localSide(local), partner, kind });
  const signed = spec.signedOn !== undefined;
  const approve = (until: string) => {
    add(proposedOn, 'SignLetterOfIntent');
    const level = resolveDivision(local)?.level === 'province' ? 'province' : 'city';
    for (const step of requiredApprovals(kind, level)) {
      add(until, 'RequestApproval', { level: step });
      add(until, 'RecordApprovalDecision', { level: step, decision: 'granted', reference: `${step}-approval` });
    }
  };
  if (signed) {
    approve(spec.signedOn as string);
    add(spec.signedOn as string, 'SignAgreement', { place: 'Jinan', signatories: [{ side: 'local', name: 'Signatory' }] });
  }
  const since = spec.statusSince ?? proposedOn;
  switch (spec.status) {
    case 'in_contact':
      add(since, 'RecordContact');
      break;
    case 'approved':
      approve(since);
      break;
    case 'withdrawn':
      add(since, 'WithdrawProposal', { reason: 'no reply' });
      break;
    case 'terminated':
      add(since, 'TerminatePartnership', { reason: 'ended', reference: 'LZB-ended' });
      break;
    default:
      break;
  }
  const lifecycle = [...out];
  out.length = 0;
  const later: Dated<PartnershipCommand>[] = [];
  const put = (date: string, type: string, data: object = {}) => later.push([date, { type, id, data: { ...data, date } } as PartnershipCommand]);
  for (const date of [...(spec.markedDormantOn ?? []), ...(spec.dormantSince === undefined ? [] : [spec.dormantSince])]) put(date, 'MarkDormant', { reason: 'quiet' });
  for (const r of spec.reactivatedOn ?? []) put(r.date, 'Reactivate', r.campaignId === undefined ? {} : { campaignId: r.campaignId });
  for (const a of spec.activities ?? []) later.push(activityCommand(id, a, `Activity of ${spec.id} on ${a.date}`));
  // Lifecycle in order; dormancy, reactivations and activities by date after it (a stable sort: on one day
  // a partnership is marked dormant before it is reactivated). Activities entered late: see `commandLog().activity`.
  later.sort(([a], [b]) => a.localeCompare(b));
  return [...lifecycle, ...later];
}

export interface ProjectSpec {
  id: string;
  status: 'planned' | 'started' | 'completed' | 'cancelled';
  sector?: ProjectSector;
  office?: string;
  /** Fixture names of the partnerships it serves. */
  partnershipIds?: string[];
  plannedOn?: string;
  plannedStart?: string;
  plannedEnd?: string;
  startedOn?: string;
  endedOn?: string;
  /** Planned milestones; those with `recordedOn` were reached that day. */
  milestones?: { title: string; dueDate: string; recordedOn?: string }[];
  /** Milestones recorded as they happened, without a plan. */
  unplanned?: { title: string; recordedOn: string }[];
}

export function projectCommands(spec: ProjectSpec): Step<ProjectCommand, ProjectState>[] {
  const id = uuid(spec.id);
  const plannedOn = spec.plannedOn ?? '2023-01-01';
  const out: Step<ProjectCommand, ProjectState>[] = [
    [
      plannedOn,
      {
        type: 'PlanProject',
        id,
        data: {
          title: `Project ${spec.id}`,
          sector: spec.sector ?? 'culture',
          partnershipIds: (spec.partnershipIds ?? ['p01']).map(uuid),
          leadOffice: spec.office ?? '370200',
          plannedStart: spec.plannedStart ?? '2023-03-01',
          plannedEnd: spec.plannedEnd ?? '2024-12-31',
          milestones: (spec.milestones ?? []).map(({ title, dueDate }) => ({ title, dueDate })),
          date: plannedOn,
        },
      },
    ],
  ];
  if (spec.startedOn !== undefined) out.push([spec.startedOn, { type: 'StartProject', id, data: { date: spec.startedOn } }]);
  const reached = [
    ...(spec.milestones ?? []).flatMap(({ title, recordedOn }) => (recordedOn === undefined ? [] : [{ title, recordedOn, planned: true }])),
    ...(spec.unplanned ?? []).map(({ title, recordedOn }) => ({ title, recordedOn, planned: false })),
  ].sort((a, b) => a.recordedOn.localeCompare(b.recordedOn));
  for (const { title, recordedOn, planned } of reached) {
    // A planned milestone is named by the id the decider minted when the project was planned.
    out.push((state) => {
      const milestoneId = planned ? (state as Project).milestones.find((m) => m.title === title)?.milestoneId : undefined;
      return [recordedOn, { type: 'RecordMilestone', id, data: { title, date: recordedOn, ...(milestoneId !== undefined && { milestoneId }) } }];
    });
  }
  if (spec.status === 'completed') out.push([spec.endedOn as string, { type: 'CompleteProject', id, data: { date: spec.endedOn } }]);
  if (spec.status === 'cancelled') out.push([spec.endedOn as string, { type: 'CancelProject', id, data: { date: spec.endedOn, reason: 'stopped' } }]);
  return out;
}

export interface CampaignSpec {
  id: string;
  name?: string;
  launchedOn: string;
  startsOn: string;
  endsOn: string;
  targets?: CampaignTargets;
  /** Fixture names of the partnerships enrolled and the day each was. */
  enrolled?: { partnership: string; date: string }[];
  /** Targets set or revised later. */
  targetsSet?: { metric: CampaignMetric; value: number; date: string }[];
  closedOn?: string;
  summary?: string;
}

export function campaignCommands(spec: CampaignSpec): Dated<CampaignCommand>[] {
  const id = uuid(spec.id);
  const { launchedOn, startsOn, endsOn } = spec;
  const later: Dated<CampaignCommand>[] = [
    ...(spec.enrolled ?? []).map(({ partnership, date }): Dated<CampaignCommand> => [date, { type: 'EnrollPartnership', id, data: { partnershipId: uuid(partnership), date } }]),
    ...(spec.targetsSet ?? []).map(({ metric, value, date }): Dated<CampaignCommand> => [date, { type: 'SetCampaignTarget', id, data: { metric, value, date } }]),
  ].sort(([a], [b]) => a.localeCompare(b));
  const close: Dated<CampaignCommand>[] =
    spec.closedOn === undefined ? [] : [[spec.closedOn, { type: 'CloseCampaign', id, data: { date: spec.closedOn, ...(spec.summary !== undefined && { summary: spec.summary }) } }]];
  return [
    [launchedOn, { type: 'LaunchCampaign', id, data: { name: spec.name ?? `Campaign ${spec.id}`, startsOn, endsOn, targets: spec.targets ?? {}, date: launchedOn } }],
    ...later,
    ...close,
  ];
}

export interface ReportSpec {
  office: string;
  year: number;
  quarter: Quarter;
  /** Every day it was submitted, corrections included, in order. */
  submittedOn: string[];
}

export function reportCommands({ office, year, quarter, submittedOn }: ReportSpec): Dated<ReportCommand>[] {
  const id = quarterlyReportId(office, year, quarter);
  return submittedOn.map((date) => [date, { type: 'SubmitQuarterlyReport', id, data: { office, year, quarter, date } }]);
}

/**
 * A log built by running commands through the real deciders, as the command
 * handler would: each stream's history is kept, so a later call continues it
 * (an activity entered late, after other streams moved on).
 */
export function commandLog() {
  const log = eventLog();
  const histories = new Map<string, DomainEvent[]>();
  let counter = 0;
  const run = <C, S, E extends DomainEvent>(decider: Decider<C, S, E>, stream: string, steps: readonly Step<C, S>[], options: { actor?: string } = {}) => {
    const history = (histories.get(stream) ?? []) as E[];
    histories.set(stream, history);
    for (const step of steps) {
      const state = fold(decider as Decider<unknown, S, E>, history);
      const [, command] = typeof step === 'function' ? step(state) : step;
      const context: DecideContext = { now: NOW, newId: () => `00000000-0000-4000-a000-${String(++counter).padStart(12, '0')}` };
      const events = decider.decide(command, state, context);
      history.push(...events);
      log.append(stream, events, options.actor === undefined ? {} : { actor: options.actor });
    }
  };
  return {
    log,
    get events(): ProjectedEvent[] {
      return log.events;
    },
    partnership(spec: PartnershipSpec) {
      run(partnershipDecider, `partnership-${uuid(spec.id)}`, partnershipCommands(spec));
      return this;
    },
    /** Records one more activity on a partnership already in the log, e.g. one entered late. */
    activity(partnership: string, activity: ActivitySpec) {
      const id = uuid(partnership);
      run(partnershipDecider, `partnership-${id}`, [activityCommand(id, activity, `Activity of ${partnership} on ${activity.date}`)]);
      return this;
    },
    project(spec: ProjectSpec) {
      run(projectDecider, `project-${uuid(spec.id)}`, projectCommands(spec));
      return this;
    },
    campaign(spec: CampaignSpec) {
      run(campaignDecider, `campaign-${uuid(spec.id)}`, campaignCommands(spec));
      return this;
    },
    /** An office's submissions of one quarter's report, by `actor`. */
    report(spec: ReportSpec, actor?: string) {
      run(reportDecider, reportStream(quarterlyReportId(spec.office, spec.year, spec.quarter)), reportCommands(spec), actor === undefined ? {} : { actor });
      return this;
    },
  };
}

/**
 * The fixture register: ten partnerships on 2024-06-15, five that count
 * (four active, one dormant) in JP ×2, KR, RU and TH; three in the pipeline;
 * one terminated, one withdrawn. Their histories go back to 1999, so the
 * register also answers as of earlier days (see `fixtureLedger`).
 */
export const LEDGER: readonly PartnershipSpec[] = [
  {
    id: 'p01', status: 'active', country: 'JP', nameEn: 'Shimonoseki', nameZh: '下关', nameNative: '下関市', proposedOn: '2020-01-01', signedOn: '2021-05-01',
    activities: [{ date: '2021-06-01', type: 'culture', outcomes: 2 }, { date: '2022-01-01', type: 'education', outcomes: 1 }],
  },
  {
    id: 'p02', status: 'active', kind: 'friendly_cooperation', local: '370100', country: 'JP', nameEn: 'Yamaguchi', nameZh: '山口', proposedOn: '2022-03-01', signedOn: '2024-02-01',
    activities: [{ date: '2024-03-01', type: 'trade_investment' }],
  },
  { id: 'p03', status: 'dormant', local: '370600', country: 'KR', nameEn: 'Gunsan', nameZh: '群山', proposedOn: '2009-03-01', signedOn: '2010-01-01', dormantSince: '2023-01-01' },
  { id: 'p04', status: 'active', local: '370100', country: 'RU', nameEn: 'Kazan', nameZh: '喀山', nameNative: 'Казань', proposedOn: '2022-09-01', signedOn: '2024-03-01' },
  {
    id: 'p05', status: 'active', kind: 'institutional', local: '370000', country: 'TH', nameEn: 'Port of Laem Chabang', proposedOn: '2019-01-15', signedOn: '2019-07-01',
    activities: [{ date: '2019-10-08', type: 'forum', outcomes: 1 }, { date: '2023-01-01', type: 'port_logistics' }],
  },
  { id: 'p06', status: 'candidate', country: 'SN', nameEn: 'Dakar', nameZh: '达喀尔', proposedOn: '2024-01-10' },
  { id: 'p07', status: 'terminated', country: 'US', nameEn: 'Long Beach', proposedOn: '1999-09-01', signedOn: '2000-05-01', statusSince: '2020-01-01' },
  { id: 'p08', status: 'in_contact', local: '371000', country: 'DE', nameEn: 'Bremen', proposedOn: '2023-11-01', statusSince: '2024-02-01' },
  { id: 'p09', status: 'withdrawn', country: 'PK', nameEn: 'Lahore', proposedOn: '2020-01-01', statusSince: '2021-01-01' },
  { id: 'p10', status: 'approved', local: '371002', country: 'AU', nameEn: 'Ballarat', proposedOn: '2023-01-01', statusSince: '2024-05-16' },
];

/** p01's exchange of 2021-09-01, entered only after every other fact of the ledger (2023 and 2024 ones included). */
export const LATE_ACTIVITY: ActivitySpec = { date: '2021-09-01', type: 'youth', outcomes: 2 };

/**
 * The fixture register's events, as the deciders produce them: six
 * activities with six outcomes in all (p01 three with five, p02 one, p05 two
 * with one), the last of them a 2021 activity recorded after everything else.
 */
export function fixtureLedger(): ProjectedEvent[] {
  const log = commandLog();
  for (const spec of LEDGER) log.partnership(spec);
  log.activity('p01', LATE_ACTIVITY);
  return log.events;
}

/**
 * The fixture portfolio on 2024-06-15: one project planned, two running (one
 * past its planned end), one completed, one cancelled, with planned
 * milestones reached, missed and still ahead, and one unplanned.
 */
export const PORTFOLIO: readonly ProjectSpec[] = [
  { id: 'j1', status: 'planned', plannedStart: '2024-09-01', milestones: [{ title: 'm1', dueDate: '2024-05-01' }, { title: 'm2', dueDate: '2024-07-01' }] },
  {
    id: 'j2', status: 'started', sector: 'education', office: '370100', plannedStart: '2023-06-01', plannedEnd: '2024-03-31', startedOn: '2023-06-01',
    milestones: [{ title: 'm3', dueDate: '2024-01-01', recordedOn: '2024-01-05' }, { title: 'm4', dueDate: '2024-06-14' }],
    unplanned: [{ title: 'm5', recordedOn: '2024-02-01' }],
  },
  { id: 'j3', status: 'completed', plannedStart: '2023-01-01', plannedEnd: '2023-12-31', startedOn: '2023-01-01', endedOn: '2023-12-01', milestones: [{ title: 'm6', dueDate: '2023-06-01' }] },
  { id: 'j4', status: 'cancelled', sector: 'trade_investment', office: '370000', plannedStart: '2023-02-01', endedOn: '2023-03-01' },
  { id: 'j5', status: 'started', plannedStart: '2024-01-01', plannedEnd: '2024-12-31', startedOn: '2024-01-02' },
];

/** The changes that build a view from documents written from scratch. */
export function fromScratch(model: Record<string, Record<string, object>>): DocChange[] {
  return Object.entries(model).flatMap(([collection, docs]) =>
    Object.entries(docs).map(([id, after]) => ({ collection, id, before: undefined, after: after as Record<string, unknown> })),
  );
}

/** One projection's view after the events, built from its documents in one go. */
export function viewOf<V>(projection: Projection<V>, events: readonly ProjectedEvent[], options: ViewOptions = { dormancyMonths: 24 }): V {
  const definition = projection.view;
  if (definition === undefined) throw new Error(`${projection.name} has no view`);
  const view = definition.create(options);
  definition.apply(view, fromScratch(project(projection, events).snapshot()));
  definition.settle?.(view);
  return view;
}

/** Every projection's view after the events. */
export function viewsOf(events: readonly ProjectedEvent[], options: ViewOptions = { dormancyMonths: 24 }): ReadViews {
  const byName = Object.fromEntries(PROJECTIONS.map((projection) => [projection.name, viewOf(projection, events, options)]));
  return byName as unknown as ReadViews;
}

/**
 * A view kept up to date commit by commit, as the runner keeps it: events in
 * batches of `batchSize`, each batch's changed documents (with what they
 * were before) applied to the view, settled after every other batch and at
 * the end. It must equal the view built in one go.
 */
export function incrementalView<V>(projection: Projection<V>, events: readonly ProjectedEvent[], batchSize: number, options: ViewOptions = { dormancyMonths: 24 }): V {
  const definition = projection.view;
  if (definition === undefined) throw new Error(`${projection.name} has no view`);
  const view = definition.create(options);
  const docs = memoryDocuments(projection.collections);
  for (let start = 0; start < events.length; start += batchSize) {
    const before = docs.snapshot();
    project(projection, events.slice(start, start + batchSize), docs);
    const after = docs.snapshot();
    const changes: DocChange[] = [];
    for (const collection of projection.collections) {
      const was = before[collection] ?? {};
      const now = after[collection] ?? {};
      for (const id of new Set([...Object.keys(was), ...Object.keys(now)])) {
        if (JSON.stringify(was[id]) !== JSON.stringify(now[id])) changes.push({ collection, id, before: was[id], after: now[id] });
      }
    }
    definition.apply(view, changes);
    // Read now and then, as dashboards do between commits: settling in between must not change the outcome.
    if ((start / batchSize) % 2 === 1) definition.settle?.(view);
  }
  definition.settle?.(view);
  return view;
}

/** Every projection's view kept commit by commit (see `incrementalView`). */
export function incrementalViews(events: readonly ProjectedEvent[], batchSize: number, options: ViewOptions = { dormancyMonths: 24 }): ReadViews {
  const byName = Object.fromEntries(PROJECTIONS.map((projection) => [projection.name, incrementalView(projection, events, batchSize, options)]));
  return byName as unknown as ReadViews;
}
