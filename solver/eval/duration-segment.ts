/**
 * Duration segments (PyVRP `DurationSegment.h`): a summary of a stretch of visits that lets
 * two stretches be joined in O(1) and gives the exact time warp (how far the schedule must
 * "travel back in time" to meet hard windows). Used only when the problem is a pure
 * hard-window problem (`ProblemData.simpleTime`); everything else is simulated exactly.
 *
 * A segment lives in 4 consecutive numbers: duration, timeWarp, twEarly, twLate.
 */
export const SEG = 4;

/** Accumulator that segments are appended to, one at a time. */
export class SegAcc {
  dur = 0;
  tw = 0;
  early = 0;
  late = 0;

  set(dur: number, tw: number, early: number, late: number): void {
    this.dur = dur;
    this.tw = tw;
    this.early = early;
    this.late = late;
  }

  setFrom(a: ArrayLike<number>, i: number): void {
    this.dur = a[i];
    this.tw = a[i + 1];
    this.early = a[i + 2];
    this.late = a[i + 3];
  }

  /** this ⊕ next, with `edge` the travel time from this's last to next's first place. */
  append(edge: number, dur: number, tw: number, early: number, late: number): void {
    const atNext = this.dur - this.tw + edge;
    const diffTw = Math.max(this.early + atNext - late, 0);
    const diffWait = Math.max(early - atNext - this.late, 0);
    const nEarly = Math.max(early - atNext, this.early) - diffWait;
    const nLate = Math.min(late - atNext, this.late) + diffTw;
    this.dur = this.dur + dur + edge + diffWait;
    this.tw = this.tw + tw + diffTw;
    this.early = nEarly;
    this.late = nLate;
  }

  appendFrom(edge: number, a: ArrayLike<number>, i: number): void {
    this.append(edge, a[i], a[i + 1], a[i + 2], a[i + 3]);
  }

  store(a: Float64Array, i: number): void {
    a[i] = this.dur;
    a[i + 1] = this.tw;
    a[i + 2] = this.early;
    a[i + 3] = this.late;
  }

  /** Earliest finish when started at twEarly. */
  endTime(): number {
    return this.early + this.dur - this.tw;
  }
}

/**
 * out[oi..] = a[ai..] ⊕ b[bi..] on raw arrays (same math as `SegAcc.append`), for the
 * hot loops that rebuild route caches. `out` may alias `a` or `b`.
 */
export function mergeInto(
  a: Float64Array,
  ai: number,
  edge: number,
  b: Float64Array,
  bi: number,
  out: Float64Array,
  oi: number,
): void {
  const aDur = a[ai];
  const aTw = a[ai + 1];
  const aEarly = a[ai + 2];
  const aLate = a[ai + 3];
  const bDur = b[bi];
  const bTw = b[bi + 1];
  const bEarly = b[bi + 2];
  const bLate = b[bi + 3];
  const atNext = aDur - aTw + edge;
  const diffTw = Math.max(aEarly + atNext - bLate, 0);
  const diffWait = Math.max(bEarly - atNext - aLate, 0);
  out[oi] = aDur + bDur + edge + diffWait;
  out[oi + 1] = aTw + bTw + diffTw;
  out[oi + 2] = Math.max(bEarly - atNext, aEarly) - diffWait;
  out[oi + 3] = Math.min(bLate - atNext, aLate) + diffTw;
}
