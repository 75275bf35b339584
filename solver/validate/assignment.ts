import type { CaregiverInput, ProblemInput } from '../model/problem-input.ts';
import type { RouteResult } from '../model/solution.ts';
import { caregiverName, real, visitName } from './names.ts';
import { serviceTime } from './schedule.ts';

/**
 * Who may make what: every skill held over the whole visit (a timed skill — a delegation —
 * only counts when [from, to] covers [start, start + duration]), the caregiver not
 * excluded, pinned visits on their caregiver, and the route's load within capacity.
 */
export function checkAssignment(
  input: ProblemInput,
  route: RouteResult,
  violations: string[],
): void {
  const k = route.caregiver;
  const cg = input.caregivers[k];
  if (!cg) return;
  const who = caregiverName(input, k);
  let load = 0;
  for (const stop of route.stops) {
    if (stop.kind !== 'visit') continue;
    const visit = input.visits[stop.visit];
    if (!visit) continue;
    const what = visitName(input, stop.visit);
    const end = stop.start + serviceTime(input, stop.visit, k);
    for (const skill of visit.skills) {
      const problem = skillProblem(input, cg, skill, stop.start, end);
      if (problem) violations.push(`${who} cannot make ${what}: ${problem}`);
    }
    if (visit.excluded.includes(k)) violations.push(`${who} is excluded from ${what}`);
    if (visit.pinnedCaregiver >= 0 && visit.pinnedCaregiver !== k) {
      violations.push(
        `${what} is pinned to ${caregiverName(input, visit.pinnedCaregiver)} but made by ${who}`,
      );
    }
    load += visit.demand;
  }
  if (load > cg.capacity)
    violations.push(`${who} carries load ${load} over capacity ${cg.capacity}`);
}

function skillProblem(
  input: ProblemInput,
  cg: CaregiverInput,
  skill: number,
  start: number,
  end: number,
): string | undefined {
  if (cg.skills.includes(skill)) return undefined;
  const windows = cg.timedSkills.filter((t) => t.skill === skill);
  if (windows.some((t) => t.from <= start && end <= t.to)) return undefined;
  if (windows.length === 0) return `lacks skill ${skill}`;
  const held = windows.map((t) => `[${real(input, t.from)}, ${real(input, t.to)}]`).join(', ');
  return `skill ${skill} is delegated only over ${held}, not over the visit [${real(input, start)}, ${real(input, end)}]`;
}
