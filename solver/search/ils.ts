import type { PenaltyManager } from '../eval/penalty-manager.ts';
import type { Rng } from '../util/rng.ts';
import type { LocalSearch } from './local-search.ts';
import type { OperatorContext } from './operators/operator.ts';
import type { GreedyInsertion } from './recreate/greedy-insertion.ts';
import { sortForInsertion } from './recreate/insertion-order.ts';
import { routeRemoval } from './ruin/route-removal.ts';
import { stringRemoval } from './ruin/string-removal.ts';
import type { StopCriterion } from './stop/stop-criteria.ts';

export interface IlsParams {
  /** Average number of visits removed per ruin (SISR c̄). */
  avgRemoved: number;
  maxString: number;
  blink: number;
  /** Start and end temperature as fractions of the average arc cost per visit. */
  tempStart: number;
  tempEnd: number;
  /** Local search after a recreate: never, always, or only when within this share of the current cost. */
  lsWithin: number;
  /** Local search on recreated solutions within 0.1 % of the best (polishing). */
  lsOnBest: boolean;
  /** Share of ruins that remove a whole short route (only when routes have a fixed cost). */
  routeRemoval: number;
  /** Local search on the constructed plan before the ruin-and-recreate loop. */
  initialLocalSearch: boolean;
}

export const DEFAULT_ILS: IlsParams = {
  avgRemoved: 12,
  maxString: 15,
  blink: 0.01,
  tempStart: 1,
  tempEnd: 0.01,
  lsWithin: 0,
  lsOnBest: false,
  initialLocalSearch: true,
  routeRemoval: 0.05,
};

export interface IlsHooks {
  stop: StopCriterion;
  /** Share of the budget used, in [0, 1] (drives the cooling). */
  progress: () => number;
  /** Stops a local search midway (time or cancellation). */
  hardStop: () => boolean;
  /**
   * After each iteration. `seen`: the lowest penalised cost of any plan so far and the visits
   * it leaves out, or of the best feasible plan once there is one (progress shows either).
   */
  onIteration?: (
    iteration: number,
    bestCost: number,
    feasible: boolean,
    seen: { cost: number; unassigned: number },
  ) => void;
}

/**
 * Iterated local search with SISR ruin-and-recreate and simulated-annealing acceptance on
 * the penalised cost; keeps the best feasible plan seen. Returns its route snapshot
 * (null when no feasible plan was found) and the number of iterations.
 */
export function runIls(
  ctx: OperatorContext,
  ls: LocalSearch,
  ins: GreedyInsertion,
  neighbours: Int32Array[],
  pm: PenaltyManager,
  rng: Rng,
  hooks: IlsHooks,
  params: IlsParams = DEFAULT_ILS,
  /** A valid plan held before the loop (a cold start's construction), and its cost. */
  start: { routes: number[][]; cost: number } | null = null,
): { best: number[][] | null; bestCost: number; iterations: number } {
  const { d, sol } = ctx;
  let best: number[][] | null = start?.routes ?? null;
  let bestCost = start?.cost ?? Number.POSITIVE_INFINITY;
  const seen = { cost: Number.POSITIVE_INFINITY, unassigned: -1 };
  const keepIfBest = () => {
    if (!sol.isFeasible()) return;
    const c = sol.cost(pm.cost);
    if (c < bestCost) {
      bestCost = c;
      best = sol.snapshot();
      seen.cost = c;
      seen.unassigned = sol.unassignedCount();
    }
  };
  keepIfBest();
  let arcs = 0;
  for (const r of sol.routes) arcs += r.ev.arc;
  const unit = Math.max(1, arcs / Math.max(1, d.N));
  // Whole-route removals only pay when using a route costs something.
  const pricedRoutes = d.fixed.some((f) => f > 0);
  let iteration = 0;
  while (!hooks.stop.shouldStop(bestCost)) {
    iteration++;
    const frac = hooks.progress();
    const temp = unit * params.tempStart * (params.tempEnd / params.tempStart) ** frac;
    const before = sol.snapshot();
    const curCost = sol.cost(pm.cost);
    const { removed, routes } =
      pricedRoutes && rng.next() < params.routeRemoval
        ? routeRemoval(ctx, rng)
        : stringRemoval(ctx, neighbours, rng, params.avgRemoved, params.maxString);
    for (const k of routes) ls.touch(k);
    const order = sortForInsertion(
      d,
      recreateSet(sol.unassignedVisits(), removed, rng, params),
      rng,
    );
    for (const k of ins.insertAll(order, rng, params.blink)) ls.touch(k);
    const recreated = sol.cost(pm.cost);
    // Local search is costly next to a recreate: spend it on candidates for a new best.
    if (
      (params.lsWithin > 0 && recreated < curCost * (1 + params.lsWithin)) ||
      (params.lsOnBest && recreated < bestCost * (1 + 1e-3))
    ) {
      ls.run(rng, hooks.hardStop);
    }
    const newCost = sol.cost(pm.cost);
    pm.register(sol.timeViol(), sol.capViol());
    keepIfBest();
    if (best === null && newCost < seen.cost) {
      seen.cost = newCost;
      seen.unassigned = sol.unassignedCount();
    }
    const accept = newCost < curCost - temp * Math.log(1 - rng.next());
    if (!accept) {
      for (const k of sol.restore(before)) ls.touch(k);
    }
    hooks.onIteration?.(iteration, bestCost, best !== null, seen);
  }
  return { best, bestCost, iterations: iteration };
}

/**
 * What a recreate tries to place: the visits just removed plus a few of those left out
 * before (all of them when there are few), so instances with many visits that never fit
 * do not pay for them in every iteration.
 */
function recreateSet(
  unassigned: number[],
  removed: number[],
  rng: Rng,
  params: IlsParams,
): number[] {
  const extra = unassigned.length - removed.length;
  if (extra <= params.avgRemoved) return unassigned;
  const just = new Set(removed);
  const others = unassigned.filter((v) => !just.has(v));
  rng.shuffle(others);
  return [...removed, ...others.slice(0, params.avgRemoved)];
}
