import { lastContactOn, rowSummary } from '../queries/relationships.ts';
import type { ReadViews } from '../queries/views.ts';
import { projectAt } from '../queries/portfolio.ts';
import { type PartnershipRow, rowAt } from '../register/rows.ts';
import type { PartnershipEntry } from '../register/view.ts';
import { dayNumber } from '../shared/dates.ts';
import { OFFICES, officeNamed } from '../shared/offices.ts';
import { measure, type PartnershipFacts } from './criteria.ts';
import { type CriterionId, type EvaluationStandards, standardOn } from './standard.ts';

export interface EvaluateOptions {
  /** The day it is judged on: the standard in force then, the facts up to then. */
  day: string;
  /** One office (370000 or a city code); every office when absent. */
  office?: string | undefined;
}

export const AT_RISK_REASONS = ['below-threshold', 'dormant'] as const;
export type AtRiskReason = (typeof AT_RISK_REASONS)[number];

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

/** Completed projects serving the partnership, completed by the end of `day`. */
function delivered(views: Pick<ReadViews, 'portfolio'>, id: string, day: number): number {
  let count = 0;
  for (const entry of views.portfolio.byPartnership.get(id) ?? []) if (projectAt(entry, day)?.status === 'completed') count++;
  return count;
}

/** The partnerships that count on `day` (active or dormant then), as they stood. */
function counted(views: Pick<ReadViews, 'register'>, day: number, office: string | undefined): { entry: PartnershipEntry; row: PartnershipRow }[] {
  const { indexes } = views.register;
  const seen = new Set<PartnershipEntry>([...(indexes.everStatus.get('active') ?? []), ...(indexes.everStatus.get('dormant') ?? [])]);
  return [...seen].flatMap((entry) => {
    if (office !== undefined && entry.office !== office) return [];
    const row = rowAt(entry, day);
    return row !== undefined && (row.status === 'active' || row.status === 'dormant') ? [{ entry, row }] : [];
  });
}

/**
 * Scores every partnership that counts on `day` (signed, not terminated) 0–100
 * under the standard in force that day: each criterion met to some fraction,
 * weighted; a young partnership is judged on what could have happened since
 * its signing. Lists per office averages and the partnerships at risk: below
 * the threshold, or explicitly dormant whatever their score. Before the first
 * standard took effect there is nothing to score.
 */
export function evaluate(views: Pick<ReadViews, 'register' | 'portfolio'>, standards: EvaluationStandards, { day, office }: EvaluateOptions) {
  const standard = standardOn(standards, day);
  const d = dayNumber(day);
  const evaluated =
    standard === undefined
      ? []
      : counted(views, d, office)
          .map(({ entry, row }) => {
            const facts: PartnershipFacts = {
              log: entry.log,
              projectsDelivered: delivered(views, row.id, d),
              lastContactOn: lastContactOn(row),
              signedOn: row.signedOn,
            };
            let total = 0;
            const criteria = {} as Partial<Record<CriterionId, { weight: number; value: number | null; score: number; points: number }>>;
            for (const criterion of standard.criteria) {
              const { value, fraction } = measure(criterion, facts, day);
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
    standard: standard === undefined ? null : { id: standard.id, version: standard.version, effectiveFrom: standard.effectiveFrom },
    today: day,
    atRiskThreshold: standard?.atRiskThreshold ?? null,
    partnerships: evaluated,
    offices,
    atRisk: evaluated
      .filter((item) => item.atRisk)
      .map(({ id, office: code, partner, status, score, reasons }) => ({ id, office: code, partner, status, score, reasons })),
  };
}
