/**
 * The read side's public face: the projections the runner feeds, the views
 * they keep, and the pure queries dashboards call with those views and the
 * day they are for.
 */
import { campaignsProjection } from './campaigns/projection.ts';
import { portfolioProjection } from './portfolio/projection.ts';
import type { Projection } from './projection.ts';
import { registerProjection } from './register/projection.ts';
import { reportsProjection } from './reports/projection.ts';

export const PROJECTIONS: readonly Projection[] = [registerProjection, portfolioProjection, campaignsProjection, reportsProjection];

export { CAMPAIGNS, type CampaignEntry, type CampaignsView } from './campaigns/view.ts';
export { campaignsProjection } from './campaigns/projection.ts';
export * from './evaluation/index.ts';
export { portfolioProjection } from './portfolio/projection.ts';
export { PROJECTS, type PortfolioView, type ProjectEntry } from './portfolio/view.ts';
export type * from './projection.ts';
export * from './queries/index.ts';
export { viewsFromEvents } from './replay.ts';
export { ACTIVITIES, ACTIVITY_CHUNK, activityChunkId, type ActivityChunkDoc, PARTNERSHIPS, type PartnershipDoc } from './register/docs.ts';
export { registerProjection } from './register/projection.ts';
export { type PartnershipRow, rowAt } from './register/rows.ts';
export { type PartnershipEntry, type RegisterView } from './register/view.ts';
export * from './reports/index.ts';
export type * from './view.ts';
