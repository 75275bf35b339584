import type { ProblemData } from '../problem/problem-data.ts';
import { CostEvaluator } from './cost-evaluator.ts';

/**
 * Penalty weights for broken hard rules inside the search (PyVRP `PenaltyManager`): the
 * search may cross infeasible ground, and the weights adapt so it ends feasible. After
 * each batch of `window` observations the weight rises when fewer than `target` of the
 * visited solutions were feasible for that rule, and falls otherwise. It owns the weights
 * and hands them out in its cost evaluator (`cost`), which every pricer of the search uses.
 */
export class PenaltyManager {
  readonly cost: CostEvaluator;
  private twFeasible = 0;
  private capFeasible = 0;
  private seen = 0;
  private saved: { tw: number; cap: number } | null = null;

  constructor(
    d: ProblemData,
    initTw: number,
    initCap: number,
    private readonly target = 0.6,
    private readonly window = 50,
    private readonly min = 0.1,
    private readonly max = 1e9,
  ) {
    this.cost = new CostEvaluator(d, initTw, initCap);
  }

  /** Initial weights near the average arc cost per unit of time and of demand, as in PyVRP. */
  static forProblem(d: ProblemData): PenaltyManager {
    let arc = 0;
    let time = 0;
    const am = d.arcCost[0];
    const tm = d.travel[0];
    for (let i = 0; i < am.length; i++) {
      arc += am[i];
      time += tm[i];
    }
    let demand = 0;
    for (let v = 0; v < d.N; v++) demand += d.demand[v];
    const avgArc = arc / Math.max(1, am.length);
    const tw = Math.max(1, avgArc / Math.max(1, time / Math.max(1, tm.length)));
    const cap = Math.max(1, avgArc / Math.max(1, demand / Math.max(1, d.N)));
    return new PenaltyManager(d, tw, cap);
  }

  get tw(): number {
    return this.cost.tw;
  }

  get cap(): number {
    return this.cost.cap;
  }

  register(timeViol: number, capViol: number): void {
    if (timeViol === 0) this.twFeasible++;
    if (capViol === 0) this.capFeasible++;
    if (++this.seen < this.window) return;
    this.cost.tw = this.adapt(this.cost.tw, this.twFeasible / this.seen);
    this.cost.cap = this.adapt(this.cost.cap, this.capFeasible / this.seen);
    this.seen = this.twFeasible = this.capFeasible = 0;
  }

  private adapt(w: number, feasibleShare: number): number {
    const diff = feasibleShare - this.target;
    if (Math.abs(diff) < 0.05) return w;
    const next = diff < 0 ? w * 1.25 : w * 0.85;
    return Math.min(this.max, Math.max(this.min, next));
  }

  /**
   * Weights so strong that no violation ever pays: the final re-insertion after the repair
   * takes feasible places only. Above the adaptive range on purpose.
   */
  forbidViolations(): void {
    if (this.cost.tw < FORBIDDING) this.saved = { tw: this.cost.tw, cap: this.cost.cap };
    this.cost.tw = this.cost.cap = FORBIDDING;
  }

  /** Back to the adaptive weights held before `forbidViolations`. */
  allowViolations(): void {
    if (this.saved === null) return;
    this.cost.tw = this.saved.tw;
    this.cost.cap = this.saved.cap;
    this.saved = null;
  }
}

const FORBIDDING = 1e12;
