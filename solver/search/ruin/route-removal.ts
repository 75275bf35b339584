import type { Rng } from '../../util/rng.ts';
import type { OperatorContext } from '../operators/operator.ts';
import { syncPartners } from '../sync-group.ts';

/**
 * Removes one whole short route (one of the three shortest, at random), for objectives
 * that price routes (vehicles first): string removals almost never empty a route, so
 * without this the fleet size is stuck where construction left it. Pinned visits stay.
 */
export function routeRemoval(
  ctx: OperatorContext,
  rng: Rng,
): { removed: number[]; routes: Set<number> } {
  const { d, sol } = ctx;
  const used = sol.routes.filter((r) => r.size > 0).sort((a, b) => a.size - b.size || a.k - b.k);
  const routes = new Set<number>();
  if (used.length < 2) return { removed: [], routes };
  const route = used[rng.int(Math.min(3, used.length))];
  const out = new Set<number>();
  for (const v of route.visits) {
    if (d.pinned[v] >= 0) continue;
    out.add(v);
    for (const p of syncPartners(ctx, v)) out.add(p);
  }
  for (const v of out) {
    if (sol.routeOf[v] >= 0) routes.add(sol.routeOf[v]);
    sol.remove(v);
  }
  sol.commit();
  return { removed: [...out], routes };
}
