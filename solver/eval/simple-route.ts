import type { ProblemData } from '../problem/problem-data.ts';
import type { SegAcc } from './duration-segment.ts';
import type { RouteEval } from './route-eval.ts';

/** Arc cost from k's start to `first` plus from `last` to k's end. */
export function depotArcs(d: ProblemData, k: number, first: number, last: number): number {
  const am = d.arcCost[d.profile[k]];
  return am[d.startLoc[k] * d.L + d.loc[first]] + am[d.loc[last] * d.L + d.endLoc[k]];
}

/**
 * Wraps a pure-visit segment (first..last) with caregiver k's depots and writes the time
 * part of `out`: time warp is the hard-rule violation, overtime follows from the end time.
 */
export function finishSimple(
  d: ProblemData,
  k: number,
  visits: SegAcc,
  first: number,
  last: number,
  out: RouteEval,
): void {
  const tm = d.travel[d.profile[k]];
  const s0 = d.shiftStart[k];
  const hi = d.maxShiftEnd[k];
  const dur = visits.dur;
  const tw = visits.tw;
  const early = visits.early;
  const late = visits.late;
  visits.set(0, 0, s0, hi);
  visits.append(tm[d.startLoc[k] * d.L + d.loc[first]], dur, tw, early, late);
  visits.append(tm[d.loc[last] * d.L + d.endLoc[k]], 0, 0, s0, hi);
  out.timeViol = visits.tw;
  const end = visits.endTime();
  out.overtime = Math.max(0, end - d.shiftEnd[k]);
  out.departure = visits.early;
  out.arrival = end;
}
