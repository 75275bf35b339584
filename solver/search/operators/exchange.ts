import type { ProblemData } from '../../problem/problem-data.ts';
import { type OperatorContext, TwoRouteOperator } from './operator.ts';

/**
 * Exchange(N, M) after PyVRP's `Exchange.h`: moves the segment of N visits starting at U
 * to after position pv of route rv (M = 0: relocate / or-opt), or swaps it with the M
 * visits starting at pv (M > 0: swap). Works within one route and between two.
 * Supports every feature: pricing is left to the evaluator.
 */
export class Exchange extends TwoRouteOperator {
  readonly name: string;

  constructor(
    ctx: OperatorContext,
    readonly N: number,
    readonly M: number,
  ) {
    super(ctx);
    this.name = M === 0 ? `relocate${N}` : `swap${N}${M}`;
  }

  static supports(_d: ProblemData): boolean {
    return true;
  }

  protected build(u: number, rv: number, pv: number): 0 | 1 | 2 {
    const sol = this.ctx.sol;
    const N = this.N;
    const M = this.M;
    const ru = sol.routeOf[u];
    if (ru < 0) return 0;
    const pu = sol.posOf[u];
    const nA = sol.routes[ru].size;
    if (pu + N - 1 > nA) return 0;
    const nB = sol.routes[rv].size;
    if (M > 0 && (pv < 1 || pv + M - 1 > nB)) return 0;
    if (ru !== rv) {
      const a = this.p1.reset(ru).slice(ru, 1, pu - 1);
      const b = this.p2.reset(rv);
      if (M === 0) {
        a.slice(ru, pu + N, nA);
        b.slice(rv, 1, pv)
          .slice(ru, pu, pu + N - 1)
          .slice(rv, pv + 1, nB);
      } else {
        a.slice(rv, pv, pv + M - 1).slice(ru, pu + N, nA);
        b.slice(rv, 1, pv - 1)
          .slice(ru, pu, pu + N - 1)
          .slice(rv, pv + M, nB);
      }
      return 2;
    }
    const p = this.p1.reset(ru);
    const uEnd = pu + N - 1;
    if (M === 0) {
      if (pv >= pu - 1 && pv <= uEnd) return 0;
      if (pv < pu) {
        p.slice(ru, 1, pv)
          .slice(ru, pu, uEnd)
          .slice(ru, pv + 1, pu - 1)
          .slice(ru, uEnd + 1, nA);
      } else {
        p.slice(ru, 1, pu - 1)
          .slice(ru, uEnd + 1, pv)
          .slice(ru, pu, uEnd)
          .slice(ru, pv + 1, nA);
      }
      return 1;
    }
    const vEnd = pv + M - 1;
    if (pu < pv) {
      if (uEnd >= pv) return 0;
      p.slice(ru, 1, pu - 1)
        .slice(ru, pv, vEnd)
        .slice(ru, uEnd + 1, pv - 1);
      p.slice(ru, pu, uEnd).slice(ru, vEnd + 1, nA);
    } else {
      if (vEnd >= pu || N === M) return 0; // N = M is symmetric: the other order covers it
      p.slice(ru, 1, pv - 1)
        .slice(ru, pu, uEnd)
        .slice(ru, vEnd + 1, pu - 1);
      p.slice(ru, pv, vEnd).slice(ru, uEnd + 1, nA);
    }
    return 1;
  }
}
