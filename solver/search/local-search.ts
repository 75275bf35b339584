import type { Rng } from '../util/rng.ts';
import type { NodeOperator, OperatorContext } from './operators/operator.ts';
import { makeOperators } from './operators/registry.ts';

const EPS = 1e-7;

/**
 * First-improvement local search over granular neighbourhoods (PyVRP `LocalSearch`).
 * A pair (U, V) is re-examined only when one of their routes changed since U was last
 * tested, which makes repeated calls after a small ruin-and-recreate cheap.
 */
export class LocalSearch {
  private readonly ops: NodeOperator[];
  private readonly lastTested: Float64Array;
  private readonly lastModified: Float64Array;
  private stamp = 1;
  private readonly order: number[];

  constructor(
    private readonly ctx: OperatorContext,
    private readonly neighbours: Int32Array[],
  ) {
    this.ops = makeOperators(ctx);
    this.lastTested = new Float64Array(ctx.d.N).fill(-1);
    this.lastModified = new Float64Array(ctx.d.K).fill(0);
    this.order = Array.from({ length: ctx.d.N }, (_, i) => i);
  }

  /** Marks routes as changed from outside (ruin/recreate), so their pairs are retested. */
  touch(k: number): void {
    this.lastModified[k] = this.stamp++;
  }

  touchAll(): void {
    for (let k = 0; k < this.ctx.d.K; k++) this.touch(k);
  }

  /** Runs until no improving move is left (or `stop()` says so); returns moves applied. */
  run(rng: Rng, stop: () => boolean): number {
    const { sol, d } = this.ctx;
    rng.shuffle(this.order);
    let applied = 0;
    let improved = true;
    while (improved) {
      improved = false;
      if (stop()) break;
      let checked = 0;
      for (const u of this.order) {
        if ((++checked & 63) === 0 && stop()) return applied;
        const ru0 = sol.routeOf[u];
        if (ru0 < 0) continue;
        const tested = this.lastTested[u];
        this.lastTested[u] = this.stamp++;
        for (const v of this.neighbours[u]) {
          const rv = sol.routeOf[v];
          const ru = sol.routeOf[u];
          if (rv < 0 || ru < 0) continue;
          if (Math.max(this.lastModified[ru], this.lastModified[rv]) <= tested) continue;
          if (this.tryOps(u, rv, sol.posOf[v]) || (sol.posOf[v] === 1 && this.tryOps(u, rv, 0))) {
            applied++;
            improved = true;
          }
        }
        // Also try U into one empty route (opens a new route when that pays).
        const ru = sol.routeOf[u];
        if (ru < 0 || sol.routes[ru].size === 1) continue;
        for (let k = 0; k < d.K; k++) {
          if (sol.routes[k].size !== 0 || !d.allowed[u * d.K + k]) continue;
          if (this.tryOps(u, k, 0)) {
            applied++;
            improved = true;
          }
          break;
        }
      }
    }
    return applied;
  }

  private tryOps(u: number, rv: number, pv: number): boolean {
    const sol = this.ctx.sol;
    for (const op of this.ops) {
      const delta = op.evaluate(u, rv, pv);
      if (delta < -EPS) {
        const ru = sol.routeOf[u];
        op.apply(u, rv, pv);
        this.touch(ru);
        this.touch(rv);
        return true;
      }
    }
    return false;
  }
}
