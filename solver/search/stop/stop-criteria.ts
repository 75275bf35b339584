/**
 * Composable stop criteria (PyVRP `pyvrp/stop/`): each is asked once per iteration with
 * the best cost so far and answers whether the search should end.
 */
export interface StopCriterion {
  shouldStop(bestCost: number): boolean;
}

export class MaxIterations implements StopCriterion {
  private done = 0;
  constructor(private readonly max: number) {}
  shouldStop(): boolean {
    return this.done++ >= this.max;
  }
}

export class MaxRuntime implements StopCriterion {
  private readonly start: number;
  constructor(
    private readonly limitMs: number,
    private readonly clock: () => number,
  ) {
    this.start = clock();
  }
  shouldStop(): boolean {
    return this.clock() - this.start >= this.limitMs;
  }
  /** Share of the budget used, in [0, 1]. */
  fraction(): number {
    return Math.min(1, (this.clock() - this.start) / Math.max(1, this.limitMs));
  }
}

export class Cancelled implements StopCriterion {
  constructor(private readonly check: () => boolean) {}
  shouldStop(): boolean {
    return this.check();
  }
}

/** Stops as soon as any of its criteria does (every criterion is asked each time). */
export class AnyOf implements StopCriterion {
  constructor(private readonly criteria: StopCriterion[]) {}
  shouldStop(bestCost: number): boolean {
    let stop = false;
    for (const c of this.criteria) if (c.shouldStop(bestCost)) stop = true;
    return stop;
  }
}
