import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareProblem } from '../../../solver/problem/problem-data.ts';
import { MoveEvaluator } from '../../../solver/search/move-evaluator.ts';
import { Proposal } from '../../../solver/search/proposal.ts';
import { GreedyInsertion } from '../../../solver/search/recreate/greedy-insertion.ts';
import { SearchSolution } from '../../../solver/search/search-solution.ts';
import { Rng } from '../../../solver/util/rng.ts';
import { randomInstance } from '../helpers/random-instance.ts';

describe('greedy insertion', () => {
  it('finds the cheapest place exactly: its pruning bounds never cut the optimum', () => {
    fc.assert(
      fc.property(randomInstance, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        input.syncs = [];
        const d = prepareProblem(input);
        const sol = new SearchSolution(d);
        const pen = { tw: 7, cap: 3 };
        const ev = new MoveEvaluator(d, sol, pen);
        const ctx = { d, sol, ev };
        const ins = new GreedyInsertion(ctx);
        const rng = new Rng(seed);
        // A random partial plan, then the best place of each visit left out.
        for (let v = 0; v < d.N; v++) {
          if (rng.next() < 0.4) continue;
          const k = rng.int(d.K);
          if (d.allowed[v * d.K + k]) sol.insert(v, k, sol.routes[k].size + 1);
        }
        sol.commit();
        const p = new Proposal();
        for (const v of sol.unassignedVisits()) {
          let brute = Number.POSITIVE_INFINITY;
          for (let k = 0; k < d.K; k++) {
            const n = sol.routes[k].size;
            for (let pos = 1; pos <= n + 1; pos++) {
              brute = Math.min(
                brute,
                ev.delta(
                  p
                    .reset(k)
                    .slice(k, 1, pos - 1)
                    .visit(v)
                    .slice(k, pos, n),
                ),
              );
            }
          }
          expect(ins.best(v, null, 0).delta).toBeCloseTo(brute, 6);
        }
      }),
      { numRuns: 200 },
    );
  });
});
