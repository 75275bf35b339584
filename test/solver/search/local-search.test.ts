import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LocalSearch } from '../../../solver/search/local-search.ts';
import { computeNeighbours } from '../../../solver/search/neighbours.ts';
import { makeOperators } from '../../../solver/search/operators/registry.ts';
import { Rng } from '../../../solver/util/rng.ts';
import { randomInstance } from '../helpers/random-instance.ts';
import { randomPlan, searchContext } from '../helpers/search-context.ts';

describe('LocalSearch', () => {
  it('ends in a local optimum of every operator, lower in cost whenever it moved', () => {
    fc.assert(
      fc.property(randomInstance, fc.integer({ min: 0, max: 100_000 }), (input, seed) => {
        const ctx = searchContext(input);
        const { d, sol } = ctx;
        const rng = new Rng(seed);
        randomPlan(ctx, rng);
        const before = sol.cost(ctx.pm.cost);
        // Every visit a neighbour of every other: the optimum is checked over all pairs.
        const ls = new LocalSearch(ctx, computeNeighbours(d, d.N));
        ls.touchAll();
        const applied = ls.run(rng, () => false);
        const after = sol.cost(ctx.pm.cost);
        if (!Number.isFinite(before)) return;
        if (applied > 0) expect(after).toBeLessThan(before);
        else expect(after).toBe(before);
        for (const op of makeOperators(ctx)) {
          for (let u = 0; u < d.N; u++) {
            if (sol.routeOf[u] < 0) continue;
            for (let v = 0; v < d.N; v++) {
              if (v === u || sol.routeOf[v] < 0) continue;
              expect(op.evaluate(u, sol.routeOf[v], sol.posOf[v])).toBeGreaterThan(-1e-6);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('stops when asked', () => {
    fc.assert(
      fc.property(randomInstance, fc.integer({ min: 0, max: 100_000 }), (input, seed) => {
        const ctx = searchContext(input);
        const rng = new Rng(seed);
        randomPlan(ctx, rng);
        const ls = new LocalSearch(ctx, computeNeighbours(ctx.d, 5));
        ls.touchAll();
        expect(ls.run(rng, () => true)).toBe(0);
      }),
      { numRuns: 30 },
    );
  });
});
