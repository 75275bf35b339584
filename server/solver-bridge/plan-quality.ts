import type { ProblemInput } from '../../solver/model/problem-input.ts';
import type { Solution } from '../../solver/model/solution.ts';
import { validate } from '../../solver/validate/validate.ts';

/** How far to trust a plan: what the scheduler's page warns about. */
export interface PlanQuality {
  /** The independent validator found a broken hard rule (or a wrong price) in the plan. */
  breaksHardRules: boolean;
  /** The validator's first findings, in its words (English, for the log and support). */
  violations: string[];
  /**
   * The search never held a plan that breaks no hard rule: this one was made by the final
   * repair, which removes visits until none is broken, so it leaves out more than it should.
   */
  foundByRepair: boolean;
  /** When the search first held a plan that breaks no hard rule (ms into the solve); null: never. */
  firstFeasibleMs: number | null;
}

/** Checks a solved plan with the solver's validator (about 0.1 s on a Stockholm-city day). */
export function planQuality(
  input: ProblemInput,
  solution: Solution,
  firstFeasibleMs: number | null,
): PlanQuality {
  const v = validate(input, solution);
  return {
    breaksHardRules: !v.valid,
    violations: v.violations.slice(0, 5),
    foundByRepair: solution.foundByRepair === true,
    firstFeasibleMs: solution.foundByRepair === true ? null : firstFeasibleMs,
  };
}
