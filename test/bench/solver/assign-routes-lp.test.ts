import { describe, expect, it } from 'vitest';
import type { ProblemInput } from '../../../solver/model/problem-input.ts';
import { type Solution, zeroCostTerms } from '../../../solver/model/solution.ts';
import { assignRoutesByLp } from '../../../bench/solver/assign-routes-lp.ts';
import { schedulePlan } from '../../../solver/schedule-plan.ts';
import { validate } from '../../../solver/validate/validate.ts';
import { lineInstance } from '../../solver/helpers/line-instance.ts';

/** v0, v1 at location 1 for patient 0 (contact c1); v2 at location 3 for patient 1 (no contact). */
function instance(): ProblemInput {
  const input = lineInstance([1, 1, 3], {
    visit: [{ patient: 0 }, { patient: 0 }, { patient: 1 }],
  });
  input.patients = [
    { id: 'p0', contact: 1, known: [], maxDistinct: 0 },
    { id: 'p1', contact: -1, known: [], maxDistinct: 0 },
  ];
  input.weights.nonContact = 100;
  return input;
}

function plan(input: ProblemInput, routes: number[][]): Solution {
  return schedulePlan(input, {
    routes: routes.map((seq, k) => ({
      caregiver: k,
      stops: seq.map((v) => ({ kind: 'visit' as const, visit: v, start: 0 })),
      departure: 0,
      arrival: 0,
    })),
    unassigned: [],
    cost: 0,
    terms: zeroCostTerms(),
  });
}

const visitsOn = (s: Solution, k: number) =>
  s.routes[k].stops.flatMap((st) => (st.kind === 'visit' ? [st.visit] : []));

describe('assignRoutesByLp', () => {
  it('swaps whole routes so the contact caregiver makes its patient’s visits', () => {
    const input = instance();
    const start = plan(input, [[0, 1], [2]]);
    expect(validate(input, start).valid).toBe(true);
    expect(start.terms.nonContact).toBe(2);

    const out = assignRoutesByLp(input, start);
    expect(out.improved).toBe(true);
    expect(out.before).toBe(start.cost);
    expect(out.after).toBeLessThan(out.before);
    expect(visitsOn(out.plan, 0)).toEqual([2]);
    expect(visitsOn(out.plan, 1)).toEqual([0, 1]);
    const check = validate(input, out.plan);
    expect(check.violations).toEqual([]);
    expect(check.terms.nonContact).toBe(0);
    expect(check.cost).toBe(out.after);
  });

  it('returns the same plan when no re-assignment pays', () => {
    const input = instance();
    const start = plan(input, [[2], [0, 1]]);
    const out = assignRoutesByLp(input, start);
    expect(out.improved).toBe(false);
    expect(out.plan).toBe(start);
    expect(out.after).toBe(out.before);
  });

  it('leaves a route on its caregiver when the other one may not make it', () => {
    const input = instance();
    input.visits[0].excluded = [1];
    const start = plan(input, [[0, 1], [2]]);
    const out = assignRoutesByLp(input, start);
    expect(out.improved).toBe(false);
    expect(out.plan).toBe(start);
  });

  it('keeps routes with a sync visit on their caregiver', () => {
    const input = instance();
    input.visits.push({ ...input.visits[2], id: 'v3', patient: -1 });
    input.syncs = [{ first: 0, second: 3, minGap: 0, maxGap: 0 }];
    const start = plan(input, [
      [0, 1],
      [3, 2],
    ]);
    expect(validate(input, start).valid).toBe(true);
    const out = assignRoutesByLp(input, start);
    expect(out.improved).toBe(false);
    expect(out.plan).toBe(start);
  });
});
