import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPERATORS } from '../../../../solver/search/operators/registry.ts';
import { Rng } from '../../../../solver/util/rng.ts';
import { lineInstance } from '../../helpers/line-instance.ts';
import { randomInstance } from '../../helpers/random-instance.ts';
import { orders, randomPlan, searchContext, setRoutes } from '../../helpers/search-context.ts';

/**
 * Six visits on the line 0–3 (10 apart), route 0 = a0 a1 a2, route 1 = b0 b1 b2.
 * Each operator's move (u = a0, route 1, pv = 1) and the routes it leaves.
 */
const A = [0, 1, 2];
const B = [3, 4, 5];
const [a0, a1, a2] = A;
const [b0, b1, b2] = B;
const expected: Record<string, number[][]> = {
  relocate1: [
    [a1, a2],
    [b0, a0, b1, b2],
  ],
  relocate2: [[a2], [b0, a0, a1, b1, b2]],
  relocate3: [[], [b0, a0, a1, a2, b1, b2]],
  swap11: [
    [b0, a1, a2],
    [a0, b1, b2],
  ],
  swap21: [
    [b0, a2],
    [a0, a1, b1, b2],
  ],
  swap22: [
    [b0, b1, a2],
    [a0, a1, b2],
  ],
  'two-opt-star': [
    [a0, b1, b2],
    [b0, a1, a2],
  ],
};

describe('node operators, one by one', () => {
  for (const op of OPERATORS) {
    it(`${op.name}: applies the move it was given and prices it at the cost change`, () => {
      const ctx = searchContext(lineInstance([3, 1, 2, 1, 3, 2]));
      const operator = op.make(ctx);
      setRoutes(ctx, [A, B]);
      const before = ctx.sol.cost(ctx.pm.cost);
      const delta = operator.evaluate(a0, 1, 1);
      // Something else evaluated in between changes nothing: the move is named by its args.
      operator.evaluate(b2, 0, 2);
      operator.evaluate(a2, 1, 0);
      operator.apply(a0, 1, 1);
      expect(orders(ctx)).toEqual(expected[op.name]);
      const change = ctx.sol.cost(ctx.pm.cost) - before;
      // Exact when improving; otherwise a lower bound may stop the pricing early.
      if (delta < 0) expect(change).toBeCloseTo(delta, 9);
      else expect(change).toBeGreaterThanOrEqual(delta - 1e-9);
    });
  }

  it('relocate1 moves a visit within its own route', () => {
    const ctx = searchContext(lineInstance([3, 1, 2, 1, 3, 2]));
    const relocate = OPERATORS.find((o) => o.name === 'relocate1')!.make(ctx);
    setRoutes(ctx, [A, B]);
    const before = ctx.sol.cost(ctx.pm.cost);
    const delta = relocate.evaluate(a0, 0, 2);
    relocate.apply(a0, 0, 2);
    expect(orders(ctx)).toEqual([[a1, a0, a2], B]);
    // 0→3→1→2→0 = 80 becomes 0→1→3→2→0 = 60 on route 0.
    expect(delta).toBe(-20);
    expect(ctx.sol.cost(ctx.pm.cost) - before).toBe(-20);
  });

  it('refuses moves that do not exist, and apply says so', () => {
    const ctx = searchContext(lineInstance([3, 1, 2, 1, 3, 2]));
    setRoutes(ctx, [A, B]);
    const twoOpt = OPERATORS.find((o) => o.name === 'two-opt-star')!.make(ctx);
    expect(twoOpt.evaluate(a0, 0, 1)).toBe(Number.POSITIVE_INFINITY); // same route
    expect(() => twoOpt.apply(a0, 0, 1)).toThrow(/no move/);
    const swap22 = OPERATORS.find((o) => o.name === 'swap22')!.make(ctx);
    expect(swap22.evaluate(a2, 1, 1)).toBe(Number.POSITIVE_INFINITY); // a2 has no second visit
  });
});

describe('every node operator on random instances with every feature', () => {
  it('an evaluated delta is the cost change after applying it (a lower bound when not improving)', () => {
    fc.assert(
      fc.property(randomInstance, fc.integer({ min: 0, max: 100_000 }), (input, seed) => {
        const ctx = searchContext(input);
        const { d, sol } = ctx;
        const rng = new Rng(seed);
        randomPlan(ctx, rng);
        const ops = OPERATORS.map((o) => o.make(ctx));
        for (let step = 0; step < 30; step++) {
          const before = sol.cost(ctx.pm.cost);
          if (!Number.isFinite(before)) return;
          const op = ops[rng.int(ops.length)];
          const u = rng.int(d.N);
          const rv = rng.int(d.K);
          const pv = rng.int(sol.routes[rv].size + 1);
          const delta = op.evaluate(u, rv, pv);
          if (!Number.isFinite(delta)) continue;
          op.apply(u, rv, pv);
          const change = sol.cost(ctx.pm.cost) - before;
          if (delta < 0) expect(change).toBeCloseTo(delta, 6);
          else expect(change).toBeGreaterThanOrEqual(delta - 1e-6);
        }
      }),
      { numRuns: 200 },
    );
  });
});
