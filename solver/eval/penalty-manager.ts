/**
 * Penalty weights for broken hard rules inside the search (PyVRP `PenaltyManager`): the
 * search may cross infeasible ground, and the weights adapt so it ends feasible. After
 * each batch of `window` observations the weight rises when fewer than `target` of the
 * visited solutions were feasible for that rule, and falls otherwise.
 */
export class PenaltyManager {
  /** Per unit of time-rule violation (hard window, break, work stretch, shift end). */
  tw: number;
  /** Per unit of load above capacity. */
  cap: number;
  private twFeasible = 0;
  private capFeasible = 0;
  private seen = 0;

  constructor(
    readonly initTw: number,
    readonly initCap: number,
    private readonly target = 0.6,
    private readonly window = 50,
    private readonly min = 0.1,
    private readonly max = 1e9,
  ) {
    this.tw = initTw;
    this.cap = initCap;
  }

  register(timeViol: number, capViol: number): void {
    if (timeViol === 0) this.twFeasible++;
    if (capViol === 0) this.capFeasible++;
    if (++this.seen < this.window) return;
    this.tw = this.adapt(this.tw, this.twFeasible / this.seen);
    this.cap = this.adapt(this.cap, this.capFeasible / this.seen);
    this.seen = this.twFeasible = this.capFeasible = 0;
  }

  private adapt(w: number, feasibleShare: number): number {
    const diff = feasibleShare - this.target;
    if (Math.abs(diff) < 0.05) return w;
    const next = diff < 0 ? w * 1.25 : w * 0.85;
    return Math.min(this.max, Math.max(this.min, next));
  }

  /** Strong weights used to push a final solution to feasibility. */
  boost(): void {
    this.tw = Math.min(this.max, this.tw * 10);
    this.cap = Math.min(this.max, this.cap * 10);
  }
}
