import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earliestSchedule } from '../../../solver/io/earliest-schedule.ts';
import { parseSolomon } from '../../../solver/io/solomon.ts';
import { validate } from '../../../solver/validate/validate.ts';

const c101 = parseSolomon(
  readFileSync(new URL('../../../bench/data/solomon/c101.txt', import.meta.url), 'utf8'),
  {
    rounding: 'dimacs',
    objective: 'hierarchical',
  },
);
const n = c101.locations;
const dist = c101.profiles[0].distances;

/** Any split of any subset of C101's customers into at most 25 routes. */
const plans = fc
  .tuple(
    fc.shuffledSubarray(
      c101.visits.map((_, i) => i),
      { minLength: 0, maxLength: 100 },
    ),
    fc.array(fc.integer({ min: 0, max: 24 }), { minLength: 100, maxLength: 100 }),
  )
  .map(([visits, routeOf]) => {
    const seqs: number[][] = c101.caregivers.map(() => []);
    visits.forEach((v, i) => {
      seqs[routeOf[i]].push(v);
    });
    return seqs;
  });

describe('validator properties on random C101 plans', () => {
  it('prices distance, vehicles and missing customers exactly, and flags exactly the overloaded routes', () => {
    fc.assert(
      fc.property(plans, (seqs) => {
        const r = validate(c101, earliestSchedule(c101, seqs), { checkReportedCost: false });
        let distance = 0;
        let used = 0;
        let overloaded = 0;
        let placed = 0;
        for (const seq of seqs) {
          if (seq.length === 0) continue;
          used++;
          placed += seq.length;
          const path = [0, ...seq.map((v) => c101.visits[v].location), 0];
          for (let i = 1; i < path.length; i++) distance += dist[path[i - 1] * n + path[i]];
          if (seq.reduce((load, v) => load + c101.visits[v].demand, 0) > 200) overloaded++;
        }
        expect(r.terms.distance).toBe(distance);
        expect(r.terms.usedCaregivers).toBe(used);
        expect(r.terms.unassignedPenalty).toBe((100 - placed) * c101.visits[0].unassignedPenalty);
        expect(r.cost).toBe(
          distance + used * c101.caregivers[0].fixedCost + r.terms.unassignedPenalty,
        );
        expect(r.violations.filter((v) => v.includes('over capacity'))).toHaveLength(overloaded);
        expect(r.violations.some((v) => v.includes('twice') || v.includes('neither'))).toBe(false);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
