import { PenaltyManager } from '../../../solver/eval/penalty-manager.ts';
import type { ProblemInput } from '../../../solver/model/problem-input.ts';
import { prepareProblem } from '../../../solver/problem/problem-data.ts';
import { MoveEvaluator } from '../../../solver/search/move-evaluator.ts';
import type { OperatorContext } from '../../../solver/search/operators/operator.ts';
import { SearchSolution } from '../../../solver/search/search-solution.ts';
import type { Rng } from '../../../solver/util/rng.ts';

/** A search context on `input` with fixed penalty weights (tw 7, cap 3). */
export function searchContext(input: ProblemInput): OperatorContext & { pm: PenaltyManager } {
  const d = prepareProblem(input);
  const sol = new SearchSolution(d);
  const pm = new PenaltyManager(d, 7, 3);
  return { d, sol, ev: new MoveEvaluator(d, sol, pm.cost), pm };
}

/** Places each visit with probability `share` at the end of a random allowed route. */
export function randomPlan(ctx: OperatorContext, rng: Rng, share = 0.8): void {
  const { d, sol } = ctx;
  for (let v = 0; v < d.N; v++) {
    if (rng.next() >= share) continue;
    const k = rng.int(d.K);
    if (d.allowed[v * d.K + k]) sol.insert(v, k, sol.routes[k].size + 1);
  }
  sol.commit();
}

/** Sets every route's visit order and commits. */
export function setRoutes(ctx: OperatorContext, routes: number[][]): void {
  routes.forEach((visits, k) => ctx.sol.setVisits(k, visits.slice()));
  ctx.sol.commit();
}

export const orders = (ctx: OperatorContext) => ctx.sol.routes.map((r) => r.visits.slice());
