import type { ProblemInput } from '../model/problem-input.ts';
import type { CostTerms, Solution } from '../model/solution.ts';
import { checkAssignment } from './assignment.ts';
import { costTerms, weightedCost } from './cost-terms.ts';
import { checkPlacement } from './placement.ts';
import { checkSchedule } from './schedule.ts';
import { checkSyncs } from './sync.ts';

export interface ValidationResult {
  /** No hard rule broken (and, when checked, the plan's own cost and terms are right). */
  valid: boolean;
  violations: string[];
  /** Recomputed cost and terms, in scaled units. */
  cost: number;
  terms: CostTerms;
}

export interface ValidateOptions {
  /**
   * Also require `solution.cost` and `solution.terms` to equal the recomputed ones. On by
   * default: a solver that misprices its own plan is a bug even when the plan is legal.
   * Plans read from files carry no cost, so their tests turn it off.
   */
  checkReportedCost?: boolean;
}

/**
 * The independent check of any plan: every hard rule listed in solution.ts and every cost
 * term, recomputed from the input alone. Shares no code with the search, on purpose.
 */
export function validate(
  input: ProblemInput,
  solution: Solution,
  options: ValidateOptions = {},
): ValidationResult {
  const violations: string[] = [];
  const placed = checkPlacement(input, solution, violations);
  const arrivals = solution.routes.map((route) => {
    checkAssignment(input, route, violations);
    return checkSchedule(input, route, violations);
  });
  checkSyncs(input, placed, violations);
  const terms = costTerms(input, solution, placed, arrivals);
  const cost = weightedCost(input.weights, terms);
  if (options.checkReportedCost ?? true) {
    if (solution.cost !== cost)
      violations.push(`plan reports cost ${solution.cost} but it costs ${cost}`);
    for (const key of Object.keys(terms) as (keyof CostTerms)[]) {
      if (solution.terms[key] !== terms[key]) {
        violations.push(`plan reports ${key} ${solution.terms[key]} but it is ${terms[key]}`);
      }
    }
  }
  return { valid: violations.length === 0, violations, cost, terms };
}
