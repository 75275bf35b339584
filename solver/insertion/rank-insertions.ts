import { CostEvaluator } from '../eval/cost-evaluator.ts';
import { RouteEval } from '../eval/route-eval.ts';
import { simulateRoute } from '../eval/simulate-route.ts';
import type { ProblemInput } from '../model/problem-input.ts';
import type { Solution } from '../model/solution.ts';
import { type ProblemData, prepareProblem } from '../problem/problem-data.ts';
import { loadSolution } from '../search/load-solution.ts';
import { SearchSolution } from '../search/search-solution.ts';
import { InsertionBounds } from './lower-bounds.ts';

export interface InsertionSuggestion {
  caregiver: number;
  /** 0-based index among the route's visits: the new visit goes before the one there now. */
  position: number;
  start: number;
  /** Extra travel time (scaled units). */
  addedTravel: number;
  /** Extra soft-window lateness summed over the route, the new visit included. */
  addedLateness: number;
  /** Change of the objective (route terms, max lateness and continuity; no penalty). */
  deltaCost: number;
  knowsPatient: boolean;
  /** shiftEnd − new arrival at the end location (negative = overtime). */
  slackAfterShift: number;
  /** Overtime the insertion adds: the route's own overtime before it is not counted. */
  addedOvertime: number;
  /** Seconds by which it adds to the breaking of the hard time rules (0 unless priced). */
  addedViolation: number;
}

/** How rankInsertions treats the hard time rules (break windows, work stretch, shift end). */
export interface RankRules {
  /**
   * Without it, a place breaking one is refused, as the solver's search refuses it. With it,
   * a place is priced per second of violation it ADDS to the route's own, so a route already
   * breaking a rule (a day going badly) is still ranked by what the insertion changes; only a
   * place where the visit itself cannot be done by the shift's end with its overtime, or
   * misses its own hard window or competence window, is refused.
   */
  brokenRuleWeight?: number;
}

/** A loaded plan with cached route data, reusable for many ranking calls. */
export interface RankingContext {
  d: ProblemData;
  /** The objective's prices (no penalties: only feasible places are ranked). */
  cost: CostEvaluator;
  sol: SearchSolution;
  /** Planned start of every visit in the loaded plan. */
  starts: Float64Array;
  /** Exact evaluation of every route as planned (travel time included on the fast path too). */
  planned: RouteEval[];
  bounds: InsertionBounds;
  /** Buffers reused by every call (no allocation per ranking). */
  scratch: { ev: RouteEval; seq: number[]; starts: Float64Array };
}

function prepareRanking(d: ProblemData, current: Solution): RankingContext {
  const sol = new SearchSolution(d);
  loadSolution(d, sol, current);
  const starts = new Float64Array(d.N);
  const planned = sol.routes.map((r) => {
    const ev = new RouteEval();
    simulateRoute(d, r.k, r.visits, r.size, sol.release, ev, starts);
    return ev;
  });
  const scratch = { ev: new RouteEval(), seq: [], starts: new Float64Array(d.N) };
  const cost = new CostEvaluator(d, 1, 1);
  return { d, cost, sol, starts, planned, bounds: new InsertionBounds(), scratch };
}

const dataCache = new WeakMap<ProblemInput, ProblemData>();
const planCache = new WeakMap<Solution, { d: ProblemData; ctx: RankingContext }>();

/**
 * Live use, a new urgent visit arrives: every feasible place for it in the current plan,
 * cheapest first. Inputs and plans are treated as immutable and their prepared data is
 * cached per object, so repeated calls on the same plan cost only the ranking.
 */
export function rankInsertions(
  input: ProblemInput,
  current: Solution,
  visit: number,
  limit = 10,
  rules: RankRules = {},
): InsertionSuggestion[] {
  let d = dataCache.get(input);
  if (!d) {
    d = prepareProblem(input);
    dataCache.set(input, d);
  }
  let cached = planCache.get(current);
  if (!cached || cached.d !== d) {
    cached = { d, ctx: prepareRanking(d, current) };
    planCache.set(current, cached);
  }
  return rankInsertionsPrepared(cached.ctx, visit, limit, rules);
}

/**
 * Ranks on a prepared plan. Cheap lower bounds (arc, fixed and continuity cost; time terms
 * can only add) order all places; exact schedules are computed in that order until the
 * bound exceeds the `limit`-th best exact cost. Sync partners already planned are held
 * at their current start.
 */
function rankInsertionsPrepared(
  ctx: RankingContext,
  visit: number,
  limit: number,
  rules: RankRules,
): InsertionSuggestion[] {
  const { d, sol, cost } = ctx;
  const violWeight = rules.brokenRuleWeight;
  if (!Number.isInteger(visit) || visit < 0 || visit >= d.N) {
    throw new Error(`rankInsertions: visit ${visit} out of range [0, ${d.N})`);
  }
  const out: InsertionSuggestion[] = [];
  const cands = ctx.bounds;
  cands.fill(d, cost, sol, ctx.starts, visit);
  const ev = ctx.scratch.ev;
  const seq = ctx.scratch.seq;
  const starts = ctx.scratch.starts;
  for (let i = cands.takeMin(); i >= 0; i = cands.takeMin()) {
    if (out.length >= limit && cands.bound[i] >= out[out.length - 1].deltaCost) break;
    const k = cands.k[i];
    const route = sol.routes[k];
    seq.length = 0;
    for (const v of route.visits) if (v !== visit) seq.push(v);
    const pos = Math.min(cands.pos[i], seq.length);
    seq.splice(pos, 0, visit);
    simulateRoute(d, k, seq, seq.length, sol.release, ev, starts);
    if (ev.load > d.capacity[k]) continue;
    const old = ctx.planned[k];
    let addedViolation = 0;
    if (violWeight === undefined) {
      if (ev.timeViol > 0) continue;
    } else {
      if (!ownRulesHold(d, visit, k, starts[visit])) continue;
      addedViolation = Math.max(0, ev.timeViol - old.timeViol);
    }
    if (!syncOk(d, sol, seq, starts, k)) continue;
    const oldMaxLate = sol.maxLate();
    const newMaxLate = Math.max(otherMaxLate(sol, k), ev.maxLate);
    const deltaCost =
      cost.routeBase(ev, k) -
      cost.routeBase(old, k) +
      (d.hasMaxLate ? cost.maxLate(newMaxLate - oldMaxLate) : 0) +
      cands.extra[i] +
      (violWeight ?? 0) * addedViolation;
    const suggestion: InsertionSuggestion = {
      caregiver: k,
      position: pos,
      start: starts[visit],
      addedTravel: ev.travelTime - old.travelTime,
      addedLateness: ev.lateness - old.lateness,
      deltaCost,
      knowsPatient: knows(d, visit, k),
      slackAfterShift: d.shiftEnd[k] - ev.arrival,
      addedOvertime: Math.max(0, ev.overtime - old.overtime),
      addedViolation,
    };
    let at = out.length;
    while (at > 0 && out[at - 1].deltaCost > deltaCost) at--;
    out.splice(at, 0, suggestion);
    if (out.length > limit) out.pop();
  }
  return out;
}

/**
 * The visit's own hard rules at `start` in route k: its hard window, its competence window
 * (a delegation's end), and done by the end of the shift with the overtime allowed.
 */
function ownRulesHold(d: ProblemData, v: number, k: number, start: number): boolean {
  const vk = v * d.K + k;
  if (start > d.skillHi[vk]) return false;
  if (d.latestHard[v] === 1 && start > d.latest[v]) return false;
  return start + d.service[vk] <= d.maxShiftEnd[k];
}

function otherMaxLate(sol: SearchSolution, k: number): number {
  let m = 0;
  for (const r of sol.routes) if (r.k !== k && r.ev.maxLate > m) m = r.ev.maxLate;
  return m;
}

/** With partners held at their planned starts, every sync gap on this route still holds. */
function syncOk(
  d: ProblemData,
  sol: SearchSolution,
  seq: number[],
  starts: Float64Array,
  k: number,
): boolean {
  if (!d.hasSync) return true;
  for (const v of seq) {
    for (let j = d.syncStart[v]; j < d.syncStart[v + 1]; j++) {
      const s = d.syncList[j];
      const first = d.syncFirst[s];
      const other = first === v ? d.syncSecond[s] : first;
      const ok = sol.routeOf[other];
      if (ok < 0) continue;
      if (ok === k) return false;
      const gap = first === v ? sol.starts[other] - starts[v] : starts[v] - sol.starts[other];
      if (gap < d.syncMin[s] || gap > d.syncMax[s]) return false;
    }
  }
  return true;
}

function knows(d: ProblemData, v: number, k: number): boolean {
  const p = d.patient[v];
  if (p < 0) return false;
  const pat = d.input.patients[p];
  return pat.contact === k || pat.known.some((x) => x.caregiver === k);
}
