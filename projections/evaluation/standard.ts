import { z } from 'zod';

/**
 * The evaluation standard (友城工作评价标准): criteria, their weights and
 * parameters, and the score below which a partnership is at risk. It is a
 * versioned file so a change of the rules is a new version, and every
 * evaluation says which version produced it.
 */

const positiveInt = () => z.int().positive();
const weight = () => z.number().positive().max(1);
const described = { weight: weight(), description: z.string().max(500).optional() };

/** Activities in the window, scored against a target count. */
const ActivityFrequency = z.strictObject({
  id: z.literal('activityFrequency'),
  ...described,
  parameters: z.strictObject({ windowMonths: positiveInt(), target: z.number().positive() }),
});

/** Distinct activity types in the window, scored against a target count. */
const ActivityDiversity = z.strictObject({
  id: z.literal('activityDiversity'),
  ...described,
  parameters: z.strictObject({ windowMonths: positiveInt(), target: z.number().positive() }),
});

/** Activities led at one of `ranks` in the window; ranks compare after `normaliseRank`. */
const HighLevelVisits = z.strictObject({
  id: z.literal('highLevelVisits'),
  ...described,
  parameters: z.strictObject({
    windowMonths: positiveInt(),
    target: z.number().positive(),
    ranks: z.array(z.string().trim().min(1)).min(1),
  }),
});

/**
 * Completed projects serving the partnership, scored against a target count;
 * a partnership signed less than `expectedWithinMonths` ago is expected to
 * have delivered that share of the target.
 */
const ProjectsDelivered = z.strictObject({
  id: z.literal('projectsDelivered'),
  ...described,
  parameters: z.strictObject({ target: z.number().positive(), expectedWithinMonths: positiveInt().optional() }),
});

/** Full marks on the day of the last contact, falling linearly to none at `cutoffDays`. */
const Recency = z.strictObject({
  id: z.literal('recency'),
  ...described,
  parameters: z.strictObject({ cutoffDays: positiveInt() }),
});

const Criterion = z.discriminatedUnion('id', [ActivityFrequency, ActivityDiversity, HighLevelVisits, ProjectsDelivered, Recency]);

const WEIGHT_TOLERANCE = 1e-9;

export const EvaluationStandard = z
  .strictObject({
    id: z.string().trim().min(1),
    version: positiveInt(),
    name: z.string().min(1).optional(),
    /** The first day the standard applies; a later version applies from its own date. */
    effectiveFrom: z.iso.date(),
    /** Scores (0–100) below this are at risk. */
    atRiskThreshold: z.number().positive().max(100),
    criteria: z.array(Criterion).min(1),
  })
  .superRefine((standard, ctx) => {
    const seen = new Set<string>();
    standard.criteria.forEach((criterion, index) => {
      if (seen.has(criterion.id)) {
        ctx.addIssue({ code: 'custom', message: `criterion ${criterion.id} is listed twice`, path: ['criteria', index, 'id'] });
      }
      seen.add(criterion.id);
    });
    const total = standard.criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
    if (Math.abs(total - 1) > WEIGHT_TOLERANCE) {
      ctx.addIssue({ code: 'custom', message: `the weights add up to ${total}, not 1`, path: ['criteria'] });
    }
  });

export type EvaluationStandard = z.infer<typeof EvaluationStandard>;
export type Criterion = z.infer<typeof Criterion>;
export type CriterionId = Criterion['id'];

export class InvalidStandardError extends Error {
  override readonly name = 'InvalidStandardError';
  constructor(readonly problems: string[]) {
    super(`invalid evaluation standard:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/**
 * The standards in force over time, by the day each took effect: a score is
 * given under the standard in force on the day it is for.
 */
export type EvaluationStandards = readonly EvaluationStandard[];

/** The standard in force on `day`, or undefined before the first took effect. */
export function standardOn(standards: EvaluationStandards, day: string): EvaluationStandard | undefined {
  let found: EvaluationStandard | undefined;
  for (const standard of standards) if (standard.effectiveFrom <= day && (found === undefined || standard.effectiveFrom >= found.effectiveFrom)) found = standard;
  return found;
}

/** Validates a parsed standard file; throws InvalidStandardError listing every problem with its path. */
export function loadStandard(json: unknown): EvaluationStandard {
  const result = EvaluationStandard.safeParse(json);
  if (result.success) return result.data;
  throw new InvalidStandardError(
    result.error.issues.map((issue) => `${issue.path.length === 0 ? '(root)' : issue.path.join('.')}: ${issue.message}`),
  );
}

/** The standard's ranks compare in the spelling events store them in. */
export { normaliseRank } from '../../commands/partnership/vocabulary.ts';
