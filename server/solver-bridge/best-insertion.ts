import { type RankRules, rankInsertions } from '../../solver/insertion/rank-insertions.ts';
import { buildProblem } from './build-problem.ts';
import { currentSolution } from './plan-mapping.ts';
import type { BuildOptions, PatientRow, StaffRow, VisitRow } from './problem-rows.ts';

/** The solver's cheapest place for one visit in one caregiver's route, in seconds after `origin`. */
export interface BestInsertion {
  start: number;
  addedTravel: number;
  addedLateness: number;
  /** The objective's change (route terms and continuity; no unassigned penalty). */
  deltaCost: number;
  knowsPatient: boolean;
  slackAfterShift: number;
  /** Overtime the insertion adds (the route's own before it not counted). */
  addedOvertime: number;
  /** Seconds it adds to the breaking of the hard time rules (priced only with `rules`). */
  addedViolation: number;
  /** The visit's own latest start and whether it is hard. */
  latest: number;
  latestHard: boolean;
}

/**
 * Suggestions' way to the solver: a problem of one caregiver (their route as `route`, in
 * order, plus `visit`) built from rows as planning's is, and rankInsertions' best place for
 * `visit` in it. Null when the solver finds no feasible place (see RankRules for what a
 * route already breaking a hard time rule gets).
 */
export function bestInsertion(
  caregiver: StaffRow,
  route: readonly VisitRow[],
  visit: VisitRow,
  patients: readonly PatientRow[],
  options: BuildOptions,
  rules: RankRules = {},
): BestInsertion | null {
  const built = buildProblem([caregiver], [...route, visit], patients, options);
  const index = built.visitIndices.get(visit.id)![0];
  const [best] = rankInsertions(built.input, currentSolution(built, route), index, 1, rules);
  if (!best) return null;
  const v = built.input.visits[index];
  return {
    start: best.start,
    addedTravel: best.addedTravel,
    addedLateness: best.addedLateness,
    deltaCost: best.deltaCost,
    knowsPatient: best.knowsPatient,
    slackAfterShift: best.slackAfterShift,
    addedOvertime: best.addedOvertime,
    addedViolation: best.addedViolation,
    latest: v.latest,
    latestHard: v.latestHard,
  };
}
