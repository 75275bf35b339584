import type { ProblemInput } from '../model/problem-input.ts';
import { type RouteResult, type Solution, zeroCostTerms } from '../model/solution.ts';

const MAX_ROUNDS = 1000;

/**
 * Turns visit sequences (one per caregiver) into a contract Solution with the earliest
 * start times: arrival = previous end + travel, start = max(arrival, earliest, sync bound).
 * Syncs only ever push starts later, so raising lower bounds until nothing moves is a
 * fixpoint (bounded, in case a file's plan cannot meet its gaps).
 * Breaks are not placed (benchmark files have none). Visits in no sequence are reported
 * unassigned. `cost` and `terms` are left at zero: price the plan with `validate()`.
 */
export function earliestSchedule(input: ProblemInput, sequences: number[][]): Solution {
  const lower = input.visits.map((v) => v.earliest);
  const start = new Array<number>(input.visits.length).fill(Number.NaN);
  const caregiverOf = new Array<number>(input.visits.length).fill(-1);
  sequences.forEach((seq, k) => {
    for (const v of seq) caregiverOf[v] = k;
  });
  let routes: RouteResult[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    routes = input.caregivers.map((_, k) => timeRoute(input, k, sequences[k] ?? [], lower, start));
    let moved = false;
    for (const s of input.syncs) {
      if (caregiverOf[s.first] < 0 || caregiverOf[s.second] < 0) continue;
      const gap = start[s.second] - start[s.first];
      if (gap < s.minGap) {
        lower[s.second] = start[s.first] + s.minGap;
        moved = true;
      } else if (gap > s.maxGap) {
        lower[s.first] = start[s.second] - s.maxGap;
        moved = true;
      }
    }
    if (!moved) break;
  }
  const unassigned = input.visits
    .map((_, v) => v)
    .filter((v) => caregiverOf[v] < 0)
    .map((visit) => ({ visit, reason: 'not_worth_it' as const }));
  return { routes, unassigned, cost: 0, terms: zeroCostTerms() };
}

function timeRoute(
  input: ProblemInput,
  k: number,
  seq: number[],
  lower: number[],
  start: number[],
): RouteResult {
  const cg = input.caregivers[k];
  const travel = input.profiles[cg.profile].durations;
  const n = input.locations;
  if (seq.length === 0) {
    return {
      caregiver: k,
      stops: [],
      departure: cg.shiftStart,
      arrival: cg.shiftStart,
    };
  }
  let t = cg.shiftStart;
  let at = cg.startLocation;
  for (const v of seq) {
    const visit = input.visits[v];
    start[v] = Math.max(t + travel[at * n + visit.location], lower[v]);
    t = start[v] + (visit.durationByCaregiver?.[k] ?? visit.duration);
    at = visit.location;
  }
  return {
    caregiver: k,
    stops: seq.map((v) => ({ kind: 'visit', visit: v, start: start[v] })),
    departure: cg.shiftStart,
    arrival: t + travel[at * n + cg.endLocation],
  };
}
