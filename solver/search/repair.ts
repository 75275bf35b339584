import type { OperatorContext } from './operators/operator.ts';
import { dropIncompleteSyncGroups, syncPartners } from './sync-group.ts';

/**
 * Last resort so a plan is never invalid: while some route breaks a hard rule, remove the
 * visit (with its sync partners) whose removal lowers the violation most. Returns the
 * visits removed, which the caller reports as unassigned.
 */
export function repairToFeasible(ctx: OperatorContext): number[] {
  const { d, sol } = ctx;
  const removed: number[] = [];
  const viol = (k: number) => {
    const r = sol.routes[k];
    return r.ev.timeViol + Math.max(0, r.ev.load - d.capacity[k]);
  };
  const drop = (v: number) => {
    for (const g of [v, ...syncPartners(ctx, v)]) {
      if (sol.routeOf[g] < 0) continue;
      sol.remove(g);
      removed.push(g);
    }
    sol.commit();
  };
  removed.push(...dropIncompleteSyncGroups(ctx));
  for (let guard = 0; guard <= d.N && !sol.isFeasible(); guard++) {
    // Sync schedules that never settle: drop one sync visit at a time.
    if (sol.syncBroken) {
      const v = sol.routes
        .flatMap((r) => r.visits)
        .find((x) => d.syncStart[x + 1] > d.syncStart[x]);
      if (v === undefined) break;
      drop(v);
      continue;
    }
    let worst = -1;
    for (let k = 0; k < d.K; k++)
      if (viol(k) > 0 && (worst < 0 || viol(k) > viol(worst))) worst = k;
    if (worst < 0) break;
    const before = sol.snapshot();
    let bestV = -1;
    let bestViol = Number.POSITIVE_INFINITY;
    for (const v of before[worst]) {
      sol.remove(v);
      for (const g of syncPartners(ctx, v)) sol.remove(g);
      sol.commit();
      const total = sol.syncBroken ? Number.POSITIVE_INFINITY : sol.timeViol() + sol.capViol();
      if (total < bestViol) {
        bestViol = total;
        bestV = v;
      }
      sol.restore(before);
    }
    if (bestV < 0) break;
    drop(bestV);
  }
  removed.push(...dropIncompleteSyncGroups(ctx));
  return removed;
}
