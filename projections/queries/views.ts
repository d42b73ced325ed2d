import type { CampaignsView } from '../campaigns/view.ts';
import type { PortfolioView } from '../portfolio/view.ts';
import type { RegisterView } from '../register/view.ts';
import type { ReportsView } from '../reports/view.ts';

/** The views queries read, one per projection. */
export interface ReadViews {
  register: RegisterView;
  portfolio: PortfolioView;
  campaigns: CampaignsView;
  reports: ReportsView;
}
