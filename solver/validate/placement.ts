import type { ProblemInput } from '../model/problem-input.ts';
import type { Solution } from '../model/solution.ts';
import { caregiverName, visitName } from './names.ts';

/** Where the plan puts one visit. */
export interface Placement {
  caregiver: number;
  start: number;
}

/**
 * Checks the plan's shape (one route per caregiver, in order; indices in range) and that
 * every visit is either on exactly one route or listed unassigned exactly once. Returns
 * the placement of each visit (undefined when unassigned or missing).
 */
export function checkPlacement(
  input: ProblemInput,
  solution: Solution,
  violations: string[],
): (Placement | undefined)[] {
  const placed: (Placement | undefined)[] = new Array(input.visits.length).fill(undefined);
  const seen = new Array<number>(input.visits.length).fill(0);
  if (solution.routes.length !== input.caregivers.length) {
    violations.push(
      `plan has ${solution.routes.length} routes for ${input.caregivers.length} caregivers`,
    );
  }
  solution.routes.forEach((route, r) => {
    if (route.caregiver !== r)
      violations.push(`route ${r} is labelled caregiver ${route.caregiver}`);
    for (const stop of route.stops) {
      if (stop.kind !== 'visit') continue;
      const v = stop.visit;
      if (!Number.isInteger(v) || v < 0 || v >= input.visits.length) {
        violations.push(`${caregiverName(input, r)} has an unknown visit ${v}`);
        continue;
      }
      seen[v]++;
      if (placed[v] !== undefined) {
        violations.push(
          `${visitName(input, v)} is made twice (${caregiverName(input, placed[v].caregiver)} and ${caregiverName(input, r)})`,
        );
        continue;
      }
      placed[v] = { caregiver: r, start: stop.start };
    }
  });
  for (const u of solution.unassigned) {
    const v = u.visit;
    if (!Number.isInteger(v) || v < 0 || v >= input.visits.length) {
      violations.push(`unassigned list has an unknown visit ${v}`);
      continue;
    }
    seen[v]++;
    if (placed[v] !== undefined) {
      violations.push(
        `${visitName(input, v)} is both on ${caregiverName(input, placed[v].caregiver)} and unassigned`,
      );
    } else if (seen[v] > 1) {
      violations.push(`${visitName(input, v)} is listed unassigned twice`);
    }
  }
  seen.forEach((count, v) => {
    if (count === 0) violations.push(`${visitName(input, v)} is neither on a route nor unassigned`);
  });
  return placed;
}
