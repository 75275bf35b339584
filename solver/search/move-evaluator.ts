import type { CostEvaluator } from '../eval/cost-evaluator.ts';
import { RouteEval } from '../eval/route-eval.ts';
import { simulateRoute } from '../eval/simulate-route.ts';
import { scheduleSync } from '../eval/sync-schedule.ts';
import type { ProblemData } from '../problem/problem-data.ts';
import type { Proposal } from './proposal.ts';
import { ResumingEvaluator } from './resuming-evaluator.ts';
import type { SearchSolution } from './search-solution.ts';
import { SimpleProposalEvaluator } from './simple-proposal-evaluator.ts';

const INF = Number.POSITIVE_INFINITY;

/**
 * Prices proposals against the current solution without changing it. Pure hard-window
 * problems join cached duration segments in O(pieces); others build the candidate and
 * simulate it exactly; moves touching sync visits reschedule the linked routes jointly.
 */
export class MoveEvaluator {
  private readonly simple: SimpleProposalEvaluator;
  private readonly resume: ResumingEvaluator;
  private readonly evA = new RouteEval();
  private readonly evB = new RouteEval();
  private readonly bufA: number[] = [];
  private readonly bufB: number[] = [];
  private readonly syncEvs: RouteEval[];
  private readonly syncRelease: Float64Array;
  private readonly syncStarts: Float64Array;
  private readonly touched: number[] = [];
  /** Routes linked to a move through sync partners (marks, work stack, the list). */
  private readonly linkMark: Uint8Array;
  private readonly linkStack: number[] = [];
  private readonly linked: number[] = [];

  constructor(
    readonly d: ProblemData,
    readonly sol: SearchSolution,
    /** Prices every route (the penalty manager's, whose weights adapt). */
    readonly cost: CostEvaluator,
  ) {
    this.simple = new SimpleProposalEvaluator(d, sol);
    this.resume = new ResumingEvaluator(d, sol);
    this.syncEvs = Array.from({ length: d.K }, () => new RouteEval());
    this.syncRelease = new Float64Array(d.N);
    this.syncStarts = new Float64Array(d.N);
    this.linkMark = new Uint8Array(d.K);
  }

  /** Penalised cost change of replacing route p1.k (and p2.k) by the proposals. */
  delta(p1: Proposal, p2: Proposal | null = null, cutoff = INF): number {
    const d = this.d;
    const routes = this.sol.routes;
    if (
      d.hasSync &&
      (routes[p1.k].syncCount > 0 ||
        (p2 !== null && routes[p2.k].syncCount > 0) ||
        this.materialize(p1, this.bufA, true) ||
        (p2 !== null && this.materialize(p2, this.bufB, true)))
    ) {
      return this.syncDelta(p1, p2);
    }
    const s = this.sol;
    if (d.simpleTime) return this.simpleDelta(p1, p2, cutoff);
    if (cutoff < INF && d.singleProfile) {
      const lb = this.staticBound(p1, p2);
      if (lb >= cutoff) return lb;
    }
    if (!this.evaluate(p1, this.evA)) return INF;
    let c = this.cost.route(this.evA, p1.k) - this.cost.route(routes[p1.k].ev, p1.k);
    if (p2 !== null) {
      if (!this.evaluate(p2, this.evB)) return INF;
      c += this.cost.route(this.evB, p2.k) - this.cost.route(routes[p2.k].ev, p2.k);
    }
    if (d.hasMaxLate) {
      let others = 0;
      for (const r of routes) {
        if (r.k !== p1.k && (p2 === null || r.k !== p2.k) && r.ev.maxLate > others)
          others = r.ev.maxLate;
      }
      const nm = Math.max(others, this.evA.maxLate, p2 !== null ? this.evB.maxLate : 0);
      c += this.cost.maxLate(nm - s.maxLate());
    }
    if (d.hasDistinct) c += this.distinctDelta(p1, p2);
    return c;
  }

  /** Two-phase delta: returns the lower bound as soon as it reaches `cutoff`. */
  private simpleDelta(p1: Proposal, p2: Proposal | null, cutoff: number): number {
    const s = this.sol;
    const routes = s.routes;
    const evA = this.evA;
    const evB = this.evB;
    if (!this.simple.static(p1, evA)) return INF;
    if (p2 !== null && !this.simple.static(p2, evB)) return INF;
    let c = this.lowerBound(evA, p1.k) - this.cost.route(routes[p1.k].ev, p1.k);
    if (p2 !== null) c += this.lowerBound(evB, p2.k) - this.cost.route(routes[p2.k].ev, p2.k);
    if (this.d.hasDistinct) c += this.distinctDelta(p1, p2);
    if (c >= cutoff) return c;
    this.simple.time(p1, evA);
    const w = this.cost.w;
    const tw = this.cost.tw;
    c += tw * evA.timeViol + w.overtime * evA.overtime;
    if (p2 !== null) {
      this.simple.time(p2, evB);
      c += tw * evB.timeViol + w.overtime * evB.overtime;
    }
    return c;
  }

  /**
   * Lower bound on the delta without any time computation: the new routes' arc, load,
   * assign and fixed cost against the old routes' full cost (time terms are never
   * negative), with the global max lateness counted as if it fell to zero.
   */
  private staticBound(p1: Proposal, p2: Proposal | null): number {
    const s = this.sol;
    const routes = s.routes;
    if (!this.simple.static(p1, this.evA)) return INF;
    if (p2 !== null && !this.simple.static(p2, this.evB)) return INF;
    let c = this.lowerBound(this.evA, p1.k) - this.cost.route(routes[p1.k].ev, p1.k);
    if (p2 !== null) c += this.lowerBound(this.evB, p2.k) - this.cost.route(routes[p2.k].ev, p2.k);
    if (this.d.hasMaxLate) c -= this.cost.maxLate(s.maxLate());
    if (this.d.hasDistinct) c += this.distinctDelta(p1, p2);
    return c;
  }

  /** Route evaluation of one proposal (no sync bounds); false when a visit is not allowed. */
  evaluate(p: Proposal, out: RouteEval): boolean {
    if (this.d.simpleTime) return this.evaluateSimple(p, out);
    if (this.materialize(p, this.bufA, false)) return false;
    this.resume.run(p, this.bufA, out);
    return true;
  }

  /**
   * Writes the visits of p into buf. With `syncOnly` it reports whether any visit is in a
   * sync pair; otherwise whether some visit is not allowed for p.k.
   */
  private materialize(p: Proposal, buf: number[], syncOnly: boolean): boolean {
    const d = this.d;
    const routes = this.sol.routes;
    buf.length = 0;
    let flag = false;
    for (let i = 0; i < p.n; i++) {
      const r = p.route[i];
      if (r < 0) buf.push(p.from[i]);
      else for (let q = p.from[i]; q <= p.to[i]; q++) buf.push(routes[r].visits[q - 1]);
    }
    if (syncOnly) {
      for (const v of buf) if (d.syncStart[v + 1] > d.syncStart[v]) flag = true;
    } else if (!d.allAllowed) {
      for (const v of buf) if (!d.allowed[v * d.K + p.k]) flag = true;
    }
    return flag;
  }

  private evaluateSimple(p: Proposal, out: RouteEval): boolean {
    if (!this.simple.static(p, out)) return false;
    this.simple.time(p, out);
    return true;
  }

  /** Cost of a route from phase-1 data only: a lower bound (time terms are ≥ 0). */
  private lowerBound(ev: RouteEval, k: number): number {
    const over = ev.load - this.d.capacity[k];
    const base = ev.visits === 0 ? 0 : ev.arc + this.d.fixed[k] + ev.assign;
    return base + (over > 0 ? this.cost.cap * over : 0);
  }

  private distinctDelta(p1: Proposal, p2: Proposal | null): number {
    const d = this.d;
    const s = this.sol;
    const moved = this.touched;
    moved.length = 0;
    const collect = (p: Proposal) => {
      for (let i = 0; i < p.n; i++) {
        const r = p.route[i];
        if (r === p.k) continue;
        if (r < 0) {
          if (s.routeOf[p.from[i]] !== p.k) moved.push(p.from[i], p.k);
        } else
          for (let q = p.from[i]; q <= p.to[i]; q++) moved.push(s.routes[r].visits[q - 1], p.k);
      }
    };
    collect(p1);
    if (p2 !== null) collect(p2);
    let c = 0;
    const K = d.K;
    // Apply the count changes while pricing the patients touched, then undo them.
    for (let i = 0; i < moved.length; i += 2) {
      const v = moved[i];
      const p = d.patient[v];
      const from = s.routeOf[v];
      const to = moved[i + 1];
      if (p < 0 || from === to) continue;
      c -= this.cost.distinct(p, s.distinct[p]);
      if (from >= 0 && --s.patientCnt[p * K + from] === 0) s.distinct[p]--;
      if (s.patientCnt[p * K + to]++ === 0) s.distinct[p]++;
      c += this.cost.distinct(p, s.distinct[p]);
    }
    for (let i = moved.length - 2; i >= 0; i -= 2) {
      const v = moved[i];
      const p = d.patient[v];
      const from = s.routeOf[v];
      const to = moved[i + 1];
      if (p < 0 || from === to) continue;
      if (--s.patientCnt[p * K + to] === 0) s.distinct[p]--;
      if (from >= 0 && s.patientCnt[p * K + from]++ === 0) s.distinct[p]++;
    }
    return c;
  }

  private syncDelta(p1: Proposal, p2: Proposal | null): number {
    const d = this.d;
    const s = this.sol;
    if (this.materialize(p1, this.bufA, false)) return INF;
    if (p2 !== null && this.materialize(p2, this.bufB, false)) return INF;
    let c = d.hasDistinct ? this.distinctDelta(p1, p2) : 0;
    const seqs: number[][] = s.routes.map((r) => r.visits);
    seqs[p1.k] = this.bufA;
    if (p2 !== null) seqs[p2.k] = this.bufB;
    const saved = this.touched;
    saved.length = 0;
    for (const [k, buf] of [
      [p1.k, this.bufA] as const,
      ...(p2 ? [[p2.k, this.bufB] as const] : []),
    ]) {
      for (const v of buf) {
        saved.push(v, s.routeOf[v]);
        s.routeOf[v] = k;
      }
    }
    // Only routes linked to a changed one through sync partners can move; every other
    // route keeps the joint schedule of the last commit (its own part of the fixpoint).
    const linked = this.linkedRoutes(p1.k, p2 !== null ? p2.k : -1, seqs);
    const todo: number[] = [];
    const evs = this.syncEvs;
    for (const k of linked) {
      const changed = k === p1.k || (p2 !== null && k === p2.k);
      let sync = false;
      if (changed) {
        for (const v of seqs[k]) if (d.syncStart[v + 1] > d.syncStart[v]) sync = true;
      } else sync = s.routes[k].syncCount > 0;
      if (sync) todo.push(k);
      else if (changed) simulateRoute(d, k, seqs[k], seqs[k].length, null, evs[k]);
      else evs[k].copyFrom(s.routes[k].ev);
    }
    const ok = scheduleSync(d, seqs, s.routeOf, todo, evs, this.syncRelease, this.syncStarts);
    for (let i = saved.length - 2; i >= 0; i -= 2) s.routeOf[saved[i]] = saved[i + 1];
    if (ok) {
      for (const k of linked) c += this.cost.route(evs[k], k) - this.cost.route(s.routes[k].ev, k);
      if (d.hasMaxLate) {
        let ml = 0;
        for (let k = 0; k < d.K; k++) {
          const late = this.linkMark[k] ? evs[k].maxLate : s.routes[k].ev.maxLate;
          if (late > ml) ml = late;
        }
        c += this.cost.maxLate(ml - s.maxLate());
      }
    }
    for (const k of linked) this.linkMark[k] = 0;
    return ok ? c : INF;
  }

  /**
   * The changed routes and every route reachable from them through sync pairs, following
   * the changed routes' old visits as well as their new ones (a pair that is broken up
   * frees the partner's route too). `s.routeOf` already holds the moved visits' new routes.
   */
  private linkedRoutes(k1: number, k2: number, seqs: number[][]): number[] {
    const d = this.d;
    const s = this.sol;
    const mark = this.linkMark;
    const out = this.linked;
    const stack = this.linkStack;
    out.length = 0;
    stack.length = 0;
    const reach = (k: number) => {
      if (k < 0 || mark[k]) return;
      mark[k] = 1;
      out.push(k);
      stack.push(k);
    };
    const follow = (seq: readonly number[]) => {
      for (const v of seq) {
        for (let j = d.syncStart[v]; j < d.syncStart[v + 1]; j++) {
          const pair = d.syncList[j];
          reach(s.routeOf[d.syncFirst[pair] === v ? d.syncSecond[pair] : d.syncFirst[pair]]);
        }
      }
    };
    reach(k1);
    reach(k2);
    while (stack.length > 0) {
      const k = stack.pop()!;
      follow(seqs[k]);
      if (seqs[k] !== s.routes[k].visits) follow(s.routes[k].visits);
    }
    return out;
  }
}
