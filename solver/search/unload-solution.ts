import type { CostEvaluator } from '../eval/cost-evaluator.ts';
import { RouteEval, type ScheduleRecord } from '../eval/route-eval.ts';
import { simulateRoute } from '../eval/simulate-route.ts';
import {
  type CostTerms,
  type RouteResult,
  type Solution,
  type Stop,
  type UnassignedReason,
  zeroCostTerms,
} from '../model/solution.ts';
import type { ProblemData } from '../problem/problem-data.ts';
import type { SearchSolution } from './search-solution.ts';

/**
 * Writes the plain Solution: the schedule of every route (with breaks) and the cost terms
 * recomputed from that schedule exactly as the contract defines them, priced by `cost`.
 */
export function unloadSolution(
  d: ProblemData,
  cost: CostEvaluator,
  sol: SearchSolution,
  reasons: Map<number, UnassignedReason>,
): Solution {
  const input = d.input;
  const terms: CostTerms = zeroCostTerms();
  const ev = new RouteEval();
  const routes: RouteResult[] = [];
  const seen = new Map<number, Set<number>>();
  for (const r of sol.routes) {
    const k = r.k;
    const rec: ScheduleRecord = {
      visitStart: [],
      breakBefore: [],
      breakIndex: [],
      breakStart: [],
    };
    simulateRoute(d, k, r.visits, r.visits.length, sol.release, ev, null, rec);
    const stops: Stop[] = [];
    let b = 0;
    for (let i = 0; i <= r.visits.length; i++) {
      while (b < rec.breakBefore.length && rec.breakBefore[b] === i) {
        stops.push({
          kind: 'break',
          break: rec.breakIndex[b],
          start: rec.breakStart[b],
        });
        b++;
      }
      if (i === r.visits.length) break;
      const v = r.visits[i];
      stops.push({ kind: 'visit', visit: v, start: rec.visitStart[i] });
      const p = d.patient[v];
      if (p < 0) continue;
      const pat = input.patients[p];
      if (pat.contact >= 0 && pat.contact !== k) terms.nonContact++;
      for (const kn of pat.known) if (kn.caregiver === k) terms.knownCredit += kn.weight;
      const set = seen.get(p) ?? new Set<number>();
      seen.set(p, set);
      set.add(k);
    }
    routes.push({
      caregiver: k,
      stops,
      departure: ev.departure,
      arrival: ev.arrival,
    });
    if (r.visits.length === 0) continue;
    terms.usedCaregivers++;
    terms.travelTime += ev.travelTime;
    terms.distance += ev.distance;
    terms.lateness += ev.lateness;
    terms.maxLateness = Math.max(terms.maxLateness, ev.maxLate);
    terms.overtime += ev.overtime;
    terms.fixedCost += input.caregivers[k].fixedCost;
  }
  for (const [p, set] of seen) {
    terms.distinctCaregivers += Math.max(0, set.size - 1);
    const cap = input.patients[p].maxDistinct;
    if (cap > 0) terms.distinctOverCap += Math.max(0, set.size - cap);
  }
  const unassigned: Solution['unassigned'] = [];
  for (let v = 0; v < d.N; v++) {
    if (sol.routeOf[v] >= 0) continue;
    terms.unassignedPenalty += d.penalty[v];
    unassigned.push({ visit: v, reason: reasons.get(v) ?? 'not_worth_it' });
  }
  return { routes, unassigned, cost: cost.total(terms), terms };
}
