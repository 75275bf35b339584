import { SegAcc } from '../eval/duration-segment.ts';
import type { RouteEval } from '../eval/route-eval.ts';
import { depotArcs, finishSimple } from '../eval/simple-route.ts';
import type { ProblemData } from '../problem/problem-data.ts';
import type { Proposal } from './proposal.ts';
import type { SearchSolution } from './search-solution.ts';

/**
 * The fast path for pure hard-window problems, in two phases so most moves are rejected
 * before any time computation: `static` (arc cost, load, assign cost, allowed checks) and
 * `time` (joins cached duration segments: O(1) per prefix or suffix piece).
 */
export class SimpleProposalEvaluator {
  private readonly acc = new SegAcc();
  private readonly tmp = new SegAcc();

  constructor(
    private readonly d: ProblemData,
    private readonly sol: SearchSolution,
  ) {}

  /** Phase 1 (no time): arc cost, load, assign cost, allowed checks. */
  static(p: Proposal, out: RouteEval): boolean {
    const d = this.d;
    const k = p.k;
    const K = d.K;
    const L = d.L;
    const routes = this.sol.routes;
    const am = d.arcCost[d.profile[k]];
    let first = -1;
    let last = -1;
    let arc = 0;
    let load = 0;
    let assign = 0;
    let n = 0;
    for (let i = 0; i < p.n; i++) {
      const r = p.route[i];
      let va: number;
      let vb: number;
      if (r < 0) {
        va = vb = p.from[i];
        const vk = va * K + k;
        if (!d.allowed[vk]) return false;
        load += d.demand[va];
        assign += d.assignCost[vk];
        n++;
      } else {
        const R = routes[r];
        const a = p.from[i];
        const b = p.to[i];
        va = R.visits[a - 1];
        vb = R.visits[b - 1];
        if (r !== k) {
          for (let q = a; q <= b; q++) {
            const vk = R.visits[q - 1] * K + k;
            if (!d.allowed[vk]) return false;
            assign += d.assignCost[vk];
          }
        } else assign += R.cumAssign[b] - R.cumAssign[a - 1];
        load += R.cumLoad[b] - R.cumLoad[a - 1];
        arc += R.cumArc[b] - R.cumArc[a];
        n += b - a + 1;
      }
      if (last >= 0) arc += am[d.loc[last] * L + d.loc[va]];
      else first = va;
      last = vb;
    }
    out.reset();
    out.visits = n;
    if (n === 0) {
      out.departure = out.arrival = d.shiftStart[k];
      return true;
    }
    out.arc = arc + depotArcs(d, k, first, last);
    out.load = load;
    out.assign = assign;
    return true;
  }

  /** Phase 2: joins the duration segments of the pieces (O(1) per prefix/suffix piece). */
  time(p: Proposal, out: RouteEval): void {
    if (out.visits === 0) return;
    const d = this.d;
    const K = d.K;
    const L = d.L;
    const routes = this.sol.routes;
    const tm = d.travel[d.profile[p.k]];
    const acc = this.acc;
    const tmp = this.tmp;
    let first = -1;
    let last = -1;
    for (let i = 0; i < p.n; i++) {
      const r = p.route[i];
      let va: number;
      let vb: number;
      if (r < 0) {
        va = vb = p.from[i];
        tmp.set(d.service[va * K + p.k], 0, d.earliest[va], d.latest[va]);
      } else {
        const R = routes[r];
        const a = p.from[i];
        const b = p.to[i];
        va = R.visits[a - 1];
        vb = R.visits[b - 1];
        R.ensurePure();
        if (a === 1) tmp.setFrom(R.pre, b * 4);
        else if (b === R.visits.length) tmp.setFrom(R.suf, a * 4);
        else {
          tmp.set(d.service[va * K + R.k], 0, d.earliest[va], d.latest[va]);
          for (let q = a + 1; q <= b; q++) {
            const v = R.visits[q - 1];
            const e = tm[d.loc[R.visits[q - 2]] * L + d.loc[v]];
            tmp.append(e, d.service[v * K + R.k], 0, d.earliest[v], d.latest[v]);
          }
        }
      }
      if (last < 0) {
        acc.set(tmp.dur, tmp.tw, tmp.early, tmp.late);
        first = va;
      } else acc.append(tm[d.loc[last] * L + d.loc[va]], tmp.dur, tmp.tw, tmp.early, tmp.late);
      last = vb;
    }
    finishSimple(d, p.k, acc, first, last, out);
  }
}
