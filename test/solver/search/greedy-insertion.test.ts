import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PenaltyManager } from '../../../solver/eval/penalty-manager.ts';
import { prepareProblem } from '../../../solver/problem/problem-data.ts';
import { MoveEvaluator } from '../../../solver/search/move-evaluator.ts';
import { Proposal } from '../../../solver/search/proposal.ts';
import { GreedyInsertion } from '../../../solver/search/recreate/greedy-insertion.ts';
import { SearchSolution } from '../../../solver/search/search-solution.ts';
import { Rng } from '../../../solver/util/rng.ts';
import { computeNeighbours } from '../../../solver/search/neighbours.ts';
import { farRouteInstance } from '../helpers/far-route-instance.ts';
import { searchContext, setRoutes } from '../helpers/search-context.ts';
import { randomInstance } from '../helpers/random-instance.ts';

/** The same instances reduced to pure hard windows (the duration-segment fast path). */
const hardWindowInstance = randomInstance.map((input) => {
  for (const v of input.visits) {
    v.latestHard = true;
    v.durationByCaregiver = undefined;
  }
  for (const c of input.caregivers) {
    c.profile = 0;
    c.timedSkills = [];
    c.breaks = [];
    c.maxWorkWithoutBreak = 0;
  }
  return input;
});

describe('greedy insertion', () => {
  it.each([
    ['every feature', randomInstance],
    ['pure hard windows', hardWindowInstance],
  ])(
    'finds the cheapest place exactly on %s: pruning bounds never cut the optimum',
    (_, instances) => {
      fc.assert(
        fc.property(instances, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
          input.syncs = [];
          const d = prepareProblem(input);
          const sol = new SearchSolution(d);
          const ev = new MoveEvaluator(d, sol, new PenaltyManager(d, 7, 3).cost);
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
    },
  );
});

describe('the full insertion pass', () => {
  it('places a visit whose only place is on a route far from all its neighbours', () => {
    const { input, routes, target } = farRouteInstance();
    const ctx = searchContext(input);
    setRoutes(ctx, routes);
    const ins = new GreedyInsertion(ctx, computeNeighbours(ctx.d, 40));
    // The granular pass tries only routes near the visit's 40 nearest neighbours.
    ins.insertAll([target], null, 0);
    expect(ctx.sol.routeOf[target]).toBe(-1);
    ins.insertEverywhere([target]);
    expect(ctx.sol.routeOf[target]).toBe(routes.length - 1);
    expect(ctx.sol.isFeasible()).toBe(true);
  });
});
