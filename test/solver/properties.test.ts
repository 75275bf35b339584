import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from '../../solver/solve.ts';
import { expectValid } from './helpers/check.ts';
import { randomInstance } from './helpers/random-instance.ts';

let tick = 0;
const clock = () => tick++;
const run = (input: Parameters<typeof solve>[0], seed: number) =>
  solve(input, { seed, timeLimitMs: 1e12, clock, maxIterations: 30 });

describe('solve on random small instances with every feature', () => {
  it('always returns a plan the independent validator accepts, priced exactly', () => {
    fc.assert(
      fc.property(randomInstance, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        const solution = run(input, seed);
        expectValid(input, solution);
        // Every visit is either planned or reported with a reason.
        const planned = solution.routes.flatMap((r) => r.stops.filter((s) => s.kind === 'visit'));
        expect(planned.length + solution.unassigned.length).toBe(input.visits.length);
      }),
      { numRuns: 150 },
    );
  });

  it('is reproducible: same seed and iteration budget give the same plan', () => {
    fc.assert(
      fc.property(randomInstance, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        expect(run(input, seed)).toEqual(run(input, seed));
      }),
      { numRuns: 30 },
    );
  });
});
