import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SegAcc } from '../../../solver/eval/duration-segment.ts';
import { RouteEval } from '../../../solver/eval/route-eval.ts';
import { simulateRoute } from '../../../solver/eval/simulate-route.ts';
import { prepareProblem } from '../../../solver/problem/problem-data.ts';
import { SearchSolution } from '../../../solver/search/search-solution.ts';
import { lineInstance } from '../helpers/line-instance.ts';

/** A random hard-window route on the line fixture: places and windows per visit. */
const route = fc.array(
  fc.record({
    at: fc.integer({ min: 1, max: 3 }),
    earliest: fc.integer({ min: 0, max: 200 }),
    width: fc.integer({ min: 0, max: 100 }),
  }),
  { minLength: 1, maxLength: 8 },
);

describe('duration segments (fast path)', () => {
  it('agree with the exact simulation on feasibility and arrival time', () => {
    fc.assert(
      fc.property(route, fc.integer({ min: 150, max: 400 }), (stops, shiftEnd) => {
        const input = lineInstance(
          stops.map((s) => s.at),
          {
            visit: stops.map((s) => ({ earliest: s.earliest, latest: s.earliest + s.width })),
            caregiver: [{ shiftEnd, maxShiftEnd: shiftEnd }],
          },
        );
        const d = prepareProblem(input);
        expect(d.simpleTime).toBe(true);
        const sol = new SearchSolution(d);
        sol.setVisits(
          0,
          stops.map((_, v) => v),
        );
        sol.commit();
        const fast = sol.routes[0].ev;
        const exact = new RouteEval();
        simulateRoute(d, 0, sol.routes[0].visits, stops.length, null, exact);
        expect(fast.timeViol === 0).toBe(exact.timeViol === 0);
        if (exact.timeViol === 0) expect(fast.arrival).toBe(exact.arrival);
        expect(fast.arc).toBe(exact.arc);
      }),
      { numRuns: 300 },
    );
  });

  it('joins associatively: (a ⊕ b) ⊕ c = a ⊕ (b ⊕ c)', () => {
    const seg = fc.tuple(
      fc.integer({ min: 0, max: 50 }),
      fc.integer({ min: 0, max: 200 }),
      fc.integer({ min: 0, max: 200 }),
    );
    fc.assert(
      fc.property(
        seg,
        seg,
        seg,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (a, b, c, e1, e2) => {
          const mk = ([dur, early, w]: [number, number, number]) => {
            const s = new SegAcc();
            s.set(dur, 0, early, early + w);
            return s;
          };
          const left = mk(a);
          left.append(e1, b[0], 0, b[1], b[1] + b[2]);
          left.append(e2, c[0], 0, c[1], c[1] + c[2]);
          const bc = mk(b);
          bc.append(e2, c[0], 0, c[1], c[1] + c[2]);
          const right = mk(a);
          right.append(e1, bc.dur, bc.tw, bc.early, bc.late);
          expect([right.dur, right.tw, right.early, right.late]).toEqual([
            left.dur,
            left.tw,
            left.early,
            left.late,
          ]);
        },
      ),
    );
  });
});
