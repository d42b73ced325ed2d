import standardV1Json from './standard.v1.json' with { type: 'json' };
import { type EvaluationStandard, loadStandard } from './standard.ts';

export { AT_RISK_REASONS, evaluate, type AtRiskReason, type EvaluateOptions } from './evaluate.ts';
export { measure, type Measure, type PartnershipFacts } from './criteria.ts';
export {
  type Criterion,
  type CriterionId,
  EvaluationStandard,
  type EvaluationStandards,
  standardOn,
  InvalidStandardError,
  loadStandard,
  normaliseRank,
} from './standard.ts';

/** The shipped standard file as parsed JSON, not yet validated. */
export const standardV1: unknown = standardV1Json;

/** The shipped standard, validated: call once at start so a bad file stops the service early. */
export const defaultStandard = (): EvaluationStandard => loadStandard(standardV1);

/** Every shipped version of the standard, validated, oldest first. */
export const defaultStandards = (): EvaluationStandard[] => [defaultStandard()];
