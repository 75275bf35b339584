import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ILS, runIls } from '../../../solver/search/ils.ts';
import { LocalSearch } from '../../../solver/search/local-search.ts';
import { computeNeighbours } from '../../../solver/search/neighbours.ts';
import { GreedyInsertion } from '../../../solver/search/recreate/greedy-insertion.ts';
import { MaxIterations } from '../../../solver/search/stop/stop-criteria.ts';
import { Rng } from '../../../solver/util/rng.ts';
import type { ProblemInput } from '../../../solver/model/problem-input.ts';
import { randomInstance } from '../helpers/random-instance.ts';
import { searchContext } from '../helpers/search-context.ts';

function ils(input: ProblemInput, seed: number) {
  const ctx = searchContext(input);
  const neighbours = computeNeighbours(ctx.d, 10);
  const ls = new LocalSearch(ctx, neighbours);
  const ins = new GreedyInsertion(ctx, neighbours);
  const rng = new Rng(seed);
  ins.insertAll(ctx.sol.unassignedVisits(), null, 0);
  const first = ctx.sol.isFeasible() ? ctx.sol.cost(ctx.pm.cost) : Number.POSITIVE_INFINITY;
  let seen = 0;
  const result = runIls(
    ctx,
    ls,
    ins,
    neighbours,
    ctx.pm,
    rng,
    {
      stop: new MaxIterations(40),
      progress: () => seen / 40,
      hardStop: () => false,
      onIteration: (i) => {
        seen = i;
      },
    },
    { ...DEFAULT_ILS, lsOnBest: true },
  );
  return { ctx, result, first };
}

describe('runIls', () => {
  it('returns the best feasible plan it saw, at the cost it reports, never worse than its start', () => {
    fc.assert(
      fc.property(randomInstance, fc.integer({ min: 0, max: 100_000 }), (input, seed) => {
        const { ctx, result, first } = ils(input, seed);
        expect(result.iterations).toBe(40);
        if (result.best === null) {
          expect(first).toBe(Number.POSITIVE_INFINITY);
          return;
        }
        expect(result.bestCost).toBeLessThanOrEqual(first);
        ctx.sol.restore(result.best);
        expect(ctx.sol.isFeasible()).toBe(true);
        expect(ctx.sol.cost(ctx.pm.cost)).toBeCloseTo(result.bestCost, 6);
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic for a seed', () => {
    fc.assert(
      fc.property(randomInstance, fc.integer({ min: 0, max: 100_000 }), (input, seed) => {
        const a = ils(structuredClone(input), seed).result;
        const b = ils(structuredClone(input), seed).result;
        expect(a).toEqual(b);
      }),
      { numRuns: 20 },
    );
  });
});
