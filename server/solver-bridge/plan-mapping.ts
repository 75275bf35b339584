import type { ProblemInput } from '../../solver/model/problem-input.ts';
import {
  type Solution,
  type UnassignedReason,
  zeroCostTerms,
} from '../../solver/model/solution.ts';
import type { BuiltProblem } from './build-problem.ts';
import type { VisitRow } from './problem-rows.ts';

export type { UnassignedReason };

/**
 * The plan as it stands in the database, as a solver Solution: each caregiver's visits in
 * route order. Only the order matters to the solver (it recomputes times), so starts are
 * the planned ones and the cost is left at zero. Warm start for `solve`, and the plan
 * `rankInsertions` inserts into.
 */
export function currentSolution(built: BuiltProblem, visits: readonly VisitRow[]): Solution {
  const perCaregiver = built.staffIds.map(
    () => [] as { visit: number; at: number; order: number }[],
  );
  const placed = new Set<number>();
  const origin = built.origin.getTime();
  for (const v of visits) {
    const indices = built.visitIndices.get(v.id);
    if (!indices) continue;
    const assignees = [...v.assignees].sort((a, b) => a.staffId.localeCompare(b.staffId));
    // A two-person visit is only planned when both halves have someone.
    if (assignees.length < indices.length) continue;
    indices.forEach((visit, h) => {
      const k = built.staffIndex.get(assignees[h].staffId);
      if (k === undefined) return;
      const a = assignees[h];
      perCaregiver[k].push({
        visit,
        at: Math.max(0, Math.round((a.plannedStart.getTime() - origin) / 1000)),
        order: a.routeOrder,
      });
      placed.add(visit);
    });
  }
  const routes = perCaregiver.map((stops, caregiver) => {
    stops.sort((a, b) => a.at - b.at || a.order - b.order);
    return {
      caregiver,
      stops: stops.map((s) => ({ kind: 'visit' as const, visit: s.visit, start: s.at })),
      departure: 0,
      arrival: 0,
    };
  });
  const unassigned = built.visitIds
    .map((_, visit) => visit)
    .filter((visit) => !placed.has(visit))
    .map((visit) => ({ visit, reason: 'not_worth_it' as UnassignedReason }));
  return { routes, unassigned, cost: 0, terms: zeroCostTerms() };
}

export interface PlannedVisit {
  visitId: string;
  /**
   * One entry per caregiver (two for a two-person visit); travelSeconds is the leg to the
   * visit from the caregiver's previous stop (or start), as the solver priced it.
   */
  staff: { staffId: string; plannedStart: Date; routeOrder: number; travelSeconds: number }[];
}

export interface PlanAssignments {
  planned: PlannedVisit[];
  unassigned: { visitId: string; reason: UnassignedReason }[];
}

/** Whole seconds of one leg by a caregiver's travel profile, as the solver prices it. */
export function legSeconds(input: ProblemInput, caregiver: number, from: number, to: number) {
  const durations = input.profiles[input.caregivers[caregiver].profile].durations;
  return Math.round(durations[from * input.locations + to] / input.scale);
}

/**
 * A solver Solution back to database terms: visit id → caregivers, start instants, order,
 * and the travel before each visit (a break is taken where the caregiver is: no leg).
 */
export function toAssignments(built: BuiltProblem, solution: Solution): PlanAssignments {
  const byVisit = new Map<string, PlannedVisit>();
  const origin = built.origin.getTime();
  const input = built.input;
  for (const route of solution.routes) {
    let order = 0;
    let at = input.caregivers[route.caregiver].startLocation;
    for (const stop of route.stops) {
      if (stop.kind !== 'visit') continue;
      order++;
      const visitId = built.visitIds[stop.visit];
      const entry = byVisit.get(visitId) ?? { visitId, staff: [] };
      const to = input.visits[stop.visit].location;
      entry.staff.push({
        staffId: built.staffIds[route.caregiver],
        plannedStart: new Date(origin + stop.start * 1000),
        routeOrder: order,
        travelSeconds: legSeconds(input, route.caregiver, at, to),
      });
      at = to;
      byVisit.set(visitId, entry);
    }
  }
  const seen = new Set<string>();
  const unassigned: PlanAssignments['unassigned'] = [];
  for (const u of solution.unassigned) {
    const visitId = built.visitIds[u.visit];
    if (seen.has(visitId) || byVisit.has(visitId)) continue;
    seen.add(visitId);
    unassigned.push({ visitId, reason: u.reason });
  }
  return { planned: [...byVisit.values()], unassigned };
}
