/**
 * The labels of every closed vocabulary the API uses, in Chinese and English.
 * The values themselves come from the enums the commands and projections
 * define; this file only holds their labels, and `labelled` does not compile
 * when a value of a literal enum lacks one.
 */
import { ROLES } from '../../commands/api-keys/index.ts';
import { CAMPAIGN_METRICS, CAMPAIGN_STATUSES } from '../../commands/campaign/index.ts';
import {
  ACTIVITY_DIRECTIONS,
  ACTIVITY_TYPES,
  APPROVAL_DECISIONS,
  APPROVAL_LEVELS,
  CONTACT_CHANNELS,
  LOCAL_LEVELS,
  PARTNER_LEVELS,
  PARTNERSHIP_KINDS,
  PARTNERSHIP_STATUSES,
  SIGNATORY_SIDES,
} from '../../commands/partnership/index.ts';
import { PROJECT_SECTORS, PROJECT_STATUSES } from '../../commands/project/index.ts';
import { AT_RISK_REASONS, CAMPAIGN_PHASES, type EvaluationStandards, MISSED_DATES, normaliseRank } from '../../projections/index.ts';
import { CONTINENTS } from '../../projections/reference/country-info.ts';
import { GROUP_IDS } from '../../projections/reference/groups.ts';
import type { Language } from './language.ts';

export type Label = Readonly<Record<Language, string>>;

export interface Vocabulary<V extends string = string> {
  values: readonly V[];
  labels: Readonly<Record<V, Label>>;
}

const labelled = <V extends string>(values: readonly V[], labels: Record<V, Label>): Vocabulary<V> => ({ values, labels });

export const VOCABULARIES = {
  partnershipStatus: labelled(PARTNERSHIP_STATUSES, {
    candidate: { zh: '储备意向', en: 'Candidate' },
    in_contact: { zh: '已建立联系', en: 'In contact' },
    intent_signed: { zh: '已签署意向书', en: 'Letter of intent signed' },
    under_review: { zh: '审批中', en: 'Under review' },
    approved: { zh: '已获批准', en: 'Approved' },
    active: { zh: '有效', en: 'Active' },
    dormant: { zh: '休眠', en: 'Dormant' },
    terminated: { zh: '已终止', en: 'Terminated' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  }),
  partnershipKind: labelled(PARTNERSHIP_KINDS, {
    sister: { zh: '友好城市（友好省州）', en: 'Sister city or province' },
    friendly_cooperation: { zh: '友好合作关系', en: 'Friendly cooperation' },
    institutional: { zh: '机构合作关系', en: 'Institutional partnership' },
  }),
  localLevel: labelled(LOCAL_LEVELS, {
    province: { zh: '省', en: 'Province' },
    city: { zh: '市', en: 'City' },
    county: { zh: '县（市、区）', en: 'County or district' },
    institution: { zh: '机构', en: 'Institution' },
  }),
  partnerLevel: labelled(PARTNER_LEVELS, {
    state: { zh: '州', en: 'State' },
    province: { zh: '省', en: 'Province' },
    prefecture: { zh: '府县', en: 'Prefecture' },
    region: { zh: '大区', en: 'Region' },
    city: { zh: '市', en: 'City' },
    county: { zh: '县', en: 'County' },
    district: { zh: '区', en: 'District' },
    institution: { zh: '机构', en: 'Institution' },
  }),
  contactChannel: labelled(CONTACT_CHANNELS, {
    visit: { zh: '访问', en: 'Visit' },
    letter: { zh: '函件', en: 'Letter' },
    video: { zh: '视频会议', en: 'Video call' },
    event: { zh: '活动', en: 'Event' },
    other: { zh: '其他', en: 'Other' },
  }),
  activityType: labelled(ACTIVITY_TYPES, {
    delegation_visit: { zh: '代表团互访', en: 'Delegation visit' },
    culture: { zh: '文化交流', en: 'Culture' },
    trade_investment: { zh: '经贸投资', en: 'Trade and investment' },
    education: { zh: '教育', en: 'Education' },
    youth: { zh: '青少年交流', en: 'Youth' },
    health_elderly_care: { zh: '卫生健康与养老', en: 'Health and elderly care' },
    science_technology: { zh: '科技', en: 'Science and technology' },
    tourism: { zh: '旅游', en: 'Tourism' },
    sports: { zh: '体育', en: 'Sports' },
    agriculture: { zh: '农业', en: 'Agriculture' },
    port_logistics: { zh: '港口物流', en: 'Port and logistics' },
    forum: { zh: '论坛', en: 'Forum' },
    online_meeting: { zh: '线上会议', en: 'Online meeting' },
    other: { zh: '其他', en: 'Other' },
  }),
  activityDirection: labelled(ACTIVITY_DIRECTIONS, {
    incoming: { zh: '来访', en: 'Incoming' },
    outgoing: { zh: '出访', en: 'Outgoing' },
    joint: { zh: '联合举办', en: 'Joint' },
    online: { zh: '线上', en: 'Online' },
  }),
  signatorySide: labelled(SIGNATORY_SIDES, {
    local: { zh: '我方', en: 'Local side' },
    partner: { zh: '外方', en: 'Partner side' },
  }),
  approvalLevel: labelled(APPROVAL_LEVELS, {
    city: { zh: '市级', en: 'City' },
    province: { zh: '省级', en: 'Province' },
    national: { zh: '国家级', en: 'National' },
  }),
  approvalDecision: labelled(APPROVAL_DECISIONS, {
    granted: { zh: '批准', en: 'Granted' },
    returned: { zh: '退回补充材料', en: 'Returned for more material' },
    refused: { zh: '不予批准', en: 'Refused' },
    rejected: { zh: '不予批准（旧称）', en: 'Rejected (same as refused)' },
  }),
  continent: labelled(CONTINENTS, {
    Asia: { zh: '亚洲', en: 'Asia' },
    Europe: { zh: '欧洲', en: 'Europe' },
    Africa: { zh: '非洲', en: 'Africa' },
    'North America': { zh: '北美洲', en: 'North America' },
    'South America': { zh: '南美洲', en: 'South America' },
    Oceania: { zh: '大洋洲', en: 'Oceania' },
  }),
  countryGroup: labelled(GROUP_IDS, {
    BRI: { zh: '共建“一带一路”国家', en: 'Belt and Road countries' },
    RCEP: { zh: 'RCEP 成员国', en: 'RCEP members' },
    SCO: { zh: '上海合作组织成员国', en: 'SCO members' },
  }),
  projectSector: labelled(PROJECT_SECTORS, {
    culture: { zh: '文化', en: 'Culture' },
    trade_investment: { zh: '经贸投资', en: 'Trade and investment' },
    education: { zh: '教育', en: 'Education' },
    health: { zh: '卫生健康', en: 'Health' },
    science_technology: { zh: '科技', en: 'Science and technology' },
    tourism: { zh: '旅游', en: 'Tourism' },
    agriculture: { zh: '农业', en: 'Agriculture' },
    port_logistics: { zh: '港口物流', en: 'Port and logistics' },
    environment: { zh: '生态环境', en: 'Environment' },
    urban_development: { zh: '城市建设', en: 'Urban development' },
    youth: { zh: '青少年', en: 'Youth' },
    other: { zh: '其他', en: 'Other' },
  }),
  projectStatus: labelled(PROJECT_STATUSES, {
    planned: { zh: '谋划中', en: 'Planned' },
    started: { zh: '实施中', en: 'Started' },
    completed: { zh: '已完成', en: 'Completed' },
    cancelled: { zh: '已取消', en: 'Cancelled' },
  }),
  campaignStatus: labelled(CAMPAIGN_STATUSES, {
    open: { zh: '进行中', en: 'Open' },
    closed: { zh: '已结束', en: 'Closed' },
  }),
  campaignPhase: labelled(CAMPAIGN_PHASES, {
    upcoming: { zh: '尚未开始', en: 'Upcoming' },
    running: { zh: '进行中', en: 'Running' },
    ended: { zh: '已到期', en: 'Ended' },
    closed: { zh: '已结束', en: 'Closed' },
  }),
  projectMissedDate: labelled(MISSED_DATES, {
    start: { zh: '逾期未开始', en: 'Start overdue' },
    end: { zh: '逾期未完成', en: 'End overdue' },
  }),
  atRiskReason: labelled(AT_RISK_REASONS, {
    'below-threshold': { zh: '评分低于警戒线', en: 'Score below the threshold' },
    dormant: { zh: '处于休眠状态', en: 'Dormant' },
  }),
  campaignMetric: labelled(CAMPAIGN_METRICS, {
    reservePairs: { zh: '储备意向结好友城', en: 'Candidate pairs in reserve' },
    plannedProjects: { zh: '谋划合作项目', en: 'Planned cooperation projects' },
    reactivations: { zh: '激活休眠友城', en: 'Reactivations' },
    activities: { zh: '交流活动', en: 'Activities' },
    newAgreements: { zh: '新签结好协议', en: 'New agreements' },
  }),
  role: labelled(ROLES, {
    admin: { zh: '管理员', en: 'Administrator' },
    editor: { zh: '编辑', en: 'Editor' },
    viewer: { zh: '查看者', en: 'Viewer' },
    auditor: { zh: '审计员', en: 'Auditor' },
  }),
} as const;

export type VocabularyName = keyof typeof VOCABULARIES;

/**
 * Leader ranks are free text; the ranks the evaluation standards count as
 * high-level visits are the named ones. Their labels, by the spelling events
 * store ranks in.
 */
const RANK_LABELS: Readonly<Record<string, Label>> = {
  'party-secretary': { zh: '党委书记', en: 'Party secretary' },
  'provincial-party-secretary': { zh: '省委书记', en: 'Provincial party secretary' },
  'municipal-party-secretary': { zh: '市委书记', en: 'Municipal party secretary' },
  governor: { zh: '省长（州长）', en: 'Governor' },
  'vice-governor': { zh: '副省长（副州长）', en: 'Vice governor' },
  mayor: { zh: '市长', en: 'Mayor' },
  'vice-mayor': { zh: '副市长', en: 'Vice mayor' },
  minister: { zh: '部长', en: 'Minister' },
  'vice-minister': { zh: '副部长', en: 'Vice minister' },
  ambassador: { zh: '大使', en: 'Ambassador' },
  'head-of-state': { zh: '国家元首', en: 'Head of state' },
  'head-of-government': { zh: '政府首脑', en: 'Head of government' },
  'prime-minister': { zh: '总理', en: 'Prime minister' },
};

/** The high-level ranks the standards name in Latin letters (the Chinese spellings are their own labels). */
export function leaderRanks(standards: EvaluationStandards): Vocabulary {
  const ranks = new Set<string>();
  for (const standard of standards) {
    for (const criterion of standard.criteria) {
      if (criterion.id !== 'highLevelVisits') continue;
      for (const rank of criterion.parameters.ranks) if (/^[a-z-]+$/.test(normaliseRank(rank))) ranks.add(normaliseRank(rank));
    }
  }
  const values = [...ranks];
  return { values, labels: Object.fromEntries(values.map((rank) => [rank, RANK_LABELS[rank] ?? { zh: rank, en: rank }])) };
}

/** `GET /vocabulary`: each vocabulary as a list of codes with both labels. */
export function vocabularyAnswer(standards: EvaluationStandards) {
  const vocabularies: Record<string, Vocabulary> = { ...VOCABULARIES, leaderRank: leaderRanks(standards) };
  return Object.fromEntries(
    Object.entries(vocabularies).map(([name, { values, labels }]) => [name, values.map((code) => ({ code, ...labels[code] }))]),
  ) as Record<VocabularyName | 'leaderRank', { code: string; zh: string; en: string }[]>;
}

/** A code's label in a language, or the code itself when it has none. */
export function labelOf(name: VocabularyName, code: string, language: Language): string {
  const labels = VOCABULARIES[name].labels as Readonly<Record<string, Label>>;
  return labels[code]?.[language] ?? code;
}
