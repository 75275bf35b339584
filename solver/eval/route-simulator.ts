import type { BreakData, ProblemData } from '../problem/problem-data.ts';
import type { RouteEval, ScheduleRecord } from './route-eval.ts';

/** Fields of one saved simulator state (see `RouteSimulator.save`). */
export const STATE = 13;

/**
 * The exact forward schedule of one route, one visit at a time, so a route's states can
 * be cached after each visit and a changed route resumed from the first changed place
 * (and cut short once its state meets the old one again). Starts are as early as
 * possible, which minimises every lateness and the overtime at once because all rules
 * are monotone in the start times. Breaks are placed greedily: during a wait long enough
 * to hold them, or when postponing past the next visit would break the break window or
 * the work-stretch limit. `release[v]` is a lower bound on v's start from sync partners.
 */
export class RouteSimulator {
  private d!: ProblemData;
  private k = 0;
  private release: Float64Array | null = null;
  private starts: Float64Array | null = null;
  private rec: ScheduleRecord | undefined;
  private tm!: Int32Array;
  private dm!: Int32Array;
  private am!: Float64Array;
  private brs: BreakData[] = [];
  private maxW = 0;
  // state
  i = 0;
  t = 0;
  loc = 0;
  stretch = 0;
  bi = 0;
  viol = 0;
  late = 0;
  maxLate = 0;
  arc = 0;
  travel = 0;
  dist = 0;
  load = 0;
  assign = 0;
  departure = 0;
  /** Lateness of the last visit served. */
  lastLate = 0;
  /** Waiting before the last visit (a delay up to this is absorbed); +∞ after a break. */
  lastWait = 0;
  /** The last visit broke its hard window. */
  lastHardLate = false;

  begin(
    d: ProblemData,
    k: number,
    release: Float64Array | null,
    starts: Float64Array | null = null,
    rec?: ScheduleRecord,
  ): void {
    this.d = d;
    this.k = k;
    this.release = release;
    this.starts = starts;
    this.rec = rec;
    const prof = d.profile[k];
    this.tm = d.travel[prof];
    this.dm = d.distance[prof];
    this.am = d.arcCost[prof];
    this.brs = d.breaks[k];
    this.maxW = d.maxWork[k] > 0 ? d.maxWork[k] : Number.POSITIVE_INFINITY;
    this.i = this.bi = 0;
    this.t = this.stretch = this.departure = d.shiftStart[k];
    this.loc = d.startLoc[k];
    this.viol = this.late = this.maxLate = this.arc = this.travel = this.dist = 0;
    this.load = this.assign = this.lastLate = 0;
  }

  /** Breaks due before v, then v itself. */
  step(v: number): void {
    const d = this.d;
    const k = this.k;
    const vk = v * d.K + k;
    const lv = d.loc[v];
    const e = this.loc * d.L + lv;
    const tt = this.tm[e];
    const svc = d.service[vk];
    const first = this.i === 0;
    let ready = Math.max(d.earliest[v], d.skillLo[vk]);
    if (this.release !== null && this.release[v] > ready) ready = this.release[v];
    let t = this.t;
    const bi0 = this.bi;
    while (this.bi < this.brs.length) {
      const b = this.brs[this.bi];
      const s0 = Math.max(t + tt, ready);
      const from = first ? s0 - tt : this.stretch;
      const must = s0 + svc > b.latest || s0 + svc - from > this.maxW;
      const bs = Math.max(t, b.earliest);
      const free = !first && bs <= b.latest && bs + b.duration + tt <= ready;
      if (!must && !free) break;
      if (first) this.stretch = d.shiftStart[k];
      if (bs > b.latest) this.viol += bs - b.latest;
      if (bs - this.stretch > this.maxW) this.viol += bs - this.stretch - this.maxW;
      if (this.rec) {
        this.rec.breakBefore.push(this.i);
        this.rec.breakIndex.push(b.index);
        this.rec.breakStart.push(bs);
      }
      t = bs + b.duration;
      this.stretch = t;
      this.bi++;
    }
    const s = Math.max(t + tt, ready);
    if (first) {
      this.departure = this.bi === 0 ? s - tt : d.shiftStart[k];
      if (this.bi === 0) this.stretch = s - tt;
    }
    this.lastWait = this.bi !== bi0 ? Number.POSITIVE_INFINITY : s - (t + tt);
    this.lastHardLate = s > d.skillHi[vk] || (s > d.latest[v] && d.latestHard[v] === 1);
    if (s > d.skillHi[vk]) this.viol += s - d.skillHi[vk];
    this.lastLate = 0;
    if (s > d.latest[v]) {
      const l = s - d.latest[v];
      if (d.latestHard[v]) this.viol += l;
      else {
        this.late += l;
        this.lastLate = l;
        if (l > this.maxLate) this.maxLate = l;
      }
    }
    if (this.rec) this.rec.visitStart.push(s);
    if (this.starts !== null) this.starts[v] = s;
    this.arc += this.am[e];
    this.travel += tt;
    this.dist += this.dm[e];
    this.load += d.demand[v];
    this.assign += d.assignCost[vk];
    this.t = s + svc;
    this.loc = lv;
    this.i++;
  }

  /** Remaining breaks, the way home, and the route's totals into `out`. */
  finish(out: RouteEval): void {
    const d = this.d;
    const k = this.k;
    out.reset();
    if (this.i === 0) {
      out.departure = out.arrival = d.shiftStart[k];
      return;
    }
    let t = this.t;
    for (; this.bi < this.brs.length; this.bi++) {
      const b = this.brs[this.bi];
      const bs = Math.max(t, b.earliest);
      if (bs > b.latest) this.viol += bs - b.latest;
      if (bs - this.stretch > this.maxW) this.viol += bs - this.stretch - this.maxW;
      if (this.rec) {
        this.rec.breakBefore.push(this.i);
        this.rec.breakIndex.push(b.index);
        this.rec.breakStart.push(bs);
      }
      t = bs + b.duration;
      this.stretch = t;
    }
    const e = this.loc * d.L + d.endLoc[k];
    const arrival = t + this.tm[e];
    if (arrival - this.stretch > this.maxW) this.viol += arrival - this.stretch - this.maxW;
    if (arrival > d.maxShiftEnd[k]) this.viol += arrival - d.maxShiftEnd[k];
    out.arc = this.arc + this.am[e];
    out.travelTime = this.travel + this.tm[e];
    out.distance = this.dist + this.dm[e];
    out.load = this.load;
    out.assign = this.assign;
    out.lateness = this.late;
    out.maxLate = this.maxLate;
    out.timeViol = this.viol;
    out.departure = this.departure;
    out.arrival = arrival;
    out.overtime = Math.max(0, arrival - d.shiftEnd[k]);
    out.visits = this.i;
  }

  save(a: Float64Array, at: number): void {
    const o = at * STATE;
    a[o] = this.t;
    a[o + 1] = this.stretch;
    a[o + 2] = this.bi;
    a[o + 3] = this.viol;
    a[o + 4] = this.late;
    a[o + 5] = this.maxLate;
    a[o + 6] = this.arc;
    a[o + 7] = this.travel;
    a[o + 8] = this.dist;
    a[o + 9] = this.load;
    a[o + 10] = this.assign;
    a[o + 11] = this.departure;
    a[o + 12] = this.loc;
  }

  /** Continue from a state saved after `at` visits. */
  restore(a: Float64Array, at: number): void {
    const o = at * STATE;
    this.t = a[o];
    this.stretch = a[o + 1];
    this.bi = a[o + 2];
    this.viol = a[o + 3];
    this.late = a[o + 4];
    this.maxLate = a[o + 5];
    this.arc = a[o + 6];
    this.travel = a[o + 7];
    this.dist = a[o + 8];
    this.load = a[o + 9];
    this.assign = a[o + 10];
    this.departure = a[o + 11];
    this.loc = a[o + 12];
    this.i = at;
  }

  /** Same time, work stretch and breaks taken as a saved state: the rest will be identical. */
  meets(a: Float64Array, at: number): boolean {
    const o = at * STATE;
    return this.t === a[o] && this.stretch === a[o + 1] && this.bi === a[o + 2];
  }
}
