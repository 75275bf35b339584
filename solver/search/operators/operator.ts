import type { ProblemData } from '../../problem/problem-data.ts';
import type { MoveEvaluator } from '../move-evaluator.ts';
import { Proposal } from '../proposal.ts';
import type { SearchSolution } from '../search-solution.ts';

/**
 * A local-search move between visit U and a place in route `rv` after 1-based position
 * `pv` (0 = right after the start depot). The move is named by (u, rv, pv) alone:
 * `evaluate` prices it without touching the solution, `apply` performs that same move on
 * the solution as it stands (nothing is remembered between the two calls).
 */
export interface NodeOperator {
  readonly name: string;
  /** Cost change of the move (+∞ when it does not exist or is not allowed). */
  evaluate(u: number, rv: number, pv: number): number;
  apply(u: number, rv: number, pv: number): void;
}

export interface OperatorContext {
  d: ProblemData;
  sol: SearchSolution;
  ev: MoveEvaluator;
}

/**
 * Shared plumbing: an operator describes the move (u, rv, pv) as one or two proposals
 * (`build`, into scratch proposals it overwrites on every call); evaluating prices them,
 * applying builds them again from the same move and writes them.
 */
export abstract class TwoRouteOperator implements NodeOperator {
  abstract readonly name: string;
  protected readonly p1 = new Proposal();
  protected readonly p2 = new Proposal();

  constructor(protected readonly ctx: OperatorContext) {}

  /** Fills p1 (and p2); the number of routes the move changes, 0 when there is no move. */
  protected abstract build(u: number, rv: number, pv: number): 0 | 1 | 2;

  evaluate(u: number, rv: number, pv: number): number {
    const routes = this.build(u, rv, pv);
    if (routes === 0) return Number.POSITIVE_INFINITY;
    return this.ctx.ev.delta(this.p1, routes === 2 ? this.p2 : null, 0);
  }

  apply(u: number, rv: number, pv: number): void {
    const routes = this.build(u, rv, pv);
    if (routes === 0) throw new Error(`${this.name}: no move (${u}, ${rv}, ${pv}) to apply`);
    applyProposals(this.ctx.sol, this.p1, routes === 2 ? this.p2 : null);
  }
}

/** Builds the visit order of a proposal from the current routes. */
export function materialize(sol: SearchSolution, p: Proposal): number[] {
  const out: number[] = [];
  for (let i = 0; i < p.n; i++) {
    const r = p.route[i];
    if (r < 0) out.push(p.from[i]);
    else for (let q = p.from[i]; q <= p.to[i]; q++) out.push(sol.routes[r].visits[q - 1]);
  }
  return out;
}

export function applyProposals(sol: SearchSolution, p1: Proposal, p2: Proposal | null): void {
  const a = materialize(sol, p1);
  const b = p2 !== null ? materialize(sol, p2) : null;
  sol.setVisits(p1.k, a);
  if (p2 !== null && b !== null) sol.setVisits(p2.k, b);
  sol.commit();
}
