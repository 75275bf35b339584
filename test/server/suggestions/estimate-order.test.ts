import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../server/suggestions/caregiver-candidates.ts';
import { type Estimated, EstimateOrder } from '../../../server/suggestions/estimate-order.ts';

const item = (id: string, estimate: number): Estimated => ({
  c: { member: { id } } as Candidate,
  nonContact: 0,
  estimate,
});

describe('EstimateOrder', () => {
  it('gives the order of sorting every estimate, estimating the deferred only when due', () => {
    let seed = 3;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let spared = 0;
    for (let round = 0; round < 200; round++) {
      const all: Estimated[] = [];
      const order = new EstimateOrder();
      const called = new Set<string>();
      let deferred = 0;
      for (let i = 0; i < 30; i++) {
        // Whole numbers, so ties happen (broken by id); a fifth refused (null) when deferred.
        const e = item(`s${String(i).padStart(2, '0')}`, Math.floor(rnd() * 50));
        if (rnd() < 0.5) {
          all.push(e);
          order.add(e);
          continue;
        }
        deferred++;
        const refused = rnd() < 0.2;
        if (!refused) all.push(e);
        order.defer(e.estimate - Math.floor(rnd() * 10), () => {
          expect(called.has(e.c.member.id)).toBe(false);
          called.add(e.c.member.id);
          return refused ? null : e;
        });
      }
      all.sort((a, b) => a.estimate - b.estimate || a.c.member.id.localeCompare(b.c.member.id));
      // The ranking stops after a few: the rest of the deferred are never estimated.
      const take = 1 + Math.floor(rnd() * 8);
      const got: Estimated[] = [];
      for (let i = 0; i < take; i++) {
        const e = order.next();
        if (e) got.push(e);
      }
      expect(got).toEqual(all.slice(0, take));
      spared += deferred - called.size;
      if (round % 2 === 0) {
        for (let e = order.next(); e; e = order.next()) got.push(e);
        expect(got).toEqual(all);
      }
    }
    expect(spared).toBeGreaterThan(0);
  });
});
