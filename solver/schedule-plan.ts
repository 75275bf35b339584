import { PenaltyManager } from './eval/penalty-manager.ts';
import type { ProblemInput } from './model/problem-input.ts';
import type { Solution } from './model/solution.ts';
import { prepareProblem } from './problem/problem-data.ts';
import { loadSolution } from './search/load-solution.ts';
import { MoveEvaluator } from './search/move-evaluator.ts';
import { SearchSolution } from './search/search-solution.ts';
import { unassignedReasons } from './search/unassigned-reasons.ts';
import { unloadSolution } from './search/unload-solution.ts';

/**
 * Times and prices a given plan without optimising it (e.g. after a dispatcher's manual
 * edit): keeps every route's order, computes the earliest joint schedule with breaks and
 * sync delays, and reports cost and terms. Rule-breaking orders are kept as they are, so
 * the caller can show what is wrong (run the validator on the result).
 */
export function schedulePlan(input: ProblemInput, plan: Solution): Solution {
  const d = prepareProblem(input);
  const sol = new SearchSolution(d);
  loadSolution(d, sol, plan);
  const cost = new PenaltyManager(d, 1, 1).cost;
  const ev = new MoveEvaluator(d, sol, cost);
  return unloadSolution(d, cost, sol, unassignedReasons({ d, sol, ev }));
}
