import type { Rng } from '../../util/rng.ts';
import type { OperatorContext } from '../operators/operator.ts';
import { syncPartners } from '../sync-group.ts';

/**
 * SISR string removal (Christiaens & Vanden Berghe 2020): around a random seed visit,
 * removes one string of consecutive visits from each of a few nearby routes. Pinned
 * visits stay; sync partners of removed visits leave with them. Returns what was removed.
 */
export function stringRemoval(
  ctx: OperatorContext,
  neighbours: Int32Array[],
  rng: Rng,
  avgRemoved: number,
  maxString: number,
): { removed: number[]; routes: Set<number> } {
  const { d, sol } = ctx;
  const assigned: number[] = [];
  let used = 0;
  for (let v = 0; v < d.N; v++) if (sol.routeOf[v] >= 0) assigned.push(v);
  if (assigned.length === 0) return { removed: [], routes: new Set() };
  for (const r of sol.routes) if (r.size > 0) used++;
  const avgLen = assigned.length / Math.max(1, used);
  const lsMax = Math.min(maxString, avgLen);
  const ksMax = (4 * avgRemoved) / (1 + lsMax) - 1;
  const ks = Math.floor(rng.next() * ksMax) + 1;
  const seed = assigned[rng.int(assigned.length)];
  const removed: number[] = [];
  const ruined = new Set<number>();
  const visitRoute = (c: number) => {
    const k = sol.routeOf[c];
    if (k < 0 || ruined.has(k)) return;
    ruined.add(k);
    const route = sol.routes[k].visits;
    const lMax = Math.min(route.length, lsMax);
    const len = Math.floor(rng.next() * lMax) + 1;
    const pos = route.indexOf(c);
    // A window of `len` consecutive visits containing c, at a random offset.
    const lo = Math.max(0, Math.min(pos - rng.int(len), route.length - len));
    for (let i = lo; i < lo + len; i++) {
      const v = route[i];
      if (d.pinned[v] < 0) removed.push(v);
    }
  };
  visitRoute(seed);
  for (const c of neighbours[seed]) {
    if (ruined.size >= ks) break;
    visitRoute(c);
  }
  const out = new Set<number>();
  for (const v of removed) {
    out.add(v);
    for (const p of syncPartners(ctx, v)) out.add(p);
  }
  const routes = new Set<number>();
  for (const v of out) {
    if (sol.routeOf[v] >= 0) routes.add(sol.routeOf[v]);
    sol.remove(v);
  }
  sol.commit();
  return { removed: [...out], routes };
}
