/**
 * The read side's public face: the projections the runner feeds, the
 * documents they keep, and the pure queries dashboards call with those
 * documents and today's date.
 */
import { campaignsProjection } from './campaigns/index.ts';
import { portfolioProjection } from './portfolio/index.ts';
import type { Projection } from './projection.ts';
import { registerProjection } from './register/index.ts';
import { reportsProjection } from './reports/submissions.ts';

export const PROJECTIONS: readonly Projection[] = [registerProjection, portfolioProjection, campaignsProjection, reportsProjection];

export { CAMPAIGNS, type CampaignDoc, campaignsProjection } from './campaigns/index.ts';
export * from './evaluation/index.ts';
export { PROJECTS, portfolioProjection, type ProjectRow } from './portfolio/index.ts';
export type * from './projection.ts';
export * from './queries/index.ts';
export * from './register/index.ts';
export * from './reports/index.ts';
