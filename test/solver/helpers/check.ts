import { expect } from 'vitest';
import type { ProblemInput } from '../../../solver/model/problem-input.ts';
import type { Solution } from '../../../solver/model/solution.ts';
import { validate } from '../../../solver/validate/validate.ts';

/** Every solver result must pass the independent validator, reported cost included. */
export function expectValid(input: ProblemInput, solution: Solution): void {
  const r = validate(input, solution);
  expect(r.violations).toEqual([]);
  expect(solution.cost).toBe(r.cost);
}
