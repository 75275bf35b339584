import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankInsertions } from '../../../solver/insertion/rank-insertions.ts';
import type { Solution } from '../../../solver/model/solution.ts';
import { schedulePlan } from '../../../solver/schedule-plan.ts';
import { solve } from '../../../solver/solve.ts';
import { validate } from '../../../solver/validate/validate.ts';
import { lineInstance } from '../helpers/line-instance.ts';
import { randomInstance } from '../helpers/random-instance.ts';

let tick = 0;
const clock = () => tick++;

/** The plan's visit orders with `visit` inserted as suggested (times are recomputed by schedulePlan). */
function withInsertion(plan: Solution, visit: number, k: number, pos: number) {
  const routes = plan.routes.map((r) => ({
    ...r,
    stops: r.stops.filter((s) => s.kind === 'visit'),
  }));
  routes[k].stops.splice(pos, 0, { kind: 'visit', visit, start: 0 });
  return { ...plan, routes };
}

describe('rankInsertions', () => {
  it('ranks the cheapest places first, with hand-checkable numbers', () => {
    const input = lineInstance([1, 3, 2], { visit: [{}, {}, { unassignedPenalty: 0 }] });
    const plan = solve(input, { seed: 1, timeLimitMs: 1e12, clock, maxIterations: 20 });
    expect(plan.unassigned.map((u) => u.visit)).toEqual([2]);
    const [best] = rankInsertions(input, plan, 2);
    // On the way between 1 and 3 (either direction): no extra distance at all.
    expect(best.deltaCost).toBe(0);
    expect(best.addedTravel).toBe(0);
    const after = schedulePlan(input, withInsertion(plan, 2, best.caregiver, best.position));
    const stop = after.routes[best.caregiver].stops.find(
      (s) => s.kind === 'visit' && s.visit === 2,
    );
    expect(stop?.start).toBe(best.start);
  });

  it('suggests only feasible places, priced as the validator prices the resulting plan', () => {
    fc.assert(
      fc.property(randomInstance, (input) => {
        // Plan without the last visit, then rank places for it.
        const last = input.visits.length - 1;
        if (input.syncs.some((s) => s.first === last || s.second === last)) return;
        const penalty = input.visits[last].unassignedPenalty;
        input.visits[last].unassignedPenalty = 0;
        const plan = solve(input, { seed: 3, timeLimitMs: 1e12, clock, maxIterations: 10 });
        input.visits[last].unassignedPenalty = penalty;
        if (plan.routes.some((r) => r.stops.some((s) => s.kind === 'visit' && s.visit === last)))
          return;
        const before = validate(input, plan, { checkReportedCost: false });
        const ranked = rankInsertions(input, plan, last, 5);
        for (let i = 1; i < ranked.length; i++) {
          expect(ranked[i].deltaCost).toBeGreaterThanOrEqual(ranked[i - 1].deltaCost);
        }
        for (const r of ranked) {
          const next = withInsertion(plan, last, r.caregiver, r.position);
          const after = schedulePlan(input, next);
          const v = validate(input, after);
          expect(v.violations).toEqual([]);
          expect(after.unassigned.some((u) => u.visit === last)).toBe(false);
          expect(v.cost - before.cost + penalty).toBe(r.deltaCost);
        }
      }),
      { numRuns: 80 },
    );
  });
});
