/** Small, hand-made read-model documents for query specs. */
import type { ActivityType, PartnershipKind, PartnershipStatus } from '../../commands/partnership/index.ts';
import type { ProjectSector, ProjectStatus } from '../../commands/project/index.ts';
import { resolveDivision } from '../../commands/shared/divisions.ts';
import type { ProjectRow } from '../../projections/portfolio/index.ts';
import type { ActivityDoc, PartnershipRow, Reactivation } from '../../projections/register/rows.ts';

export const TODAY = '2024-06-15';

export interface RowSpec {
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
  statusSince?: string;
  signedOn?: string;
  lastActivityOn?: string;
  dormantSince?: string;
  reactivations?: Reactivation[];
  activityCount?: number;
  outcomeCount?: number;
}

export function row(spec: RowSpec): PartnershipRow {
  const division = resolveDivision(spec.local ?? '370200');
  if (division === undefined) throw new Error(`bad division ${spec.local}`);
  const proposedOn = spec.proposedOn ?? '2020-01-01';
  const signedOn = spec.signedOn ?? null;
  return {
    id: spec.id,
    status: spec.status,
    statusSince: spec.statusSince ?? signedOn ?? proposedOn,
    kind: spec.kind ?? 'sister',
    local: {
      divisionCode: division.code,
      cityCode: division.cityCode,
      level: division.level,
      ...(division.nameEn !== undefined && { nameEn: division.nameEn }),
      ...(division.nameZh !== undefined && { nameZh: division.nameZh }),
    },
    partner: {
      nameEn: spec.nameEn ?? `City ${spec.id}`,
      ...(spec.nameZh !== undefined && { nameZh: spec.nameZh }),
      ...(spec.nameNative !== undefined && { nameNative: spec.nameNative }),
      country: spec.country,
      level: 'city',
    },
    proposedOn,
    contactOn: null,
    intentSignedOn: null,
    approvals: { required: [], granted: [], pending: null },
    signedOn,
    upgradedOn: null,
    lastActivityOn: spec.lastActivityOn ?? null,
    activityCount: spec.activityCount ?? 0,
    outcomeCount: spec.outcomeCount ?? 0,
    dormantSince: spec.dormantSince ?? null,
    terminatedOn: null,
    withdrawnOn: null,
    stages: [],
    signedYear: signedOn === null ? null : Number(signedOn.slice(0, 4)),
    reactivations: spec.reactivations ?? [],
    revision: 0,
    updatedAt: '2024-06-15T02:00:00.000Z',
  };
}

export function activity(
  activityId: string,
  partnershipId: string,
  date: string,
  options: { type?: ActivityType; cityCode?: string; leaderRank?: string; outcomes?: number } = {},
): ActivityDoc {
  const cityCode = options.cityCode ?? '370200';
  return {
    activityId,
    partnershipId,
    divisionCode: cityCode,
    cityCode,
    date,
    type: options.type ?? 'culture',
    direction: 'outgoing',
    title: `Activity ${activityId}`,
    participants: 10,
    ...(options.leaderRank !== undefined && { leaderRank: options.leaderRank }),
    outcomeCount: options.outcomes ?? 0,
    outcomes: Array.from({ length: options.outcomes ?? 0 }, (_, i) => `Outcome ${i + 1}`),
    revision: 1,
  };
}

export interface ProjectSpec {
  id: string;
  status: ProjectStatus;
  sector?: ProjectSector;
  office?: string;
  partnershipIds?: string[];
  plannedStart?: string;
  plannedEnd?: string;
  startedOn?: string;
  completedOn?: string;
  cancelledOn?: string;
  milestones?: { milestoneId: string; dueDate: string | null; recordedOn?: string }[];
}

export function project(spec: ProjectSpec): ProjectRow {
  const office = spec.office ?? '370200';
  return {
    id: spec.id,
    status: spec.status,
    statusSince: spec.completedOn ?? spec.cancelledOn ?? spec.startedOn ?? '2023-01-01',
    title: `Project ${spec.id}`,
    sector: spec.sector ?? 'culture',
    partnershipIds: spec.partnershipIds ?? [],
    leadOffice: office,
    leadOfficeCity: office,
    plannedOn: '2023-01-01',
    plannedStart: spec.plannedStart ?? '2023-03-01',
    plannedEnd: spec.plannedEnd ?? '2024-12-31',
    budget: null,
    milestones: (spec.milestones ?? []).map((m) => ({
      milestoneId: m.milestoneId,
      title: `Milestone ${m.milestoneId}`,
      dueDate: m.dueDate,
      recordedOn: m.recordedOn ?? null,
    })),
    startedOn: spec.startedOn ?? null,
    completedOn: spec.completedOn ?? null,
    cancelledOn: spec.cancelledOn ?? null,
    revision: 0,
    updatedAt: '2024-06-15T02:00:00.000Z',
  };
}

/**
 * A ledger of ten partnerships on 2024-06-15: five that count (four active,
 * one dormant) in JP ×2, KR, RU and TH; three in the pipeline; one ended,
 * one withdrawn.
 */
export const ledger: PartnershipRow[] = [
  row({ id: 'p01', status: 'active', country: 'JP', nameEn: 'Shimonoseki', nameZh: '下关', nameNative: '下関市', signedOn: '2021-05-01', lastActivityOn: '2022-01-01', activityCount: 3, outcomeCount: 5 }),
  row({ id: 'p02', status: 'active', kind: 'friendly_cooperation', local: '370100', country: 'JP', nameEn: 'Yamaguchi', nameZh: '山口', signedOn: '2024-02-01', activityCount: 1 }),
  row({ id: 'p03', status: 'dormant', local: '370600', country: 'KR', nameEn: 'Gunsan', nameZh: '群山', signedOn: '2010-01-01', statusSince: '2023-01-01', dormantSince: '2023-01-01' }),
  row({ id: 'p04', status: 'active', local: '370100', country: 'RU', nameEn: 'Kazan', nameZh: '喀山', nameNative: 'Казань', signedOn: '2024-03-01' }),
  row({ id: 'p05', status: 'active', kind: 'institutional', local: '370000', country: 'TH', nameEn: 'Port of Laem Chabang', signedOn: '2019-07-01', lastActivityOn: '2023-01-01', activityCount: 2, outcomeCount: 1 }),
  row({ id: 'p06', status: 'candidate', country: 'SN', nameEn: 'Dakar', nameZh: '达喀尔', proposedOn: '2024-01-10' }),
  row({ id: 'p07', status: 'terminated', country: 'US', nameEn: 'Long Beach', signedOn: '2000-05-01', statusSince: '2020-01-01' }),
  row({ id: 'p08', status: 'in_contact', local: '371000', country: 'DE', nameEn: 'Bremen', proposedOn: '2023-11-01', statusSince: '2024-02-01' }),
  row({ id: 'p09', status: 'withdrawn', country: 'PK', nameEn: 'Lahore', statusSince: '2021-01-01' }),
  row({ id: 'p10', status: 'approved', local: '371002', country: 'AU', nameEn: 'Ballarat', proposedOn: '2023-01-01', statusSince: '2024-05-16' }),
];
