import { RouteEval } from '../eval/route-eval.ts';
import { STATE } from '../eval/route-simulator.ts';
import type { UnassignedReason } from '../model/solution.ts';
import type { OperatorContext } from './operators/operator.ts';
import { Proposal } from './proposal.ts';
import { syncPartners } from './sync-group.ts';

/**
 * Why each unassigned visit is out, checked against the final plan: nobody qualified,
 * everyone qualified excluded, no place meets the time rules, only capacity blocks it,
 * its sync partner cannot be placed, or it fits but costs more than its penalty.
 */
export function unassignedReasons(ctx: OperatorContext): Map<number, UnassignedReason> {
  const { d, sol, ev } = ctx;
  const out = new Map<number, UnassignedReason>();
  const p = new Proposal();
  const e = new RouteEval();
  for (let v = 0; v < d.N; v++) {
    if (sol.routeOf[v] >= 0) continue;
    if (!d.anyQualified[v]) {
      out.set(v, 'no_qualified_caregiver');
      continue;
    }
    let anyAllowed = false;
    let timeOk = false;
    let fits = false;
    for (let k = 0; k < d.K && !fits; k++) {
      if (!d.allowed[v * d.K + k]) continue;
      anyAllowed = true;
      const r = sol.routes[k];
      const states = d.simpleTime || r.statesRelease || r.ev.timeViol > 0 ? null : r.states;
      const tm = d.travel[d.profile[k]];
      const latest = Math.min(d.latestHard[v] ? d.latest[v] : Infinity, d.skillHi[v * d.K + k]);
      for (let pos = 1; pos <= r.size + 1 && !fits; pos++) {
        if (states !== null) {
          // Cheap test first: reaching v from the planned predecessor is already too late.
          const o = (pos - 1) * STATE;
          const from = pos === 1 ? d.startLoc[k] : d.loc[r.visits[pos - 2]];
          const start = Math.max(states[o] + tm[from * d.L + d.loc[v]], d.earliest[v]);
          if (start > latest) continue;
        }
        p.reset(k)
          .slice(k, 1, pos - 1)
          .visit(v)
          .slice(k, pos, r.size);
        if (!ev.evaluate(p, e)) continue;
        // Compare with the route as it is, so an existing violation is not blamed on v.
        if (e.timeViol > r.ev.timeViol) continue;
        timeOk = true;
        if (e.load <= d.capacity[k] || e.load <= r.ev.load) fits = true;
      }
    }
    const partners = syncPartners(ctx, v);
    if (!anyAllowed) out.set(v, 'excluded_all');
    else if (fits) out.set(v, partners.length > 0 ? 'sync_partner' : 'not_worth_it');
    else if (partners.some((g) => !d.anyQualified[g])) out.set(v, 'sync_partner');
    else out.set(v, timeOk ? 'capacity' : 'time_window');
  }
  return out;
}
