import type { Candidate } from './caregiver-candidates.ts';

/** A caregiver with the estimate of their insertion (the continuity terms included). */
export interface Estimated {
  c: Candidate;
  nonContact: number;
  estimate: number;
}

interface Deferred {
  bound: number;
  estimate: () => Estimated | null;
}

/**
 * Caregivers in the order of their estimates (ties by id), where some estimates are computed
 * only when the order reaches their lower bound: `next` gives the same sequence as sorting
 * every estimate, as long as each bound is at most its estimate. Add and defer everyone
 * before the first `next`.
 */
export class EstimateOrder {
  /** Known estimates, sorted from `head` on (those before it are given out). */
  private readonly ready: Estimated[] = [];
  private head = 0;
  private readonly deferred: Deferred[] = [];
  private nextDeferred = 0;
  private started = false;

  add(e: Estimated): void {
    this.ready.push(e);
  }

  /** `estimate` is called at most once, when no known estimate is below `bound`. */
  defer(bound: number, estimate: () => Estimated | null): void {
    this.deferred.push({ bound, estimate });
  }

  next(): Estimated | undefined {
    if (!this.started) {
      this.started = true;
      this.ready.sort(byEstimate);
      this.deferred.sort((a, b) => a.bound - b.bound);
    }
    // A deferred estimate is at least its bound: while a bound is not above the smallest known
    // estimate, that caregiver could come first and must be estimated.
    while (this.nextDeferred < this.deferred.length) {
      const top = this.ready[this.head];
      if (top && this.deferred[this.nextDeferred].bound > top.estimate) break;
      const e = this.deferred[this.nextDeferred++].estimate();
      if (e) this.insert(e);
    }
    return this.head < this.ready.length ? this.ready[this.head++] : undefined;
  }

  /** Into its place among those not given out (it cannot come before them: see next). */
  private insert(e: Estimated): void {
    let lo = this.head;
    let hi = this.ready.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (byEstimate(this.ready[mid], e) <= 0) lo = mid + 1;
      else hi = mid;
    }
    this.ready.splice(lo, 0, e);
  }
}

function byEstimate(a: Estimated, b: Estimated): number {
  return a.estimate - b.estimate || a.c.member.id.localeCompare(b.c.member.id);
}
