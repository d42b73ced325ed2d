/**
 * What each query answers, as zod schemas: the routes declare them as
 * their response schemas (so the OpenAPI document shows every dashboard's
 * shape), and the query functions are typed by them.
 */
import { z } from 'zod';
import { CAMPAIGN_METRICS, CAMPAIGN_STATUSES } from '../../commands/campaign/index.ts';
import {
  ACTIVITY_DIRECTIONS,
  ACTIVITY_TYPES,
  APPROVAL_LEVELS,
  LOCAL_LEVELS,
  PARTNER_LEVELS,
  PARTNERSHIP_KINDS,
  PARTNERSHIP_STATUSES,
  PIPELINE_STATUSES,
  SIGNATORY_SIDES,
} from '../../commands/partnership/index.ts';
import { PROJECT_SECTORS, PROJECT_STATUSES } from '../../commands/project/index.ts';
import { AT_RISK_REASONS } from '../evaluation/evaluate.ts';
import { CONTINENTS, GROUP_IDS } from '../shared/country-views.ts';
import { CAMPAIGN_PHASES } from './campaign-list.ts';

/** Which planned date an overdue project has missed: a planned one its start, a started one its end. */
export const MISSED_DATES = ['start', 'end'] as const;

const day = () => z.string().describe('YYYY-MM-DD, China Standard Time');
const count = () => z.number().int().min(0);
const counts = <K extends string>(keys: readonly [K, ...K[]]) => z.object(Object.fromEntries(keys.map((key) => [key, count()])) as Record<K, ReturnType<typeof count>>);

export const LocalSideView = z
  .object({
    divisionCode: z.string(),
    cityCode: z.string().describe('The office answering for it: 370000 or a city code'),
    level: z.enum(LOCAL_LEVELS),
    nameEn: z.string().optional(),
    nameZh: z.string().optional(),
    institution: z.string().optional(),
  })
  .meta({ id: 'LocalSideView' });

export const PartnerView = z
  .object({
    nameZh: z.string().optional(),
    nameEn: z.string().optional(),
    nameNative: z.string().optional(),
    country: z.string(),
    level: z.enum(PARTNER_LEVELS),
  })
  .meta({ id: 'PartnerView' });

export const CountryViewSchema = z
  .object({
    iso2: z.string(),
    nameEn: z.string(),
    nameZh: z.string(),
    continent: z.enum(CONTINENTS).nullable(),
    groups: z.array(z.enum(GROUP_IDS)),
  })
  .meta({ id: 'CountryView' });

export const OfficeCount = z
  .object({ office: z.string(), nameEn: z.string(), nameZh: z.string(), count: count() })
  .meta({ id: 'OfficeCount' });

/** The parts of a partnership a list on a dashboard shows. */
const rowSummary = {
  id: z.uuid(),
  kind: z.enum(PARTNERSHIP_KINDS),
  office: z.string(),
  local: LocalSideView,
  partner: PartnerView,
};

const setback = () => ({ level: z.enum(APPROVAL_LEVELS), on: day(), reason: z.string(), reference: z.string().optional() });

const Approvals = z.object({
  required: z.array(z.enum(APPROVAL_LEVELS)),
  granted: z.array(z.object({ level: z.enum(APPROVAL_LEVELS), on: day(), reference: z.string().optional() })),
  pending: z.enum(APPROVAL_LEVELS).nullable(),
  returned: z
    .object({ ...setback(), times: count() })
    .describe('Once a level returned the file for more material (退回补充材料): the latest return and how many there were')
    .optional(),
  refused: z.object(setback()).describe('Once a level refused the file (不予批准): the latest refusal').optional(),
});

const AgreementRecord = z.object({
  on: day(),
  place: z.string(),
  signatories: z.array(z.object({ side: z.enum(SIGNATORY_SIDES), name: z.string(), title: z.string().optional() })),
  documentRef: z.string().optional(),
});

/** What the office recorded with each step (present once something was). */
const Recorded = z
  .object({
    contactChannel: z.string().optional(),
    letterOfIntentRef: z.string().optional(),
    agreement: AgreementRecord.optional(),
    upgradeAgreement: AgreementRecord.describe('The sister agreement that upgraded a friendly-cooperation tie').optional(),
    dormancy: z.object({ since: day(), reason: z.string() }).describe('The latest time the tie went dormant').optional(),
    termination: z.object({ on: day(), reason: z.string(), reference: z.string().optional() }).optional(),
    withdrawal: z.object({ on: day(), reason: z.string() }).optional(),
  })
  .describe('What was recorded with the steps: contact channel, documents, signatories, reasons');

export const PartnershipRowSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(PARTNERSHIP_STATUSES),
    statusSince: day(),
    kind: z.enum(PARTNERSHIP_KINDS),
    local: LocalSideView,
    partner: PartnerView,
    proposedOn: day(),
    contactOn: day().nullable(),
    intentSignedOn: day().nullable(),
    approvals: Approvals,
    recorded: Recorded.optional(),
    upgradeApprovals: Approvals.describe('Once an active friendly-cooperation tie asked to be upgraded to sister: the approvals of the upgrade').optional(),
    signedOn: day().nullable(),
    upgradedOn: day().nullable(),
    lastActivityOn: day().nullable(),
    activityCount: count(),
    outcomeCount: count(),
    dormantSince: day().nullable(),
    terminatedOn: day().nullable(),
    withdrawnOn: day().nullable(),
    stages: z.array(z.object({ status: z.enum(PARTNERSHIP_STATUSES), since: day() })),
    signedYear: z.number().int().nullable(),
    reactivations: z.array(z.object({ date: day(), campaignId: z.string().optional(), activityId: z.string().optional() })),
    revision: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'PartnershipRow' });

export const RegisterAnswer = z
  .object({
    today: day().describe('The day the register is read for'),
    total: count(),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    items: z.array(PartnershipRowSchema.extend({ country: CountryViewSchema })),
  })
  .meta({ id: 'Register' });

export const ProjectRowSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(PROJECT_STATUSES),
    statusSince: day(),
    title: z.string(),
    sector: z.enum(PROJECT_SECTORS),
    partnershipIds: z.array(z.uuid()),
    leadOffice: z.string(),
    leadOfficeCity: z.string(),
    plannedOn: day(),
    plannedStart: day(),
    plannedEnd: day(),
    budget: z.object({ amount: z.number(), currency: z.string() }).nullable(),
    milestones: z.array(z.object({ milestoneId: z.uuid(), title: z.string(), dueDate: day().nullable(), recordedOn: day().nullable() })),
    startedOn: day().nullable(),
    completedOn: day().nullable(),
    cancelledOn: day().nullable(),
    revision: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ProjectRow' });

export const ProjectsAnswer = z
  .object({ today: day().describe('The day the projects are read for'), total: count(), items: z.array(ProjectRowSchema) })
  .meta({ id: 'Projects' });

const PairsAndCountries = z.object({ pairs: count(), countries: count() });

export const OverviewAnswer = z
  .object({
    today: day().describe('The day the figures are computed for'),
    relationships: count().describe('Signed and not terminated: active or dormant'),
    countries: count(),
    continents: count(),
    byKind: counts(PARTNERSHIP_KINDS),
    byStatus: counts(PARTNERSHIP_STATUSES).describe('Every partnership in the ledger, the pipeline and ended ones included'),
    byCountry: z.array(
      z.object({ country: z.string(), nameZh: z.string(), nameEn: z.string(), continent: z.enum(CONTINENTS).nullable(), count: count() }),
    ),
    byContinent: z.object(Object.fromEntries(CONTINENTS.map((c) => [c, PairsAndCountries])) as Record<(typeof CONTINENTS)[number], typeof PairsAndCountries>),
    byGroup: z.object(Object.fromEntries(GROUP_IDS.map((g) => [g, PairsAndCountries])) as Record<(typeof GROUP_IDS)[number], typeof PairsAndCountries>),
    byOffice: z.array(OfficeCount),
    bySignedYear: z.array(z.object({ year: z.number().int(), count: count() })),
    signedThisYear: count(),
    candidates: count(),
    activities: count(),
    outcomes: count(),
    dormantIndicator: count().describe('Active partnerships quiet for the configured period'),
  })
  .meta({ id: 'Overview' });

export const PipelineAnswer = z
  .object({
    today: day(),
    total: count(),
    byStage: counts(PIPELINE_STATUSES),
    returned: count().describe('Files a level returned for more material and not yet resubmitted (part of intent_signed)'),
    byOffice: z.array(OfficeCount),
    items: z.array(
      z.object({
        ...rowSummary,
        stage: z.enum(PIPELINE_STATUSES),
        country: CountryViewSchema,
        proposedOn: day(),
        statusSince: day(),
        daysInStage: z.number().int(),
        daysSinceProposal: z.number().int(),
        awaitingResubmission: z.boolean().describe('Returned for more material and not yet requested again'),
        approvals: Approvals,
      }),
    ),
  })
  .meta({ id: 'Pipeline' });

export const PortfolioAnswer = z
  .object({
    today: day(),
    total: count(),
    byStatus: counts(PROJECT_STATUSES),
    bySector: counts(PROJECT_SECTORS),
    byOffice: z.array(OfficeCount),
    overdue: z.object({
      projects: z.array(
        z.object({
          id: z.uuid(),
          title: z.string(),
          leadOfficeCity: z.string(),
          status: z.enum(['planned', 'started']),
          missed: z.enum(MISSED_DATES).describe('start: planned and its planned start has passed; end: started and its planned end has passed'),
          plannedStart: day(),
          plannedEnd: day(),
          daysOverdue: z.number().int().describe('Days since the missed planned date'),
        }),
      ),
      milestones: z.array(
        z.object({
          projectId: z.uuid(),
          projectTitle: z.string(),
          leadOfficeCity: z.string(),
          milestoneId: z.uuid(),
          title: z.string(),
          dueDate: day(),
          daysOverdue: z.number().int(),
        }),
      ),
    }),
    items: z.array(ProjectRowSchema),
  })
  .meta({ id: 'Portfolio' });

export const DormancyAnswer = z
  .object({
    today: day(),
    months: z.number().int(),
    cutoff: day().describe('Quiet since this day or earlier'),
    count: count(),
    items: z.array(
      z.object({
        ...rowSummary,
        signedOn: day().nullable(),
        lastActivityOn: day().nullable(),
        quietSince: day(),
        daysQuiet: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'Dormancy' });

export const ActivityDocSchema = z
  .object({
    activityId: z.uuid(),
    partnershipId: z.uuid(),
    divisionCode: z.string(),
    cityCode: z.string(),
    date: day(),
    type: z.enum(ACTIVITY_TYPES),
    direction: z.enum(ACTIVITY_DIRECTIONS),
    title: z.string(),
    participants: count(),
    audience: count().optional(),
    leaderRank: z.string().optional(),
    leaderTitle: z.string().optional(),
    outcomeCount: count(),
    outcomes: z.array(z.string()),
    revision: z.number().int().describe('The revision of the activity in its partnership\'s stream'),
    partner: PartnerView.describe('The partner as the register shows it on the timeline\'s day'),
    local: LocalSideView,
  })
  .meta({ id: 'Activity' });

export const TimelineAnswer = z
  .object({
    today: day().describe('The day the timeline is read for: activities dated later are not in it'),
    total: count(),
    outcomes: count(),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
    items: z.array(ActivityDocSchema),
  })
  .meta({ id: 'Timeline' });

const CriterionScore = z.object({ weight: z.number(), value: z.number().nullable(), score: z.number(), points: z.number() });
const AtRiskReasonSchema = z.enum(AT_RISK_REASONS);

export const EvaluationAnswer = z
  .object({
    standard: z
      .object({ id: z.string(), version: z.number().int(), effectiveFrom: day() })
      .nullable()
      .describe('The standard in force on the day; null before the first took effect (nothing is scored)'),
    today: day(),
    atRiskThreshold: z.number().nullable(),
    partnerships: z.array(
      z.object({
        ...rowSummary,
        status: z.enum(PARTNERSHIP_STATUSES),
        score: z.number(),
        criteria: z.record(z.string(), CriterionScore).describe('Per criterion id of the standard'),
        atRisk: z.boolean(),
        reasons: z.array(AtRiskReasonSchema),
      }),
    ),
    offices: z.array(
      z.object({ office: z.string(), nameEn: z.string(), nameZh: z.string(), partnerships: count(), averageScore: z.number().nullable() }),
    ),
    atRisk: z.array(
      z.object({
        id: z.uuid(),
        office: z.string(),
        partner: PartnerView,
        status: z.enum(PARTNERSHIP_STATUSES),
        score: z.number(),
        reasons: z.array(AtRiskReasonSchema),
      }),
    ),
  })
  .meta({ id: 'Evaluation' });

export const CampaignListAnswer = z
  .object({
    today: day(),
    total: count(),
    items: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        status: z.enum(CAMPAIGN_STATUSES),
        phase: z.enum(CAMPAIGN_PHASES).describe('closed, or by its dates while open: ended means open past its end date'),
        launchedOn: day(),
        startsOn: day(),
        endsOn: day(),
        closedOn: day().nullable(),
        targets: z.object(Object.fromEntries(CAMPAIGN_METRICS.map((m) => [m, count().optional()])) as Record<(typeof CAMPAIGN_METRICS)[number], z.ZodOptional<ReturnType<typeof count>>>),
        enrolled: count(),
      }),
    ),
  })
  .meta({ id: 'CampaignList' });

const Metric = z.object({ target: z.number().int().nullable(), actual: count(), percent: z.number().nullable() });

export const CampaignProgressAnswer = z
  .object({
    campaign: z.object({
      id: z.uuid(),
      name: z.string(),
      status: z.enum(CAMPAIGN_STATUSES),
      startsOn: day(),
      endsOn: day(),
      closedOn: day().nullable(),
    }),
    today: day(),
    period: z.object({ from: day(), to: day() }),
    metrics: z.object(Object.fromEntries(CAMPAIGN_METRICS.map((m) => [m, Metric])) as Record<(typeof CAMPAIGN_METRICS)[number], typeof Metric>),
    enrolled: z.object({
      count: count(),
      dormant: z.array(z.object({ ...rowSummary, enrolledOn: day(), dormantSince: day().nullable() })),
      reactivated: z.array(
        z.object({ ...rowSummary, status: z.enum(PARTNERSHIP_STATUSES), enrolledOn: day(), reactivatedOn: day(), credited: z.boolean() }),
      ),
    }),
  })
  .meta({ id: 'CampaignProgress' });

const QuarterlyCounts = z.object({
  newProposals: count(),
  signings: count(),
  activities: count(),
  activitiesByType: counts(ACTIVITY_TYPES),
  outcomes: count(),
  projectsStarted: count(),
  projectsCompleted: count(),
  reactivations: count(),
});

export const QuarterlyReportAnswer = z
  .object({
    year: z.number().int(),
    quarter: z.number().int().min(1).max(4),
    from: day(),
    to: day(),
    rows: z.array(QuarterlyCounts.extend({ office: z.string(), nameEn: z.string(), nameZh: z.string() })),
    totals: QuarterlyCounts,
  })
  .meta({ id: 'QuarterlyReport' });

const OfficeName = { office: z.string(), nameEn: z.string(), nameZh: z.string() };

export const SubmissionsAnswer = z
  .object({
    today: day().describe('Submissions made by the end of this day'),
    year: z.number().int(),
    quarter: z.number().int().min(1).max(4),
    openFrom: day().describe('The first day a report can be submitted'),
    submittedCount: count(),
    missingCount: count(),
    submitted: z.array(
      z.object({ ...OfficeName, submittedOn: day(), firstSubmittedOn: day(), submissions: z.number().int().min(1), actor: z.string() }),
    ),
    missing: z.array(z.object(OfficeName)),
  })
  .meta({ id: 'Submissions' });

const PairsAndCountriesPoint = PairsAndCountries;

const SeriesQueryEcho = { from: day(), to: day(), step: z.enum(['year', 'quarter', 'month']) };

export const OverviewSeriesAnswer = z
  .object({
    ...SeriesQueryEcho,
    points: z.array(
      z.object({
        day: day().describe('The last day of the step (or `to`)'),
        relationships: count(),
        countries: count(),
        continents: count(),
        beltAndRoad: PairsAndCountriesPoint,
        rcep: PairsAndCountriesPoint,
        signed: count().describe('Relationships signed within the step'),
        candidates: count(),
        activities: count().describe('Activities so far'),
        outcomes: count().describe('Outcomes so far'),
      }),
    ),
  })
  .meta({ id: 'OverviewSeries' });

export const PipelineSeriesAnswer = z
  .object({ ...SeriesQueryEcho, points: z.array(z.object({ day: day(), total: count(), byStage: counts(PIPELINE_STATUSES) })) })
  .meta({ id: 'PipelineSeries' });

export const PortfolioSeriesAnswer = z
  .object({ ...SeriesQueryEcho, points: z.array(z.object({ day: day(), total: count(), byStatus: counts(PROJECT_STATUSES) })) })
  .meta({ id: 'PortfolioSeries' });
