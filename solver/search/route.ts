import { mergeInto, SEG } from '../eval/duration-segment.ts';
import { RouteEval } from '../eval/route-eval.ts';
import { RouteSimulator, STATE } from '../eval/route-simulator.ts';
import { depotArcs } from '../eval/simple-route.ts';
import type { ProblemData } from '../problem/problem-data.ts';

/**
 * One caregiver's route inside the search, with cached data that `update()` recomputes
 * after every change so moves are evaluated without touching the route. Positions are
 * 1-based like PyVRP: position p holds `visits[p - 1]`; 0 and n+1 are the depots.
 */
export class Route {
  visits: number[] = [];
  readonly ev = new RouteEval();
  /** Pure-visit prefix segments 1..p and suffix segments p..n (fast path only). */
  pre = new Float64Array(0);
  suf = new Float64Array(0);
  preD = new Float64Array(0);
  sufD = new Float64Array(0);
  private readonly one = new Float64Array(4);
  private pureValid = false;
  /** Arc cost, load and assign cost summed over visits 1..p (arcs between visits only). */
  cumArc = new Float64Array(0);
  cumLoad = new Float64Array(0);
  cumAssign = new Float64Array(0);
  /** Simulator states after each visit (general path) and suffix maxima of lateness. */
  states = new Float64Array(0);
  sufMaxLate = new Float64Array(0);
  private readonly wait: number[] = [];
  private readonly slack: number[] = [];
  private readonly hardSlack: number[] = [];
  /** Delay-propagation chains for insertion bounds (see updateStates). */
  chainLate = new Float64Array(0);
  chainHard = new Float64Array(0);
  lateAfter = new Float64Array(0);
  overtimeAfter = new Float64Array(0);
  /** Smallest delay arriving at p that breaks a hard window or the shift's hard end. */
  hardAfter = new Float64Array(0);
  /** States were computed with sync release times (not reusable without them). */
  statesRelease = false;
  private readonly sim = new RouteSimulator();
  /** Number of visits here that belong to a sync pair. */
  syncCount = 0;

  constructor(
    readonly d: ProblemData,
    readonly k: number,
  ) {}

  get size(): number {
    return this.visits.length;
  }

  /** Visit at 1-based position p. */
  at(p: number): number {
    return this.visits[p - 1];
  }

  /** Recompute caches; `release` carries sync lower bounds (null when none). */
  update(release: Float64Array | null): void {
    const d = this.d;
    const n = this.visits.length;
    const k = this.k;
    if (this.cumArc.length < n + 2) {
      const cap = Math.max(8, (n + 2) * 2);
      this.cumArc = new Float64Array(cap);
      this.cumLoad = new Float64Array(cap);
      this.cumAssign = new Float64Array(cap);
      if (d.simpleTime) {
        this.pre = new Float64Array(cap * SEG);
        this.suf = new Float64Array(cap * SEG);
        this.preD = new Float64Array(cap * SEG);
        this.sufD = new Float64Array(cap * SEG);
      }
    }
    const am = d.arcCost[d.profile[k]];
    let sync = 0;
    for (let p = 1; p <= n; p++) {
      const v = this.visits[p - 1];
      const prev = p > 1 ? this.visits[p - 2] : -1;
      this.cumArc[p] = p > 1 ? this.cumArc[p - 1] + am[d.loc[prev] * d.L + d.loc[v]] : 0;
      this.cumLoad[p] = this.cumLoad[p - 1] + d.demand[v];
      this.cumAssign[p] = this.cumAssign[p - 1] + d.assignCost[v * d.K + k];
      if (d.syncStart[v + 1] > d.syncStart[v]) sync++;
    }
    this.syncCount = sync;
    if (d.simpleTime) {
      this.updateSegments();
      this.ev.reset();
      this.ev.arc =
        n === 0 ? 0 : this.cumArc[n] + depotArcs(d, k, this.visits[0], this.visits[n - 1]);
      this.ev.load = this.cumLoad[n];
      this.ev.assign = this.cumAssign[n];
      this.ev.visits = n;
      if (n > 0) {
        const f = (n + 1) * SEG;
        const end = this.preD[f + 2] + this.preD[f] - this.preD[f + 1];
        this.ev.timeViol = this.preD[f + 1];
        this.ev.overtime = Math.max(0, end - d.shiftEnd[k]);
        this.ev.departure = this.preD[f + 2];
        this.ev.arrival = end;
      }
    } else this.updateStates(release);
  }

  /**
   * Exact schedule with the simulator state saved after every visit (general path), so
   * evaluations resume from the first changed place; `sufMaxLate[p]` is the largest
   * lateness over visits p..n, for finishing early once a changed route meets this one.
   */
  private updateStates(release: Float64Array | null): void {
    const d = this.d;
    const n = this.visits.length;
    if (this.states.length < (n + 1) * STATE) {
      this.states = new Float64Array((n + 1) * STATE * 2);
      this.sufMaxLate = new Float64Array((n + 2) * 2);
      this.chainLate = new Float64Array((n + 2) * 2);
      this.chainHard = new Float64Array((n + 2) * 2);
      this.lateAfter = new Float64Array((n + 2) * 2);
      this.overtimeAfter = new Float64Array((n + 2) * 2);
      this.hardAfter = new Float64Array((n + 2) * 2);
    }
    const sim = this.sim;
    const wait = this.wait;
    const slack = this.slack;
    const hardSlack = this.hardSlack;
    wait.length = slack.length = hardSlack.length = n + 2;
    sim.begin(d, this.k, release);
    sim.save(this.states, 0);
    for (let p = 1; p <= n; p++) {
      const v = this.visits[p - 1];
      sim.step(v);
      this.sufMaxLate[p] = sim.lastLate;
      wait[p] = sim.lastWait;
      this.chainLate[p] = sim.lastLate > 0 ? 1 : 0;
      this.chainHard[p] = sim.lastHardLate ? 1 : 0;
      // Room before a soft visit becomes late (+∞ for hard or already late visits).
      const start = sim.t - d.service[v * d.K + this.k];
      slack[p] =
        !d.latestHard[v] && sim.lastLate === 0 ? d.latest[v] - start : Number.POSITIVE_INFINITY;
      const vk = v * d.K + this.k;
      hardSlack[p] = Math.min(d.latestHard[v] ? d.latest[v] : Infinity, d.skillHi[vk]) - start;
      sim.save(this.states, p);
    }
    sim.finish(this.ev);
    this.sufMaxLate[n + 1] = 0;
    for (let p = n; p >= 1; p--) {
      this.sufMaxLate[p] = Math.max(this.sufMaxLate[p], this.sufMaxLate[p + 1]);
    }
    // For a delay arriving at p (insertion bounds, see InsertionDelta.pushBounds): late
    // visits it pushes 1:1 before any wait, the smallest delay that makes another soft
    // visit late, and the smallest that adds overtime (waits absorb delays on the way).
    this.chainLate[n + 1] = 0;
    this.chainHard[n + 1] = 0;
    this.lateAfter[n + 1] = Number.POSITIVE_INFINITY;
    this.hardAfter[n + 1] = this.noBreakAtEnd(n)
      ? d.maxShiftEnd[this.k] - this.ev.arrival
      : Number.POSITIVE_INFINITY;
    this.overtimeAfter[n + 1] = this.noBreakAtEnd(n)
      ? Math.max(0, d.shiftEnd[this.k] - this.ev.arrival)
      : Number.POSITIVE_INFINITY;
    for (let p = n; p >= 1; p--) {
      const w = wait[p];
      if (w > 0) {
        this.chainLate[p] = 0;
        this.chainHard[p] = 0;
      } else {
        this.chainLate[p] += this.chainLate[p + 1];
        this.chainHard[p] += this.chainHard[p + 1];
      }
      this.lateAfter[p] = w + Math.min(slack[p], this.lateAfter[p + 1]);
      this.overtimeAfter[p] = w + this.overtimeAfter[p + 1];
      this.hardAfter[p] = w + Math.min(hardSlack[p], this.hardAfter[p + 1]);
    }
    this.statesRelease = release !== null;
  }

  /** No break is left to take after the last visit (so a delay reaches the arrival). */
  private noBreakAtEnd(n: number): boolean {
    return n === 0 || this.states[n * STATE + 2] === this.d.breaks[this.k].length;
  }

  /**
   * Rebuilds the segment caches: `pre`/`suf` over visits only (for pieces moved between
   * routes), `preD`/`sufD` with this caregiver's depots included (for insertions), where
   * preD[0] and sufD[n+1] are the depots alone and preD[n+1] is the whole route.
   */
  private updateSegments(): void {
    const d = this.d;
    const n = this.visits.length;
    const k = this.k;
    const K = d.K;
    const L = d.L;
    const tm = d.travel[d.profile[k]];
    const vis = this.visits;
    const one = this.one;
    const preD = this.preD;
    const sufD = this.sufD;
    const s0 = d.shiftStart[k];
    const hi = d.maxShiftEnd[k];
    preD[0] = 0;
    preD[1] = 0;
    preD[2] = s0;
    preD[3] = hi;
    let prevLoc = d.startLoc[k];
    for (let p = 1; p <= n; p++) {
      const v = vis[p - 1];
      one[0] = d.service[v * K + k];
      one[1] = 0;
      one[2] = d.earliest[v];
      one[3] = d.latest[v];
      mergeInto(preD, (p - 1) * 4, tm[prevLoc * L + d.loc[v]], one, 0, preD, p * 4);
      prevLoc = d.loc[v];
    }
    const endLoc = d.endLoc[k];
    const e = (n + 1) * 4;
    sufD[e] = 0;
    sufD[e + 1] = 0;
    sufD[e + 2] = s0;
    sufD[e + 3] = hi;
    mergeInto(preD, n * 4, tm[prevLoc * L + endLoc], sufD, e, preD, e);
    let nextLoc = endLoc;
    for (let p = n; p >= 1; p--) {
      const v = vis[p - 1];
      one[0] = d.service[v * K + k];
      one[1] = 0;
      one[2] = d.earliest[v];
      one[3] = d.latest[v];
      const lv = d.loc[v];
      mergeInto(one, 0, tm[lv * L + nextLoc], sufD, (p + 1) * 4, sufD, p * 4);
      nextLoc = lv;
    }
    this.pureValid = false;
  }

  /** Pure-visit segments, built on first use after a change (only moves between routes need them). */
  ensurePure(): void {
    if (this.pureValid) return;
    this.pureValid = true;
    const d = this.d;
    const n = this.visits.length;
    const K = d.K;
    const L = d.L;
    const tm = d.travel[d.profile[this.k]];
    const vis = this.visits;
    const one = this.one;
    const pre = this.pre;
    const suf = this.suf;
    for (let p = 1; p <= n; p++) {
      const v = vis[p - 1];
      one[0] = d.service[v * K + this.k];
      one[1] = 0;
      one[2] = d.earliest[v];
      one[3] = d.latest[v];
      if (p === 1) pre.set(one, 4);
      else mergeInto(pre, (p - 1) * 4, tm[d.loc[vis[p - 2]] * L + d.loc[v]], one, 0, pre, p * 4);
    }
    for (let p = n; p >= 1; p--) {
      const v = vis[p - 1];
      one[0] = d.service[v * K + this.k];
      one[1] = 0;
      one[2] = d.earliest[v];
      one[3] = d.latest[v];
      if (p === n) suf.set(one, p * 4);
      else mergeInto(one, 0, tm[d.loc[v] * L + d.loc[vis[p]]], suf, (p + 1) * 4, suf, p * 4);
    }
  }
}
