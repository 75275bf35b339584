import { PenaltyManager } from './eval/penalty-manager.ts';
import type { ProblemInput } from './model/problem-input.ts';
import type { Solution } from './model/solution.ts';
import { prepareProblem } from './problem/problem-data.ts';
import { DEFAULT_ILS, type IlsParams, runIls } from './search/ils.ts';
import { loadSolution } from './search/load-solution.ts';
import { LocalSearch } from './search/local-search.ts';
import { MoveEvaluator } from './search/move-evaluator.ts';
import { computeNeighbours } from './search/neighbours.ts';
import type { OperatorContext } from './search/operators/operator.ts';
import { GreedyInsertion } from './search/recreate/greedy-insertion.ts';
import { sortForInsertion } from './search/recreate/insertion-order.ts';
import { repairToFeasible } from './search/repair.ts';
import { SearchSolution } from './search/search-solution.ts';
import {
  AnyOf,
  Cancelled,
  MaxIterations,
  MaxRuntime,
  type StopCriterion,
} from './search/stop/stop-criteria.ts';
import { unassignedReasons } from './search/unassigned-reasons.ts';
import { unloadSolution } from './search/unload-solution.ts';
import { Rng } from './util/rng.ts';

export interface SolveProgress {
  elapsedMs: number;
  bestCost: number;
  feasible: boolean;
  iteration: number;
  /**
   * The plan progress shows: the best feasible one, or before there is one the lowest
   * penalised cost seen (its penalties adapt, so it is a guide, not a price). Observed
   * only: it changes no decision.
   */
  searchCost?: number;
  /** Visits (solver visits: a two-person visit is two) that plan leaves out. */
  unassigned?: number;
}

export interface SolveOptions {
  /** Deterministic for a seed and budget. */
  seed: number;
  /** Wall budget measured with `clock`. */
  timeLimitMs: number;
  /** Milliseconds, e.g. performance.now, passed in by the caller. */
  clock: () => number;
  /** Optional deterministic budget (tests use this for exact reproducibility). */
  maxIterations?: number;
  onProgress?: (p: SolveProgress) => void;
  /** Cancellation. */
  shouldStop?: () => boolean;
  /**
   * Warm start (live repair): keep pinned visits, repair the rest. Its unassigned visits go
   * in while the budget lasts (a plan with hundreds left out would otherwise spend seconds
   * on them first), after `insertFirst`.
   */
  initial?: Solution;
  /**
   * Visits (input indices) a warm start places before any other, whatever the budget: the
   * visits a repair is for (those a sick caregiver left).
   */
  insertFirst?: readonly number[];
  /** Tuning knobs of the metaheuristic (defaults measured on Solomon and Mankowska). */
  params?: Partial<IlsParams>;
}

/**
 * Share of a cold start's budget kept for the final repair, the full insertion pass (every
 * visit still out offered to every route) and the unassigned reasons. On a Stockholm-city
 * day (386 routes) the finish took about 2 s of a 53 s solve at load 17, and at load 22 the
 * pass ran out of an 8 % share with 3 placeable visits left.
 */
const FINISH_RESERVE = 0.12;
/**
 * The same for a warm start: a repair has a short box on a day-sized plan, whose final pass
 * took 120–140 ms on a Stockholm-sized day (feasibility 60–70 ms, unloading about 60 ms),
 * against 45 ms of a 1.5 s box at 3 %.
 */
const WARM_FINISH_RESERVE = 0.1;

const PROGRESS_EVERY_MS = 100;

/** Solves a problem: construction, local search, then iterated ruin-and-recreate. */
export function solve(input: ProblemInput, options: SolveOptions): Solution {
  const t0 = options.clock();
  const d = prepareProblem(input);
  const clock = options.clock;
  const rng = new Rng(options.seed);
  const pm = PenaltyManager.forProblem(d);
  const sol = new SearchSolution(d);
  const ctx: OperatorContext = { d, sol, ev: new MoveEvaluator(d, sol, pm.cost) };
  const neighbours = computeNeighbours(d, 40);
  const ls = new LocalSearch(ctx, neighbours);
  const ins = new GreedyInsertion(ctx, neighbours);
  const reserve = options.initial ? WARM_FINISH_RESERVE : FINISH_RESERVE;
  const budget = options.timeLimitMs * (1 - reserve) - (clock() - t0);

  const runtime = new MaxRuntime(Math.max(0, budget), clock);
  const cancel = options.shouldStop ?? (() => false);
  const hardStop = () => runtime.shouldStop() || cancel();
  const maxIt = options.maxIterations;

  if (options.initial) loadSolution(d, sol, options.initial);
  if (options.insertFirst) {
    ins.insertAll(
      options.insertFirst.filter((v) => sol.routeOf[v] < 0),
      null,
      0,
    );
  }
  // A cold start is built whole; a warm start is a plan already, completed while time lasts.
  const constructionStop = !options.initial ? undefined : maxIt !== undefined ? cancel : hardStop;
  // A cold start is built, and polished, on places that break no hard rule: with the adaptive
  // weights a broken rule starts far cheaper than leaving a visit out, so construction packed
  // visits into broken places and the search held no valid plan until the weights had risen,
  // after 54 s of 60 on a Stockholm-city day. Built this way it holds one from the start, and
  // the ruin-and-recreate may still cross infeasible ground.
  const feasibleFirst = !options.initial;
  if (feasibleFirst) pm.forbidViolations();
  ins.insertAll(sortForInsertion(d, sol.unassignedVisits(), rng), null, 0, constructionStop);
  const built = feasibleFirst && sol.isFeasible() ? { routes: sol.snapshot(), cost: 0 } : null;
  if (built) built.cost = sol.cost(pm.cost);
  if (feasibleFirst) pm.allowViolations();
  const params = { ...DEFAULT_ILS, ...options.params };
  if (params.initialLocalSearch) {
    // At most a quarter of the budget, so large instances still get ruin-and-recreate.
    const lsStop = () => hardStop() || runtime.fraction() > 0.25;
    ls.touchAll();
    ls.run(rng, maxIt !== undefined ? cancel : lsStop);
  }

  const criteria: StopCriterion[] = [runtime, new Cancelled(cancel)];
  if (options.maxIterations !== undefined) criteria.push(new MaxIterations(options.maxIterations));
  let lastReport = Number.NEGATIVE_INFINITY;
  let iterationsDone = 0;
  const result = runIls(
    ctx,
    ls,
    ins,
    neighbours,
    pm,
    rng,
    {
      stop: new AnyOf(criteria),
      // With an iteration budget the cooling follows iterations, so runs stay reproducible.
      progress: () =>
        maxIt !== undefined ? Math.min(1, iterationsDone / Math.max(1, maxIt)) : runtime.fraction(),
      hardStop: maxIt !== undefined ? cancel : hardStop,
      onIteration: (iteration, bestCost, feasible, seen) => {
        iterationsDone = iteration;
        if (!options.onProgress) return;
        const now = clock();
        if (now - lastReport < PROGRESS_EVERY_MS) return;
        lastReport = now;
        options.onProgress({
          elapsedMs: now - t0,
          bestCost,
          feasible,
          iteration,
          ...(seen.unassigned >= 0 ? { searchCost: seen.cost, unassigned: seen.unassigned } : {}),
        });
      },
    },
    { ...DEFAULT_ILS, ...options.params },
    built,
  );

  // No valid plan in the whole search: the plan returned is the last repair's.
  const foundByRepair = result.best === null;
  const limitSpent = () => clock() - t0 >= options.timeLimitMs || cancel();
  const finishStop = maxIt !== undefined ? cancel : limitSpent;
  /** Makes the plan in `sol` valid and fills it from feasible places only; returns its cost. */
  const finish = (): number => {
    const dropped = repairToFeasible(ctx);
    pm.forbidViolations();
    if (dropped.length > 0) {
      // Visits dropped by the repair may fit elsewhere. As in construction, a cold start (a
      // day's plan) takes them all back: on a large day they are hundreds, and leaving them
      // out costs more than the time. A warm start (a repair, in its time box) takes back the
      // visits asked for first, and the others while the whole time limit lasts (the reserve
      // is for this).
      const first = new Set(options.insertFirst);
      ins.insertAll(
        dropped.filter((v) => first.has(v)),
        null,
        0,
      );
      ins.insertAll(
        dropped.filter((v) => !first.has(v)),
        null,
        0,
        !options.initial ? undefined : finishStop,
      );
    }
    // The full pass: every visit still out is offered to every route, not only the routes
    // near its neighbours, so one whose only place is far from them is placed too (the
    // reserve is for this).
    ins.insertEverywhere(sortForInsertion(d, sol.unassignedVisits(), rng), finishStop);
    repairToFeasible(ctx);
    return sol.cost(pm.cost);
  };
  // The search's last plan usually breaks rules (it crosses infeasible ground to the end),
  // but repaired and filled it may beat the best valid plan held: on the demo's small day it
  // did in two of three 10 s runs (cost 1.66M, 2.30M against 3.13M, 3.77M). On a city day it
  // did not (3.7e9 against 1.4e9) and its repair took 2.5 s past the limit, so it is tried
  // only while twice the time the first finish took is left (always with an iteration budget).
  const last = sol.isFeasible() ? null : sol.snapshot();
  let chosen: number[][] | null = null;
  let chosenCost = Number.POSITIVE_INFINITY;
  const finishStarted = clock();
  if (result.best !== null) {
    sol.restore(result.best);
    chosenCost = finish();
    chosen = sol.snapshot();
  }
  const timeForSecond = () =>
    !cancel() &&
    (maxIt !== undefined || t0 + options.timeLimitMs - clock() >= 2 * (clock() - finishStarted));
  if (last !== null && (chosen === null || timeForSecond())) {
    sol.restore(last);
    if (finish() >= chosenCost && chosen !== null) sol.restore(chosen);
  }
  const solution: Solution = {
    ...unloadSolution(d, pm.cost, sol, unassignedReasons(ctx)),
    foundByRepair,
  };
  options.onProgress?.({
    elapsedMs: clock() - t0,
    bestCost: solution.cost,
    feasible: true,
    iteration: result.iterations,
    searchCost: solution.cost,
    unassigned: solution.unassigned.length,
  });
  return solution;
}
