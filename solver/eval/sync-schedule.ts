import type { ProblemData } from '../problem/problem-data.ts';
import type { RouteEval } from './route-eval.ts';
import { simulateRoute } from './simulate-route.ts';

/**
 * Joint schedule of routes linked by sync pairs. Each sync constraint is a lower bound
 * on one start given the other (second ≥ first + minGap, first ≥ second − maxGap), so
 * rescheduling routes until no bound rises gives the earliest joint schedule, with delays
 * propagated across caregivers. Returns false when the bounds never settle (a cycle of
 * waits, e.g. two pairs crossed on the same two routes) or a pair shares one route.
 *
 * `seqs[k]` is route k's visit order, `routeOf[v]` its caregiver in that configuration,
 * `evs[k]` receives every route's evaluation for routes in `todo`.
 */
export function scheduleSync(
  d: ProblemData,
  seqs: ArrayLike<number>[],
  routeOf: Int32Array,
  todo: number[],
  evs: RouteEval[],
  release: Float64Array,
  starts: Float64Array,
): boolean {
  for (const k of todo) {
    const seq = seqs[k];
    for (let i = 0; i < seq.length; i++) release[seq[i]] = Number.NEGATIVE_INFINITY;
  }
  const maxRounds = 3 + 2 * d.syncFirst.length;
  for (let round = 0; round < maxRounds; round++) {
    let changed = false;
    for (const k of todo) {
      const seq = seqs[k];
      simulateRoute(d, k, seq, seq.length, release, evs[k], starts);
    }
    for (const k of todo) {
      const seq = seqs[k];
      for (let i = 0; i < seq.length; i++) {
        const v = seq[i];
        for (let j = d.syncStart[v]; j < d.syncStart[v + 1]; j++) {
          const s = d.syncList[j];
          const first = d.syncFirst[s];
          const partner = first === v ? d.syncSecond[s] : first;
          const pk = routeOf[partner];
          if (pk < 0) continue;
          if (pk === k) return false;
          const bound = first === v ? starts[v] + d.syncMin[s] : starts[v] - d.syncMax[s];
          if (bound > release[partner] && bound > starts[partner]) {
            if (bound > d.horizon) return false;
            release[partner] = bound;
            changed = true;
          }
        }
      }
    }
    if (!changed) return true;
  }
  return false;
}
