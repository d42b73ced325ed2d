export { campaignProgress, type CampaignProgressOptions } from './campaign-progress.ts';
export { DEFAULT_DORMANCY_MONTHS, dormancyIndicator, type DormancyOptions } from './dormancy.ts';
export { overview, type OverviewOptions } from './overview.ts';
export * from './params.ts';
export { pipeline } from './pipeline.ts';
export { portfolio, PROJECT_STATUSES, type PortfolioQuery } from './portfolio.ts';
export * from './register-query.ts';
export { COUNTED_STATUSES, lastContactOn, PIPELINE_STAGES, type PipelineStage } from './relationships.ts';
export { activityTimeline, type TimelineQuery } from './timeline.ts';
