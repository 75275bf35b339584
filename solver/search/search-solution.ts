import { type CostEvaluator, distinctCost } from '../eval/cost-evaluator.ts';
import type { RouteEval } from '../eval/route-eval.ts';
import { scheduleSync } from '../eval/sync-schedule.ts';
import type { ProblemData } from '../problem/problem-data.ts';
import { Route } from './route.ts';

/**
 * The mutable solution the search works on (PyVRP's search `Solution`): routes with
 * caches, where each visit is, and the global continuity counts. Edit with
 * insert/remove/setVisits, then `commit()` to refresh caches (and the joint sync
 * schedule) before evaluating moves again.
 */
export class SearchSolution {
  readonly routes: Route[];
  /** Caregiver of each visit, −1 when unassigned. */
  readonly routeOf: Int32Array;
  /** 1-based position inside its route (valid after commit). */
  readonly posOf: Int32Array;
  /** Visits of patient p made by caregiver k: `patientCnt[p * K + k]`. */
  readonly patientCnt: Int32Array;
  readonly distinct: Int32Array;
  /** Weighted distinct-caregiver terms over all patients. */
  distinctCost = 0;
  unassignedPenalty = 0;
  /** Sync lower bounds and starts of the committed joint schedule. */
  readonly release: Float64Array | null;
  readonly starts: Float64Array;
  syncBroken = false;
  private readonly dirty: Uint8Array;
  private readonly scratchEvs: RouteEval[];
  /** Sync visits assigned or unassigned since the last commit: their partners' routes move. */
  private readonly movedSync: number[] = [];
  private readonly linkMark: Uint8Array;

  constructor(readonly d: ProblemData) {
    this.routes = Array.from({ length: d.K }, (_, k) => new Route(d, k));
    this.routeOf = new Int32Array(d.N).fill(-1);
    this.posOf = new Int32Array(d.N);
    const P = d.input.patients.length;
    this.patientCnt = new Int32Array(P * d.K);
    this.distinct = new Int32Array(P);
    this.release = d.hasSync ? new Float64Array(d.N).fill(Number.NEGATIVE_INFINITY) : null;
    this.starts = new Float64Array(d.N);
    this.dirty = new Uint8Array(d.K).fill(1);
    this.scratchEvs = this.routes.map((r) => r.ev);
    this.linkMark = new Uint8Array(d.K);
    for (let v = 0; v < d.N; v++) this.unassignedPenalty += d.penalty[v];
    this.commit();
  }

  /** Put v at 1-based position `pos` of route k (pos = size + 1 appends). */
  insert(v: number, k: number, pos: number): void {
    this.routes[k].visits.splice(pos - 1, 0, v);
    this.assign(v, k);
    this.dirty[k] = 1;
  }

  remove(v: number): void {
    const k = this.routeOf[v];
    if (k < 0) return;
    const r = this.routes[k];
    const i = r.visits.indexOf(v);
    r.visits.splice(i, 1);
    this.unassign(v);
    this.dirty[k] = 1;
  }

  /** Replace the whole visit order of route k; visits moved in must be removed elsewhere. */
  setVisits(k: number, visits: number[]): void {
    const r = this.routes[k];
    for (const v of r.visits) if (this.routeOf[v] === k) this.unassign(v);
    r.visits = visits;
    for (const v of visits) {
      if (this.routeOf[v] >= 0 && this.routeOf[v] !== k) {
        const o = this.routeOf[v];
        const ov = this.routes[o].visits;
        ov.splice(ov.indexOf(v), 1);
        this.dirty[o] = 1;
        this.unassign(v);
      }
      this.assign(v, k);
    }
    this.dirty[k] = 1;
  }

  private assign(v: number, k: number): void {
    const d = this.d;
    this.routeOf[v] = k;
    if (d.syncStart[v + 1] > d.syncStart[v]) this.movedSync.push(v);
    this.unassignedPenalty -= d.penalty[v];
    const p = d.patient[v];
    if (p >= 0 && this.patientCnt[p * d.K + k]++ === 0) this.changeDistinct(p, 1);
  }

  private unassign(v: number): void {
    const d = this.d;
    const k = this.routeOf[v];
    this.routeOf[v] = -1;
    if (d.syncStart[v + 1] > d.syncStart[v]) this.movedSync.push(v);
    this.unassignedPenalty += d.penalty[v];
    const p = d.patient[v];
    if (p >= 0 && --this.patientCnt[p * d.K + k] === 0) this.changeDistinct(p, -1);
  }

  private changeDistinct(p: number, by: number): void {
    this.distinctCost -= distinctTerm(this.d, p, this.distinct[p]);
    this.distinct[p] += by;
    this.distinctCost += distinctTerm(this.d, p, this.distinct[p]);
  }

  commit(): void {
    const d = this.d;
    const changed: number[] = [];
    for (let k = 0; k < d.K; k++) {
      if (!this.dirty[k]) continue;
      const r = this.routes[k];
      for (let p = 1; p <= r.visits.length; p++) this.posOf[r.visits[p - 1]] = p;
      r.update(null);
      this.dirty[k] = 0;
      changed.push(k);
    }
    if (!this.release) {
      this.movedSync.length = 0;
      return;
    }
    // Only the routes linked to a change through sync pairs are rescheduled: every other
    // group of linked routes is as it was, and so is its joint schedule. After a broken
    // schedule everything is redone, since the broken group may lie anywhere.
    const todo: number[] = [];
    if (this.syncBroken) {
      for (let k = 0; k < d.K; k++) if (this.routes[k].syncCount > 0) todo.push(k);
    } else {
      for (const k of this.linkedRoutes(changed)) if (this.routes[k].syncCount > 0) todo.push(k);
    }
    this.movedSync.length = 0;
    this.syncBroken = false;
    if (todo.length === 0) return;
    const seqs = this.routes.map((r) => r.visits);
    this.syncBroken = !scheduleSync(
      d,
      seqs,
      this.routeOf,
      todo,
      this.scratchEvs,
      this.release,
      this.starts,
    );
    for (const k of todo) this.routes[k].update(this.release);
  }

  /**
   * The changed routes and every route reachable from them, or from the partners of sync
   * visits that moved, through sync pairs.
   */
  private linkedRoutes(changed: readonly number[]): number[] {
    const d = this.d;
    const mark = this.linkMark;
    const out: number[] = [];
    const reach = (k: number) => {
      if (k < 0 || mark[k]) return;
      mark[k] = 1;
      out.push(k);
    };
    const partners = (v: number) => {
      for (let j = d.syncStart[v]; j < d.syncStart[v + 1]; j++) {
        const pair = d.syncList[j];
        reach(this.routeOf[d.syncFirst[pair] === v ? d.syncSecond[pair] : d.syncFirst[pair]]);
      }
    };
    for (const k of changed) reach(k);
    for (const v of this.movedSync) partners(v);
    for (let i = 0; i < out.length; i++) for (const v of this.routes[out[i]].visits) partners(v);
    for (const k of out) mark[k] = 0;
    return out;
  }

  maxLate(): number {
    let m = 0;
    for (const r of this.routes) if (r.ev.maxLate > m) m = r.ev.maxLate;
    return m;
  }

  /** Penalised total used by the search, priced by `ce`. */
  cost(ce: CostEvaluator): number {
    let c = this.unassignedPenalty + this.distinctCost;
    for (let k = 0; k < this.d.K; k++) c += ce.route(this.routes[k].ev, k);
    if (this.d.hasMaxLate) c += ce.maxLate(this.maxLate());
    return this.syncBroken ? Number.POSITIVE_INFINITY : c;
  }

  timeViol(): number {
    let t = 0;
    for (const r of this.routes) t += r.ev.timeViol;
    return t;
  }

  capViol(): number {
    let c = 0;
    for (const r of this.routes) c += Math.max(0, r.ev.load - this.d.capacity[r.k]);
    return c;
  }

  isFeasible(): boolean {
    return !this.syncBroken && this.timeViol() === 0 && this.capViol() === 0;
  }

  /** Copy of every route's order, to restore later with `restore`. */
  snapshot(): number[][] {
    return this.routes.map((r) => r.visits.slice());
  }

  /** Restores a snapshot, touching only routes that differ; returns those routes. */
  restore(snap: number[][]): number[] {
    const changed: number[] = [];
    for (let k = 0; k < this.d.K; k++) {
      const cur = this.routes[k].visits;
      const old = snap[k];
      let same = cur.length === old.length;
      for (let i = 0; same && i < cur.length; i++) same = cur[i] === old[i];
      if (same) continue;
      changed.push(k);
      for (const v of cur) this.unassign(v);
      this.routes[k].visits = [];
      this.dirty[k] = 1;
    }
    for (const k of changed) {
      this.routes[k].visits = snap[k].slice();
      for (const v of snap[k]) this.assign(v, k);
    }
    this.commit();
    return changed;
  }

  /** How many visits are in no route (read only: progress reports it). */
  unassignedCount(): number {
    let n = 0;
    for (let v = 0; v < this.d.N; v++) if (this.routeOf[v] < 0) n++;
    return n;
  }

  unassignedVisits(): number[] {
    const out: number[] = [];
    for (let v = 0; v < this.d.N; v++) if (this.routeOf[v] < 0) out.push(v);
    return out;
  }
}

/** Weighted distinct-caregiver cost of patient p seeing `n` caregivers. */
function distinctTerm(d: ProblemData, p: number, n: number): number {
  return distinctCost(d.weights, n, d.input.patients[p].maxDistinct);
}
