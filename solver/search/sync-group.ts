import type { ProblemData } from '../problem/problem-data.ts';
import type { SearchSolution } from './search-solution.ts';

/**
 * The other visits linked to v through sync pairs, transitively (a three-person visit is
 * two pairs sharing a visit): such a group is planned whole or not at all.
 */
export function syncPartners(ctx: { d: ProblemData }, v: number): number[] {
  const d = ctx.d;
  if (d.syncStart[v + 1] === d.syncStart[v]) return [];
  const seen = new Set<number>([v]);
  const queue = [v];
  while (queue.length > 0) {
    const u = queue.pop()!;
    for (let j = d.syncStart[u]; j < d.syncStart[u + 1]; j++) {
      const s = d.syncList[j];
      for (const w of [d.syncFirst[s], d.syncSecond[s]]) {
        if (!seen.has(w)) {
          seen.add(w);
          queue.push(w);
        }
      }
    }
  }
  seen.delete(v);
  return [...seen];
}

/** Removes every sync group that is only partly planned; returns the visits removed. */
export function dropIncompleteSyncGroups(ctx: { d: ProblemData; sol: SearchSolution }): number[] {
  const { d, sol } = ctx;
  const removed: number[] = [];
  for (let s = 0; s < d.syncFirst.length; s++) {
    const a = d.syncFirst[s];
    const b = d.syncSecond[s];
    if (sol.routeOf[a] >= 0 === sol.routeOf[b] >= 0) continue;
    for (const g of [a, b, ...syncPartners(ctx, a)]) {
      if (sol.routeOf[g] < 0) continue;
      sol.remove(g);
      removed.push(g);
    }
  }
  if (removed.length > 0) sol.commit();
  return removed;
}
