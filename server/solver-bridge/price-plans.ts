import type { Weights } from '../../solver/model/problem-input.ts';
import type { CostTerms } from '../../solver/model/solution.ts';
import { schedulePlan } from '../../solver/schedule-plan.ts';
import { validate } from '../../solver/validate/validate.ts';
import { buildProblem } from './build-problem.ts';
import { type PlannedVisit, currentSolution, toAssignments } from './plan-mapping.ts';
import type { BuildOptions, VisitRow } from './problem-rows.ts';
import type { ProblemRows } from './solve-rows.ts';

/** One plan of a day, timed and priced by the solver's own evaluation. */
export interface PricedPlan {
  /** The objective, in the solver's units (as the search and the job report it). */
  cost: number;
  terms: CostTerms;
  /** The hard rules the plan breaks, in the validator's words. */
  violations: string[];
  /**
   * The rules the plan breaks as given, before the solver times it (which leaves out a visit
   * its caregiver may not make): who may make what, exclusions, pins, two-person visits.
   */
  asGiven: string[];
  /** Each visit's caregivers and start as the solver schedules the routes. */
  planned: PlannedVisit[];
}

/**
 * Times and prices plans of one day without optimising them (a scheduler's manual edit):
 * each plan is the day's visits with their assignees (solver caregiver ids); its routes keep
 * the order of the planned starts, and the solver computes the earliest joint schedule,
 * its cost terms (eval/, through schedulePlan) and the rules it breaks (validate/).
 */
export function pricePlans(
  rows: ProblemRows,
  plans: readonly (readonly VisitRow[])[],
  options: BuildOptions,
): { priced: PricedPlan[]; weights: Weights; scale: number } {
  const built = buildProblem(rows.staff, rows.visits, rows.patients, options);
  const priced = plans.map((visits) => {
    const given = currentSolution(built, visits);
    const asGiven = validate(built.input, given, { checkReportedCost: false }).violations;
    const timed = schedulePlan(built.input, given);
    const checked = validate(built.input, timed, { checkReportedCost: false });
    return {
      asGiven,
      cost: checked.cost,
      terms: checked.terms,
      violations: checked.violations,
      planned: toAssignments(built, timed).planned,
    };
  });
  return { priced, weights: built.input.weights, scale: built.input.scale };
}
