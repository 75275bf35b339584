import type { Solution } from '../../solver/model/solution.ts';
import type { ValidationResult } from '../../solver/validate/validate.ts';
import type { LoadedInstance } from './load-instance.ts';

export interface SolveReport {
  instance: string;
  objective: string;
  cost: number;
  distance: number;
  vehicles: number;
  runtimeMs: number;
  routes: (number[] | { node: number; service: number; start: number }[])[];
  feasible: boolean;
  unassigned: number;
  /** Present only when the validator found something (first 20). */
  violations?: string[];
}

const round = (x: number, digits = 4) => Number(x.toFixed(digits));

/**
 * The result in the benchmark's own terms, priced by the validator (not by the solver).
 * `cost` leaves out the vehicle fixed costs: vehicles are reported on their own, as the
 * literature does for the hierarchical objective.
 */
export function buildReport(
  loaded: LoadedInstance,
  solution: Solution,
  check: ValidationResult,
  runtimeMs: number,
): SolveReport {
  const { input, costDivisor } = loaded;
  const scaled = check.cost - input.weights.fixedCost * check.terms.fixedCost;
  const report: SolveReport = {
    instance: input.name,
    objective: loaded.objective,
    cost: round(scaled / (input.scale * costDivisor)),
    distance: round(check.terms.distance / input.scale),
    vehicles: check.terms.usedCaregivers,
    runtimeMs: Math.round(runtimeMs),
    routes:
      loaded.format === 'solomon'
        ? solomonRoutes(loaded, solution)
        : mankowskaRoutes(loaded, solution),
    feasible: check.valid && solution.unassigned.length === 0,
    unassigned: solution.unassigned.length,
  };
  if (check.violations.length > 0) report.violations = check.violations.slice(0, 20);
  return report;
}

/** Customer numbers (the visit ids) of each used route. */
function solomonRoutes({ input }: LoadedInstance, solution: Solution): number[][] {
  return solution.routes
    .map((r) =>
      r.stops.flatMap((s) => (s.kind === 'visit' ? [Number(input.visits[s.visit].id)] : [])),
    )
    .filter((r) => r.length > 0);
}

/** Visit ids are "node:service" (see parseMankowska); one array per caregiver, empty ones kept. */
function mankowskaRoutes({ input }: LoadedInstance, solution: Solution) {
  return solution.routes.map((r) =>
    r.stops.flatMap((s) => {
      if (s.kind !== 'visit') return [];
      const [node, service] = input.visits[s.visit].id.split(':').map(Number);
      return [{ node, service, start: round(s.start / input.scale) }];
    }),
  );
}
