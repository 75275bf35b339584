import type { ProblemData } from '../../problem/problem-data.ts';
import type { MoveEvaluator } from '../move-evaluator.ts';
import { Proposal } from '../proposal.ts';
import type { SearchSolution } from '../search-solution.ts';

/**
 * A local-search move between visit U and a place in route `rv` after 1-based position
 * `pv` (0 = right after the start depot). `evaluate` prices the best variant without
 * touching the solution; `apply` performs the move last evaluated.
 */
export interface NodeOperator {
  readonly name: string;
  evaluate(u: number, rv: number, pv: number): number;
  apply(): void;
}

export interface OperatorContext {
  d: ProblemData;
  sol: SearchSolution;
  ev: MoveEvaluator;
}

/** Shared plumbing: two reusable proposals and applying them. */
export abstract class TwoRouteOperator implements NodeOperator {
  abstract readonly name: string;
  protected readonly p1 = new Proposal();
  protected readonly p2 = new Proposal();
  protected two = false;

  constructor(protected readonly ctx: OperatorContext) {}

  abstract evaluate(u: number, rv: number, pv: number): number;

  apply(): void {
    applyProposals(this.ctx.sol, this.p1, this.two ? this.p2 : null);
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
