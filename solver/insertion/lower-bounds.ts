import type { CostEvaluator } from '../eval/cost-evaluator.ts';
import type { ProblemData } from '../problem/problem-data.ts';
import type { SearchSolution } from '../search/search-solution.ts';
import { CandidateList } from './candidate-list.ts';

/**
 * Every allowed place for visit v, with a lower bound on its cost change: arc cost, fixed
 * cost of opening a route, assign and continuity terms, minus whatever time cost the route
 * pays now (time terms can fall at most to zero). Places that surely break the visit's
 * own hard window (or the next visit's) are left out using the planned start times.
 * Reused between calls; `extra` holds the exact continuity change.
 */
export class InsertionBounds extends CandidateList {
  fill(
    d: ProblemData,
    ce: CostEvaluator,
    sol: SearchSolution,
    starts: Float64Array,
    v: number,
  ): void {
    this.clear();
    const L = d.L;
    const K = d.K;
    const lv = d.loc[v];
    const p = d.patient[v];
    const w = ce.w;
    const home = sol.routeOf[v];
    const ev0 = d.earliest[v];
    const hard = d.latestHard[v] === 1;
    for (let k = 0; k < K; k++) {
      const vk = v * K + k;
      if (!d.allowed[vk]) continue;
      const route = sol.routes[k];
      const visits = home === k ? route.visits.filter((x) => x !== v) : route.visits;
      const n = visits.length;
      const prof = d.profile[k];
      const am = d.arcCost[prof];
      const tm = d.travel[prof];
      const ev = route.ev;
      let distinctDelta = 0;
      if (d.hasDistinct && p >= 0 && home !== k) {
        const n0 = sol.distinct[p];
        let n1 = n0;
        if (sol.patientCnt[p * K + k] === 0) n1++;
        if (home >= 0 && sol.patientCnt[p * K + home] === 1) n1--;
        distinctDelta = ce.distinct(p, n1) - ce.distinct(p, n0);
      }
      // Without breaks or syncs an insertion only delays: time costs cannot fall, and
      // the route's delay chains bound what the delay costs downstream.
      const chains = d.monotoneTime && !d.simpleTime && home !== k && !route.statesRelease;
      const timeNow = d.monotoneTime ? 0 : w.lateness * ev.lateness + w.overtime * ev.overtime;
      const base = d.assignCost[vk] + (n === 0 ? d.fixed[k] : 0) + distinctDelta - timeNow;
      const latestV = Math.min(hard ? d.latest[v] : Number.POSITIVE_INFINITY, d.skillHi[vk]);
      const svc = d.service[vk];
      let prev = d.startLoc[k];
      let prevEnd = d.shiftStart[k];
      for (let pos = 0; pos <= n; pos++) {
        const u = pos === n ? -1 : visits[pos];
        const next = u < 0 ? d.endLoc[k] : d.loc[u];
        const cur = prev;
        const curEnd = prevEnd;
        prev = next;
        if (u >= 0) prevEnd = starts[u] + d.service[u * K + k];
        const arrive = Math.max(curEnd + tm[cur * L + lv], ev0, d.skillLo[vk]);
        if (arrive > latestV) continue;
        if (u >= 0 && d.latestHard[u] && arrive + svc + tm[lv * L + next] > d.latest[u]) continue;
        let extra = 0;
        if (chains) {
          const delay = arrive + svc + tm[lv * L + next] - (curEnd + tm[cur * L + next]);
          if (delay > 0) {
            const at = pos + 1;
            if (delay > route.hardAfter[at]) continue;
            extra =
              w.lateness *
                (route.chainLate[at] * delay + Math.max(0, delay - route.lateAfter[at])) +
              w.overtime * Math.max(0, delay - route.overtimeAfter[at]);
          }
        }
        const dArc =
          n === 0
            ? am[cur * L + lv] + am[lv * L + next]
            : am[cur * L + lv] + am[lv * L + next] - am[cur * L + next];
        this.push(k, pos, base + dArc + extra, distinctDelta);
      }
    }
  }
}
