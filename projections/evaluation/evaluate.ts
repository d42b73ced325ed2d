import type { ProjectRow } from '../portfolio/index.ts';
import { lastContactOn, rowSummary } from '../queries/relationships.ts';
import type { ActivityDoc, PartnershipRow } from '../register/rows.ts';
import { OFFICES, officeNamed } from '../shared/offices.ts';
import { measure, type PartnershipFacts } from './criteria.ts';
import type { CriterionId, EvaluationStandard } from './standard.ts';

export interface EvaluateOptions {
  today: string;
  /** One office (370000 or a city code); every office when absent. */
  office?: string;
}

export type AtRiskReason = 'below-threshold' | 'dormant';

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list === undefined) groups.set(key(item), [item]);
    else list.push(item);
  }
  return groups;
}

/**
 * Scores every signed, not terminated partnership (active or dormant) 0–100
 * under the standard: each criterion met to some fraction, weighted. Lists
 * per office averages and the partnerships at risk: below the threshold, or
 * explicitly dormant whatever their score.
 */
export function evaluate(
  partnerships: readonly PartnershipRow[],
  activities: readonly ActivityDoc[],
  projects: readonly ProjectRow[],
  standard: EvaluationStandard,
  { today, office }: EvaluateOptions,
) {
  const activitiesOf = groupBy(activities, (activity) => activity.partnershipId);
  const delivered = new Map<string, number>();
  for (const project of projects) {
    if (project.status !== 'completed' || project.completedOn === null || project.completedOn > today) continue;
    for (const id of project.partnershipIds) delivered.set(id, (delivered.get(id) ?? 0) + 1);
  }

  const evaluated = partnerships
    .filter((row) => (row.status === 'active' || row.status === 'dormant') && (office === undefined || row.local.cityCode === office))
    .map((row) => {
      const facts: PartnershipFacts = {
        activities: activitiesOf.get(row.id) ?? [],
        projectsDelivered: delivered.get(row.id) ?? 0,
        lastContactOn: lastContactOn(row),
      };
      let total = 0;
      const criteria = {} as Partial<Record<CriterionId, { weight: number; value: number | null; score: number; points: number }>>;
      for (const criterion of standard.criteria) {
        const { value, fraction } = measure(criterion, facts, today);
        total += criterion.weight * fraction * 100;
        criteria[criterion.id] = { weight: criterion.weight, value, score: round(fraction * 100, 1), points: round(criterion.weight * fraction * 100, 2) };
      }
      const score = round(total, 1);
      const reasons: AtRiskReason[] = [
        ...(score < standard.atRiskThreshold ? (['below-threshold'] as const) : []),
        ...(row.status === 'dormant' ? (['dormant'] as const) : []),
      ];
      return { ...rowSummary(row), status: row.status, score, criteria, atRisk: reasons.length > 0, reasons };
    })
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));

  const byOffice = groupBy(evaluated, (item) => item.office);
  const offices = (office === undefined ? OFFICES : [officeNamed(office)]).map((o) => {
    const scores = (byOffice.get(o.office) ?? []).map((item) => item.score);
    const averageScore = scores.length === 0 ? null : round(scores.reduce((a, b) => a + b, 0) / scores.length, 1);
    return { ...o, partnerships: scores.length, averageScore };
  });

  return {
    standard: { id: standard.id, version: standard.version },
    today,
    atRiskThreshold: standard.atRiskThreshold,
    partnerships: evaluated,
    offices,
    atRisk: evaluated
      .filter((item) => item.atRisk)
      .map(({ id, office: code, partner, status, score, reasons }) => ({ id, office: code, partner, status, score, reasons })),
  };
}
