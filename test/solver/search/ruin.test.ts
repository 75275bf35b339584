import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeNeighbours } from '../../../solver/search/neighbours.ts';
import type { OperatorContext } from '../../../solver/search/operators/operator.ts';
import { routeRemoval } from '../../../solver/search/ruin/route-removal.ts';
import { stringRemoval } from '../../../solver/search/ruin/string-removal.ts';
import { SearchSolution } from '../../../solver/search/search-solution.ts';
import { syncPartners } from '../../../solver/search/sync-group.ts';
import { Rng } from '../../../solver/util/rng.ts';
import { randomInstance } from '../helpers/random-instance.ts';
import { orders, randomPlan, searchContext } from '../helpers/search-context.ts';

type Ruin = (ctx: OperatorContext, rng: Rng) => { removed: number[]; routes: Set<number> };
const ruins: [string, Ruin][] = [
  ['string removal', (ctx, rng) => stringRemoval(ctx, computeNeighbours(ctx.d, 5), rng, 3, 4)],
  ['route removal', (ctx, rng) => routeRemoval(ctx, rng)],
];

describe.each(ruins)('%s', (_, ruin) => {
  it('removes only what it reports, pinned visits only with a partner, sync groups whole, and the cost follows', () => {
    fc.assert(
      fc.property(randomInstance, fc.integer({ min: 0, max: 100_000 }), (input, seed) => {
        const ctx = searchContext(input);
        const { d, sol } = ctx;
        const rng = new Rng(seed);
        randomPlan(ctx, rng, 0.9);
        const before = orders(ctx);
        const { removed, routes } = ruin(ctx, rng);
        const gone = new Set(removed);
        expect(gone.size).toBe(removed.length);
        for (const v of removed) {
          expect(sol.routeOf[v]).toBe(-1);
          const partners = syncPartners(ctx, v);
          for (const p of partners) expect(sol.routeOf[p]).toBe(-1);
          // A pinned visit leaves only with a sync partner that is not pinned.
          if (d.pinned[v] >= 0)
            expect(partners.some((p) => d.pinned[p] < 0 && gone.has(p))).toBe(true);
        }
        // Every other visit stays where it was, in the same order; `routes` are those touched.
        before.forEach((visits, k) => {
          expect(sol.routes[k].visits).toEqual(visits.filter((v) => !gone.has(v)));
          expect(routes.has(k)).toBe(visits.some((v) => gone.has(v)));
        });
        // The cached costs after the ruin are those of the same routes built from scratch.
        const fresh = new SearchSolution(d);
        sol.routes.forEach((r, k) => fresh.setVisits(k, r.visits.slice()));
        fresh.commit();
        expect(sol.cost(ctx.pm.cost)).toBeCloseTo(fresh.cost(ctx.pm.cost), 6);
      }),
      { numRuns: 150 },
    );
  });
});
