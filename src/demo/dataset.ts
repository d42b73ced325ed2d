import { campaignCommandSchemas, campaignDecider, campaignStream } from '../../commands/campaign/index.ts';
import { type ApprovalLevel, decidingOffice, type PartnershipKind, terminatingOffice, partnershipCommandSchemas, partnershipDecider, partnershipStream } from '../../commands/partnership/index.ts';
import { projectCommandSchemas, projectDecider, projectStream } from '../../commands/project/index.ts';
import { buildCampaign, type CampaignPlan } from './campaign.ts';
import { buildPartnerships, type PartnershipPlan } from './partnerships.ts';
import { buildProjects, type ProjectPlan } from './projects.ts';
import { buildReports, type ReportPlan } from './reports.ts';
import { reportCommandSchemas, reportDecider, reportStream } from '../../commands/report/index.ts';
import { createRandom } from './random.ts';
import { type Step, stepFor } from './steps.ts';

export const DEFAULT_SEED = 'shandong-friendship-cities-2021';

export interface DemoDataset {
  partnerships: PartnershipPlan[];
  projects: ProjectPlan[];
  campaign: CampaignPlan;
  reports: ReportPlan[];
  nameFallbacks: number;
}

/** The whole demo as plans; pure and deterministic for a given seed. */
export function buildDataset(seed: string = DEFAULT_SEED): DemoDataset {
  const rnd = createRandom(seed);
  const { plans, nameFallbacks } = buildPartnerships(rnd.fork('partnerships'));
  const projects = buildProjects(rnd.fork('projects'), plans);
  return { partnerships: plans, projects, campaign: buildCampaign(plans), reports: buildReports(rnd.fork('reports')), nameFallbacks };
}

const partnership = { decider: partnershipDecider, schemas: partnershipCommandSchemas, stream: partnershipStream };
const project = { decider: projectDecider, schemas: projectCommandSchemas, stream: projectStream };
const campaign = { decider: campaignDecider, schemas: campaignCommandSchemas, stream: campaignStream };
const report = { decider: reportDecider, schemas: reportCommandSchemas, stream: reportStream };

/** A dated body aimed at its aggregate: the fact date travels in the body, as over HTTP. */
function aimed<B extends { type: string; data: object }>(body: B, id: string, date: string): B & { id: string } {
  return { ...body, id, data: { ...body.data, date } };
}

/**
 * The office that enters a partnership step: the owner's, except the
 * province and national decisions and the end of a sister tie, which the
 * province office records. `kind` is the tie's kind when the step is taken.
 */
function enteredBy(body: { type: string; data: object }, owner: string, kind: PartnershipKind): string {
  const office =
    body.type === 'RecordApprovalDecision'
      ? decidingOffice((body.data as { level: ApprovalLevel }).level)
      : body.type === 'TerminatePartnership'
        ? terminatingOffice(kind)
        : 'owner';
  return office === 'owner' ? owner : office;
}

/** Every command of the dataset, each stream's in date order. */
export function datasetSteps(dataset: DemoDataset): Step[] {
  const steps: Step[] = [];
  const { campaign: c } = dataset;
  c.entries.forEach(({ date, body }, index) => {
    const key = `${c.key}/${index}`;
    steps.push(stepFor(campaign, aimed(body, c.id, date), { key, date, office: c.office }));
  });
  for (const p of dataset.partnerships) {
    let kind = p.parties.kind;
    p.entries.forEach(({ date, body }, index) => {
      const key = `${p.key}/${index}`;
      steps.push(stepFor(partnership, aimed(body, p.id, date), { key, date, office: enteredBy(body, p.office, kind) }));
      if (body.type === 'UpgradeRelationship') kind = body.data.to;
    });
  }
  for (const p of dataset.projects) {
    p.entries.forEach(({ date, body }, index) => {
      const key = `${p.key}/${index}`;
      steps.push(stepFor(project, aimed(body, p.id, date), { key, date, office: p.office }));
    });
  }
  for (const r of dataset.reports) {
    steps.push(stepFor(report, aimed(r.body, r.id, r.date), { key: r.key, date: r.date, office: r.office }));
  }
  return steps;
}
