import type { CostEvaluator } from '../eval/cost-evaluator.ts';
import { mergeInto } from '../eval/duration-segment.ts';
import { STATE } from '../eval/route-simulator.ts';
import { CandidateList } from '../insertion/candidate-list.ts';
import type { ProblemData } from '../problem/problem-data.ts';
import type { Rng } from '../util/rng.ts';
import type { MoveEvaluator } from './move-evaluator.ts';
import { Proposal } from './proposal.ts';
import type { SearchSolution } from './search-solution.ts';

/**
 * Best place to insert one visit, the innermost loop of every recreate. Each place gets a
 * cheap lower bound first and is priced exactly only while the bound is below the best
 * so far. Pure hard-window problems: arc, load and fixed cost plus the time warp of
 * reaching the visit, then O(1) segment joins (`bestInRoute`). Others: the bound also
 * counts the visit's own lateness and the delay pushed down the route's no-wait chain,
 * places of all routes are priced in one bound order (`pushBounds` + `priceBest`).
 */
export class InsertionDelta {
  private readonly one = new Float64Array(4);
  private readonly list = new CandidateList();
  private readonly tmpSeg = new Float64Array(4);
  private readonly p = new Proposal();
  /** The evaluator's weights (penalties adapt): every bound below prices with them. */
  private readonly cost: CostEvaluator;

  constructor(
    private readonly d: ProblemData,
    private readonly sol: SearchSolution,
    private readonly evaluator: MoveEvaluator,
  ) {
    this.cost = evaluator.cost;
  }

  /** Result of the last search: 1-based position and its cost change. */
  bestPos = -1;
  bestDelta = Number.POSITIVE_INFINITY;

  /** Best position for v in route k (with blinks); false when none beats `cutoff`. */
  bestInRoute(v: number, k: number, cutoff: number, rng: Rng | null, blink: number): boolean {
    const d = this.d;
    const vk = v * d.K + k;
    this.bestPos = -1;
    this.bestDelta = cutoff;
    if (!d.allowed[vk]) return false;
    const R = this.sol.routes[k];
    const visits = R.visits;
    const n = visits.length;
    if (!d.simpleTime || d.hasDistinct) {
      this.list.clear();
      this.pushBounds(v, k, rng, blink, this.list);
      return this.priceBest(v, this.list, cutoff) >= 0;
    }
    const ev = R.ev;
    const L = d.L;
    const am = d.arcCost[d.profile[k]];
    const tm = d.travel[d.profile[k]];
    const loc = d.loc;
    const lv = loc[v];
    const cap = d.capacity[k];
    const pc = this.cost.cap;
    const ptw = this.cost.tw;
    const wO = this.cost.w.overtime;
    const shiftEnd = d.shiftEnd[k];
    const capDelta = pc * (Math.max(0, ev.load + d.demand[v] - cap) - Math.max(0, ev.load - cap));
    const timeOld = ptw * ev.timeViol + wO * ev.overtime;
    const base = capDelta + d.assignCost[vk] + (n === 0 ? d.fixed[k] : 0) - timeOld;
    const one = this.one;
    one[0] = d.service[vk];
    one[1] = 0;
    one[2] = d.earliest[v];
    one[3] = d.latest[v];
    const late = one[3];
    const preD = R.preD;
    const sufD = R.sufD;
    const tmp = this.tmpSeg;
    let prev = d.startLoc[k];
    for (let pos = 1; pos <= n + 1; pos++) {
      const next = pos === n + 1 ? d.endLoc[k] : loc[visits[pos - 1]];
      const cur = prev;
      prev = next;
      if (rng !== null && blink > 0 && rng.next() < blink) continue;
      const dArc =
        n === 0
          ? am[cur * L + lv] + am[lv * L + next]
          : am[cur * L + lv] + am[lv * L + next] - am[cur * L + next];
      const lb = base + dArc;
      if (lb >= this.bestDelta) continue;
      // Time warp is at least the prefix's plus the lateness of reaching v.
      const pi = (pos - 1) * 4;
      const edgeIn = tm[cur * L + lv];
      const arrive = preD[pi + 2] + preD[pi] - preD[pi + 1] + edgeIn;
      if (lb + ptw * (preD[pi + 1] + Math.max(0, arrive - late)) >= this.bestDelta) continue;
      mergeInto(preD, pi, edgeIn, one, 0, tmp, 0);
      mergeInto(tmp, 0, tm[lv * L + next], sufD, pos * 4, tmp, 0);
      const end = tmp[2] + tmp[0] - tmp[1];
      const c = lb + ptw * tmp[1] + (end > shiftEnd ? wO * (end - shiftEnd) : 0);
      if (c < this.bestDelta) {
        this.bestDelta = c;
        this.bestPos = pos;
      }
    }
    return this.bestPos > 0;
  }

  /**
   * General problems, phase 1: lower bounds for every position of route k (arc, load,
   * assign and fixed cost, minus every time cost the route pays now unless insertions
   * can only delay) go into `list`. With `estimate`, the time cost the route pays now is
   * not subtracted and the delay down the no-wait chain always counts, and a place where
   * the visit cannot end by the shift's latest end is priced as broken: no longer a bound
   * (with breaks an insertion may lower a route's time cost a little) but an estimate close
   * to the price, so only the best few places are priced exactly. The subtraction makes
   * every place of a late route look free, and on a day with hundreds of late routes the
   * exact prices of a pass over all routes took seconds.
   */
  pushBounds(
    v: number,
    k: number,
    rng: Rng | null,
    blink: number,
    list: CandidateList,
    estimate = false,
  ): void {
    const d = this.d;
    const vk = v * d.K + k;
    if (!d.allowed[vk]) return;
    const R = this.sol.routes[k];
    const visits = R.visits;
    const n = visits.length;
    const ev = R.ev;
    const L = d.L;
    const am = d.arcCost[d.profile[k]];
    const lv = d.loc[v];
    const w = this.cost.w;
    const cap = d.capacity[k];
    const pc = this.cost.cap;
    // Without breaks or syncs an insertion only delays: time costs cannot fall.
    const timeOld =
      d.monotoneTime || estimate
        ? 0
        : this.cost.tw * ev.timeViol +
          w.overtime * ev.overtime +
          w.lateness * ev.lateness +
          w.maxLateness * ev.maxLate;
    const capDelta = pc * (Math.max(0, ev.load + d.demand[v] - cap) - Math.max(0, ev.load - cap));
    const base = capDelta + d.assignCost[vk] + (n === 0 ? d.fixed[k] : 0) - timeOld;
    // v cannot start before the planned end of its predecessor plus the travel: its own
    // lateness (or hard-window violation) is part of the bound.
    // An estimate reads the planned schedule even where sync partners hold visits back.
    const states = d.simpleTime || (R.statesRelease && !estimate) ? null : R.states;
    const tm = d.travel[d.profile[k]];
    const late = d.latest[v];
    const lateW = d.latestHard[v] ? this.cost.tw : w.lateness;
    const ready = Math.max(d.earliest[v], d.skillLo[vk]);
    const hi = d.skillHi[vk];
    const svc = d.service[vk];
    // Chains are exact lower bounds only when nothing but delays can happen.
    const chains = estimate || (d.monotoneTime && timeOld === 0);
    const lastEnd = d.maxShiftEnd[k] - svc;
    let prev = d.startLoc[k];
    for (let pos = 1; pos <= n + 1; pos++) {
      const next = pos === n + 1 ? d.endLoc[k] : d.loc[visits[pos - 1]];
      const cur = prev;
      prev = next;
      if (rng !== null && blink > 0 && rng.next() < blink) continue;
      const dArc =
        n === 0
          ? am[cur * L + lv] + am[lv * L + next]
          : am[cur * L + lv] + am[lv * L + next] - am[cur * L + next];
      let bound = base + dArc;
      if (states !== null) {
        const o = (pos - 1) * STATE;
        const start = Math.max(states[o] + tm[cur * L + lv], ready);
        if (start > late) bound += lateW * (start - late);
        if (start > hi) bound += this.cost.tw * (start - hi);
        if (estimate && start > lastEnd) bound += this.cost.tw * (start - lastEnd);
        if (chains) {
          // The delay v causes at the next stop travels unchanged along the no-wait chain.
          const oldArrive = states[o] + tm[cur * L + next];
          const delay = start + svc + tm[lv * L + next] - oldArrive;
          if (delay > 0) {
            bound +=
              delay * (w.lateness * R.chainLate[pos] + this.cost.tw * R.chainHard[pos]) +
              w.lateness * Math.max(0, delay - R.lateAfter[pos]) +
              w.overtime * Math.max(0, delay - R.overtimeAfter[pos]);
          }
        }
      }
      list.push(k, pos, bound);
    }
  }

  /** Phase 2: exact prices in bound order until the bound passes the best; sets bestPos/bestDelta, returns the caregiver or −1. */
  priceBest(v: number, list: CandidateList, cutoff: number): number {
    this.bestDelta = cutoff;
    this.bestPos = -1;
    let bestK = -1;
    for (let i = list.takeMin(); i >= 0; i = list.takeMin()) {
      if (list.bound[i] >= this.bestDelta) break;
      const k = list.k[i];
      const pos = list.pos[i];
      this.p
        .reset(k)
        .slice(k, 1, pos - 1)
        .visit(v)
        .slice(k, pos, this.sol.routes[k].size);
      const c = this.evaluator.delta(this.p, null);
      if (c < this.bestDelta) {
        this.bestDelta = c;
        this.bestPos = pos;
        bestK = k;
      }
    }
    return bestK;
  }
}
