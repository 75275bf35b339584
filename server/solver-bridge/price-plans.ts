import type { Weights } from '../../solver/model/problem-input.ts';
import type { CostTerms, Solution } from '../../solver/model/solution.ts';
import { schedulePlan } from '../../solver/schedule-plan.ts';
import { validate } from '../../solver/validate/validate.ts';
import { type BuiltProblem, buildProblem } from './build-problem.ts';
import { type PlannedVisit, currentSolution, legSeconds, toAssignments } from './plan-mapping.ts';
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
  /** Per used caregiver (solver id): the travel before each visit and the breaks. */
  routes: PricedRoute[];
}

export interface PricedRoute {
  staffId: string;
  legs: { toVisitId: string; travelSeconds: number }[];
  breaks: { start: Date; minutes: number }[];
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
      routes: routesOf(built, timed),
    };
  });
  return { priced, weights: built.input.weights, scale: built.input.scale };
}

/** The timed routes in people's terms: travel from the previous place to each visit, breaks. */
function routesOf(built: BuiltProblem, plan: Solution): PricedRoute[] {
  const input = built.input;
  const origin = built.origin.getTime();
  return plan.routes
    .filter((r) => r.stops.length > 0)
    .map((r) => {
      const cg = input.caregivers[r.caregiver];
      let at = cg.startLocation;
      const legs: PricedRoute['legs'] = [];
      const breaks: PricedRoute['breaks'] = [];
      for (const stop of r.stops) {
        if (stop.kind === 'break') {
          const seconds = cg.breaks[stop.break]?.duration ?? 0;
          breaks.push({ start: new Date(origin + stop.start * 1000), minutes: seconds / 60 });
          continue;
        }
        const to = input.visits[stop.visit].location;
        legs.push({
          toVisitId: built.visitIds[stop.visit],
          travelSeconds: legSeconds(input, r.caregiver, at, to),
        });
        at = to;
      }
      return { staffId: built.staffIds[r.caregiver], legs, breaks };
    });
}
