/**
 * The service's Simplified Chinese, the office's working language and the
 * default. Details are written from the values an error carries, so a
 * Chinese reader sees the same dates, stages and levels as an English one.
 */
import type { campaignCommandSchemas } from '../../commands/campaign/index.ts';
import type { partnershipCommandSchemas } from '../../commands/partnership/index.ts';
import type { projectCommandSchemas } from '../../commands/project/index.ts';
import type { reportCommandSchemas } from '../../commands/report/index.ts';
import type { DetailValues } from './messages.ts';
import { labelOf, type VocabularyName } from './vocabulary.ts';

const label = (name: VocabularyName, value: string | number | undefined) => labelOf(name, String(value ?? ''), 'zh');

/** The aggregates' names, as a detail names the record concerned. */
const NOUNS: Readonly<Record<string, string>> = {
  partnership: '结好关系',
  project: '合作项目',
  campaign: '专项行动',
  report: '季度报告',
  key: 'API 密钥',
  stream: '事件流',
};
const noun = (value: string | number | undefined) => NOUNS[String(value)] ?? String(value ?? '');

type CommandType = keyof (typeof partnershipCommandSchemas & typeof projectCommandSchemas & typeof campaignCommandSchemas & typeof reportCommandSchemas);

/** What each command does, as a detail names the step that was refused. */
const COMMANDS: Readonly<Record<CommandType, string>> = {
  ProposePartnership: '提出结好意向',
  RecordContact: '记录建立联系',
  SignLetterOfIntent: '签署意向书',
  RequestApproval: '申请审批',
  RecordApprovalDecision: '记录审批结果',
  SignAgreement: '签署结好协议',
  RecordActivity: '记录交流活动',
  UpgradeRelationship: '升级为友好城市',
  MarkDormant: '标记为休眠',
  Reactivate: '重新激活',
  TerminatePartnership: '终止结好关系',
  WithdrawProposal: '撤回结好意向',
  CorrectPartnershipRecord: '更正外方信息',
  PlanProject: '谋划项目',
  StartProject: '启动项目',
  RecordMilestone: '记录里程碑',
  CompleteProject: '完成项目',
  CancelProject: '取消项目',
  LaunchCampaign: '启动专项行动',
  EnrollPartnership: '纳入专项行动',
  SetCampaignTarget: '设定专项行动目标',
  CloseCampaign: '结束专项行动',
  SubmitQuarterlyReport: '提交季度报告',
};
const command = (value: string | number | undefined) => (COMMANDS as Readonly<Record<string, string>>)[String(value)] ?? String(value ?? '');

/** Status labels by aggregate, for details that name the state a record is in. */
function statusLabel(aggregate: string | number | undefined, status: string | number | undefined): string {
  if (aggregate === 'project') return label('projectStatus', status);
  if (aggregate === 'campaign') return label('campaignStatus', status);
  return label('partnershipStatus', status);
}

const levels = (list: string | number | undefined) =>
  String(list ?? '')
    .split(',')
    .map((level) => label('approvalLevel', level.trim()))
    .join('、');

/** The access levels routes declare (`src/auth/policy.ts`). */
const ACCESS: Readonly<Record<string, string>> = { read: '读取', write: '写入', audit: '审计', admin: '管理' };

const quarter = (v: DetailValues) => `${v.year} 年第 ${v.quarter} 季度`;

export const zh = {
  service: {
    'invalid-request': '请求无效',
    'malformed-json': '请求体不是有效的 JSON',
    'invalid-precondition': 'If-Match 须为带引号的版本号，例如 "3"',
    'revision-with-time': '请求无效',
    'known-at-with-instant': '请求无效',
    'unknown-projection': '没有该名称的投影',
    unauthenticated: '需要有效的 API 密钥',
    forbidden: '此 API 密钥无权执行该操作',
    'route-not-found': '请求的路由不存在',
    'request-timeout': '请求未在规定时间内发送完毕',
    'concurrency-conflict': '资源已被修改，请重试',
    'projector-elsewhere': '本进程不运行投影',
    'precondition-failed': '资源在指定版本之后已被修改',
    'payload-too-large': '请求体过大',
    'unsupported-media-type': '请以 application/json 格式发送',
    'idempotency-key-reused': '该 Idempotency-Key 已用于另一请求',
    'rate-limited': '请求过于频繁',
    'headers-too-large': '请求头过大',
    internal: '服务器内部错误',
    'store-unavailable': '事件存储暂不可用，请稍后重试',
    'read-models-unavailable': '读模型暂不可用，请稍后重试',
    'read-model-rebuilding': '读模型正在构建，请稍后重试',
    'read-model-behind': '读模型尚未更新到指定位置',
    'projection-not-ready': '投影尚未就绪，请稍后重试',
    'shutting-down': '服务正在关闭，请稍后重试',
  },
  kinds: {
    invalid: '请求无效',
    rule: '当前状态下不允许该操作',
    'not-found': '资源不存在',
  },
  domainTitles: {
    'key-exists': '同名 API 密钥已存在',
    'last-admin-key': '最后一个有效的管理员密钥须以 force=true 方可吊销',
  },
  domain: {
    'date-in-future': '日期晚于今天',
    'date-out-of-order': '日期早于当前阶段的开始日期',
    'date-before-proposal': '日期早于提出结好意向的日期',
    'date-before-letter-of-intent': '日期早于签署意向书的日期',
    'date-before-planning': '日期早于项目谋划日期',
    'date-before-launch': '日期早于专项行动启动日期',
    'date-before-quarter-end': '日期早于季度结束日期',
    'id-mismatch': '请求体中的 id 与目标 id 不一致',
    'not-found': '资源不存在',
    'already-exists': '资源已存在',
    'illegal-transition': '当前状态下不允许该操作',
    duplicate: '该值重复',
    'text-invalid': '文本含有不允许的字符',
    'division-invalid': '不是有效的山东省行政区划代码',
    'division-name-mismatch': '名称与行政区划代码不符',
    'local-name-required': '县（市、区）须填写名称',
    'partner-name-required': '外方须填写中文名称（nameZh）或英文名称（nameEn），已知时两者都填',
    'nothing-to-correct': '须至少更正 nameZh、nameEn、nameNative 或 level 中的一项',
    'country-unknown': '不是有效的 ISO 3166-1 二位字母国家代码',
    'country-part-of-china': '该地区是中国领土的一部分，不能作为外方国家',
    'country-not-a-state': '中国不承认科索沃为国家，不能作为外方国家',
    'country-no-diplomatic-relations': '中华人民共和国与该国尚未建交',
    'approval-not-required': '该结好关系无需审批',
    'approval-out-of-order': '须按市级、省级、国家级的顺序申请审批',
    'approval-level-mismatch': '另一级审批正在进行中',
    'approvals-incomplete': '审批尚未全部完成',
    'reason-required': '须说明理由',
    'reference-required': '须填写批复文号',
    'partnership-unknown': '该结好关系不存在',
    'duplicate-partnership': '该结好对象已有未撤回、未终止的结好关系',
    'partnership-ended': '该结好关系已撤回或终止',
    'partnership-not-enrollable': '只有已签约且未终止的结好关系可以纳入专项行动',
    'campaign-unknown': '该专项行动不存在',
    'upgrade-not-allowed': '只有友好合作关系可以升级为友好城市',
    'planned-end-before-start': '计划结束日期早于计划开始日期',
    'currency-unknown': '不是有效的 ISO 4217 货币代码',
    'unknown-milestone': '该项目没有此里程碑',
    'milestone-already-recorded': '该里程碑已记录',
    'ends-before-start': '结束日期早于开始日期',
    'already-enrolled': '该结好关系已纳入专项行动',
    'campaign-ended': '专项行动已结束',
    'office-invalid': '不是报告单位：须为省外办（370000）或 16 个市之一',
    'period-invalid': '不是可报告的季度',
    'quarter-not-ended': '该季度尚未结束',
    'invalid-key-spec': 'API 密钥申请无效',
    'key-name-invalid': '须为 2 至 63 个字符：小写字母、数字、“.”“_”或“-”，以字母或数字开头',
    'role-invalid': '不是有效的角色',
    'editor-needs-office': '编辑密钥须至少指定一个单位',
    'offices-only-for-editors': '只有编辑密钥可以指定单位',
    'key-exists': '同名 API 密钥已存在',
    'last-admin-key': '最后一个有效的管理员密钥须以 force=true 方可吊销',
  },
  details: {
    // Field problems carry their own messages; the detail only says that there are some.
    'invalid-request': () => '部分字段缺失或无效。',
    'date-in-future': (v) => `日期 ${v.date} 晚于今天（中国时间 ${v.today}）`,
    'date-before-proposal': (v) => `日期 ${v.date} 早于提出结好意向的日期（${v.earliest}）`,
    'date-before-letter-of-intent': (v) => `日期 ${v.date} 早于签署意向书的日期（${v.earliest}）`,
    'date-before-planning': (v) => `日期 ${v.date} 早于项目谋划日期（${v.earliest}）`,
    'date-before-launch': (v) => `日期 ${v.date} 早于专项行动启动日期（${v.earliest}）`,
    'date-out-of-order': (v) =>
      v.previous === undefined
        ? `日期 ${v.date} 早于该${noun(v.aggregate)}进入“${statusLabel(v.aggregate, v.status)}”阶段的日期（${v.since}）`
        : `日期 ${v.date} 早于上次提交日期（${v.previous}）`,
    'illegal-transition': (v) => `该${noun(v.aggregate)}当前状态为“${statusLabel(v.aggregate, v.status)}”，不能${command(v.command)}`,
    'not-found': (v) => (v.id === undefined ? `该${noun(v.aggregate)}在该时间点尚不存在` : `${noun(v.aggregate)} ${v.id} 不存在`),
    'already-exists': (v) => `${noun(v.aggregate)} ${v.id} 已存在`,
    'id-mismatch': (v) => `请求体中的 id ${v.given} 与目标 id ${v.id} 不一致`,
    'division-invalid': (v) => `${v.code} 不是山东省的行政区划代码`,
    'local-name-required': (v) => `${v.code} 是县（市、区），须填写 nameZh 或 nameEn`,
    'approval-not-required': (v) => `${label('partnershipKind', v.kind)}无需审批`,
    'approval-out-of-order': (v) => `下一步应申请${label('approvalLevel', v.next)}审批，而非${label('approvalLevel', v.level)}审批`,
    'approval-level-mismatch': (v) => `正在进行的是${label('approvalLevel', v.pending)}审批，而非${label('approvalLevel', v.level)}审批`,
    'approvals-incomplete': (v) =>
      v.upgrade === undefined
        ? `友好城市关系须在审批全部通过后方可签署协议；尚缺：${levels(v.missing)}审批`
        : `升级为友好城市须履行新结友好城市同样的审批程序；尚缺：${levels(v.missing)}审批`,
    'reference-required': (v) =>
      v.level !== undefined ? `${label('approvalLevel', v.level)}审批通过须注明批复文号（reference）` : '终止友好城市关系须注明省外办文件文号（reference）',
    'upgrade-not-allowed': (v) => `只有友好合作关系可以升级为友好城市；该关系为${label('partnershipKind', v.kind)}`,
    'planned-end-before-start': (v) => `计划结束日期 ${v.plannedEnd} 早于计划开始日期 ${v.plannedStart}`,
    'unknown-milestone': (v) => `里程碑 ${v.milestoneId} 不属于该项目`,
    'milestone-already-recorded': (v) => `里程碑“${v.title}”已于 ${v.recordedOn} 记录`,
    'ends-before-start': (v) => `结束日期 ${v.endsOn} 早于开始日期 ${v.startsOn}`,
    'partnership-unknown': (v) => `结好关系 ${v.id} 不存在`,
    'duplicate-partnership': (v) => `该地与该外方已有结好关系 ${v.id}（当前为“${label('partnershipStatus', v.status)}”），不能重复提出`,
    'partnership-ended': (v) => `结好关系 ${v.id} 已${label('partnershipStatus', v.status)}，项目只能服务于未结束的结好关系`,
    'partnership-not-enrollable': (v) => `只有已签约且未终止的结好关系可以纳入专项行动；结好关系 ${v.id} 当前为“${label('partnershipStatus', v.status)}”`,
    'campaign-unknown': (v) => `专项行动 ${v.id} 不存在`,
    'already-enrolled': (v) => `结好关系 ${v.partnershipId} 已纳入该专项行动`,
    'campaign-ended': (v) =>
      v.launchedOn === undefined
        ? `专项行动已于 ${v.endsOn} 结束，${v.date} 的纳入晚于结束日期`
        : `专项行动的期限为 ${v.launchedOn} 至 ${v.endsOn}，${v.date} 的事项不能记入该专项行动`,
    'office-invalid': (v) => `${v.office} 不是报告单位：须为 370000 或 16 个市之一`,
    'period-invalid': (v) => `${quarter(v)}不是可报告的季度`,
    'quarter-not-ended': (v) => `${quarter(v)}于 ${v.end} 结束，次日起方可提交报告（今天是 ${v.today}）`,
    'date-before-quarter-end': (v) => `${quarter(v)}的报告不能早于季度结束日期 ${v.end}（所填日期为 ${v.date}）`,
    'key-exists': (v) => `名为 ${v.name} 的密钥已存在；请先吊销，或另取名称`,
    'last-admin-key': (v) => `${v.name} 是最后一个有效的管理员密钥：请先签发另一个管理员密钥，或以 force=true 吊销`,
    unauthenticated: (v) =>
      v.reason === 'invalid' ? 'API 密钥无效或已被吊销' : '请以“Authorization: Bearer <密钥>”的形式提供 API 密钥',
    forbidden: (v) =>
      v.office === undefined
        ? `${label('role', v.role)}角色没有此路由所需的${ACCESS[String(v.access)] ?? v.access}权限`
        : v.level !== undefined
          ? `${label('approvalLevel', v.level)}审批结果由单位 ${v.office}（省外办）记录；密钥 ${v.key} 不代表该单位`
          : v.kind !== undefined
            ? `终止${label('partnershipKind', v.kind)}关系由单位 ${v.office}（省外办）记录；密钥 ${v.key} 不代表该单位`
            : `密钥 ${v.key} 无权写入单位 ${v.office} 的记录`,
    'precondition-failed': (v) =>
      v.weak !== undefined
        ? `If-Match ${v.weak} 是弱实体标签，永远不会匹配；请发送 "${v.revision}"`
        : v.actual === undefined
          ? `处理请求期间资源已被修改（预期版本为 ${v.expected}）`
          : `资源当前版本为 ${v.actual}，而非 ${v.expected}`,
    'route-not-found': (v) => `不存在路由 ${v.method} ${v.path}`,
    'rate-limited': (v) =>
      v.reason === 'key-checks'
        ? `密钥校验失败次数过多；请于 ${v.seconds} 秒后重试`
        : `每分钟最多 ${v.max} 次请求；请于 ${v.seconds} 秒后重试`,
    'read-model-behind': (v) => `读模型尚未到达位置 ${v.position}`,
  } satisfies Record<string, (values: DetailValues) => string>,
  phrases: {
    invalidFields: '部分字段缺失或无效。',
    required: '此字段为必填项',
    invalidField: '无效',
  },
} as const;
