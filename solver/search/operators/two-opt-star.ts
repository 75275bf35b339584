import type { ProblemData } from '../../problem/problem-data.ts';
import { TwoRouteOperator } from './operator.ts';

/**
 * 2-opt* (PyVRP `SwapTails`): exchanges the tails after U and after position pv of
 * another route. Strong on time-window problems because both routes keep their order.
 * Supports every feature (priced by the evaluator).
 */
export class TwoOptStar extends TwoRouteOperator {
  readonly name = 'two-opt-star';

  static supports(_d: ProblemData): boolean {
    return true;
  }

  protected build(u: number, rv: number, pv: number): 0 | 1 | 2 {
    const sol = this.ctx.sol;
    const ru = sol.routeOf[u];
    if (ru < 0 || ru === rv) return 0;
    const pu = sol.posOf[u];
    const nA = sol.routes[ru].size;
    const nB = sol.routes[rv].size;
    if (pu === nA && pv === nB) return 0;
    this.p1
      .reset(ru)
      .slice(ru, 1, pu)
      .slice(rv, pv + 1, nB);
    this.p2
      .reset(rv)
      .slice(rv, 1, pv)
      .slice(ru, pu + 1, nA);
    return 2;
  }
}
