import type { Weights } from '../model/problem-input.ts';
import type { CostTerms } from '../model/solution.ts';
import type { ProblemData } from '../problem/problem-data.ts';
import type { RouteEval } from './route-eval.ts';

/**
 * The objective in one place (the contract in model/solution.ts): what a route's terms, a
 * patient's distinct caregivers and a whole plan's terms cost, and inside the search the
 * penalty weights of broken hard rules. The search, the unloaded result, the live ranking
 * and the server's estimate all price through it; the validator recomputes from scratch
 * on purpose and does not. Handed out by the PenaltyManager, which adapts `tw` and `cap`.
 */
export class CostEvaluator {
  readonly w: Weights;

  constructor(
    private readonly d: ProblemData,
    /** Per unit of time-rule violation (hard window, break, work stretch, shift end). */
    public tw: number,
    /** Per unit of load above capacity. */
    public cap: number,
  ) {
    this.w = d.weights;
  }

  /** The objective part of route k: arcs, fixed and assign cost, lateness, overtime. */
  routeBase(ev: RouteEval, k: number): number {
    if (ev.visits === 0) return 0;
    const w = this.w;
    return (
      ev.arc + this.d.fixed[k] + ev.assign + w.lateness * ev.lateness + w.overtime * ev.overtime
    );
  }

  /** routeBase plus the penalties of the hard rules route k breaks. */
  route(ev: RouteEval, k: number): number {
    const over = ev.load - this.d.capacity[k];
    return this.routeBase(ev, k) + this.tw * ev.timeViol + (over > 0 ? this.cap * over : 0);
  }

  /** Cost of the plan's largest single lateness. */
  maxLate(maxLate: number): number {
    return this.w.maxLateness * maxLate;
  }

  /** Distinct-caregiver cost of patient p seeing `n` caregivers. */
  distinct(p: number, n: number): number {
    return distinctCost(this.w, n, this.d.input.patients[p].maxDistinct);
  }

  /** The whole plan's cost from its terms. */
  total(t: CostTerms): number {
    return totalCost(this.w, t);
  }
}

/** Cost of one trip. */
export function travelCost(w: Weights, seconds: number, metres: number): number {
  return w.travelTime * seconds + w.distance * metres;
}

/** Cost of `amount` lateness; of `amount` overtime. */
export function latenessCost(w: Weights, amount: number): number {
  return w.lateness * amount;
}
export function overtimeCost(w: Weights, amount: number): number {
  return w.overtime * amount;
}

/** Distinct-caregiver cost of a patient seeing `n` caregivers, with its cap (0 = none). */
export function distinctCost(w: Weights, n: number, cap: number): number {
  return (
    w.distinctCaregiver * Math.max(0, n - 1) +
    (cap > 0 ? w.distinctOverCap * Math.max(0, n - cap) : 0)
  );
}

/** The contract's weighted sum of a plan's terms. */
export function totalCost(w: Weights, t: CostTerms): number {
  return (
    w.travelTime * t.travelTime +
    w.distance * t.distance +
    w.lateness * t.lateness +
    w.maxLateness * t.maxLateness +
    w.overtime * t.overtime +
    w.nonContact * t.nonContact +
    w.distinctCaregiver * t.distinctCaregivers +
    w.distinctOverCap * t.distinctOverCap +
    w.fixedCost * t.fixedCost +
    t.unassignedPenalty -
    t.knownCredit
  );
}
