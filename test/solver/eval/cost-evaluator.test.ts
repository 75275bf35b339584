import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProblemInput } from '../../../solver/model/problem-input.ts';
import type { Solution } from '../../../solver/model/solution.ts';
import { schedulePlan } from '../../../solver/schedule-plan.ts';
import { validate } from '../../../solver/validate/validate.ts';
import { randomInstance } from '../helpers/random-instance.ts';

/** Any plan: each visit to a random caregiver (or left out), routes in a random order. */
const instanceAndPlan = randomInstance.chain((input) =>
  fc
    .array(fc.integer({ min: -1, max: input.caregivers.length - 1 }), {
      minLength: input.visits.length,
      maxLength: input.visits.length,
    })
    .chain((routeOf) =>
      fc
        .shuffledSubarray(
          input.visits.map((_, v) => v),
          { minLength: input.visits.length, maxLength: input.visits.length },
        )
        .map((order) => ({ input, plan: planOf(input, routeOf, order) })),
    ),
);

function planOf(input: ProblemInput, routeOf: number[], order: number[]): Solution {
  const routes = input.caregivers.map((_, k) => ({
    caregiver: k,
    stops: order
      .filter((v) => routeOf[v] === k)
      .map((v) => ({ kind: 'visit' as const, visit: v, start: 0 })),
    departure: 0,
    arrival: 0,
  }));
  return { routes, unassigned: [], cost: 0, terms: {} as Solution['terms'] };
}

describe('the cost evaluator against the independent validator', () => {
  it('prices every plan (any order, any caregiver, rules broken or not) as the validator does', () => {
    fc.assert(
      fc.property(instanceAndPlan, ({ input, plan }) => {
        // schedulePlan times the plan and prices it with the evaluator (unloadSolution).
        const priced = schedulePlan(input, plan);
        const check = validate(input, priced, { checkReportedCost: false });
        expect(priced.terms).toEqual(check.terms);
        expect(priced.cost).toBe(check.cost);
      }),
      { numRuns: 300 },
    );
  });
});
