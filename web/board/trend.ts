/**
 * The word a tile gives its trend: the last 7 days against the 7 before (each the figure of
 * those 7 days, board-api.ts), "rising", "falling" or "steady", and whether that is better or worse for the
 * figure (more punctuality is better, more travel is worse). Said in words, never by colour.
 */
import type { Aggregate, DayPoint } from './trend-series.ts';
import { addDays } from './period.ts';

export type Direction = 'up' | 'down' | 'steady';
/** Which way is good for the figure; 'neither' for counts that are just counts. */
export type Better = 'higher' | 'lower' | 'neither';

export interface Trend {
  direction: Direction;
  /** null when the figure has no better way, or it is steady. */
  verdict: 'better' | 'worse' | null;
  /** The two values compared (previous 7 days, last 7 days). */
  before: number;
  after: number;
}

function over(points: readonly DayPoint[], from: string, to: string, aggregate: Aggregate) {
  let total = 0;
  let weight = 0;
  let any = false;
  for (const p of points) {
    if (p.day < from || p.day > to || p.value === null) continue;
    any = true;
    total += aggregate === 'sum' ? p.value : p.value * p.weight;
    weight += aggregate === 'sum' ? 1 : p.weight;
  }
  if (!any || weight === 0) return null;
  // A sum is compared as a per-day mean, so a week with a missing day is not "falling".
  return total / weight;
}

/**
 * The trend up to `to`, or null when either week has nothing. A change smaller than
 * `tolerance` of the earlier value (5 % by default) is steady.
 */
export function trendOf(
  points: readonly DayPoint[],
  to: string,
  aggregate: Aggregate,
  better: Better,
  tolerance = 0.05,
): Trend | null {
  const after = over(points, addDays(to, -6), to, aggregate);
  const before = over(points, addDays(to, -13), addDays(to, -7), aggregate);
  return trendBetween(before, after, better, tolerance);
}

/**
 * The trend from one value to the next (the 7 days before and the last 7, each the server's
 * own figure of those days), or null when either has nothing.
 */
export function trendBetween(
  before: number | null | undefined,
  after: number | null | undefined,
  better: Better,
  tolerance = 0.05,
): Trend | null {
  if (after === null || after === undefined || before === null || before === undefined) return null;
  const change = after - before;
  const steady = Math.abs(change) <= Math.abs(before) * tolerance || Math.abs(change) < 1e-9;
  const direction: Direction = steady ? 'steady' : change > 0 ? 'up' : 'down';
  const verdict =
    direction === 'steady' || better === 'neither'
      ? null
      : (direction === 'up') === (better === 'higher')
        ? 'better'
        : 'worse';
  return { direction, verdict, before, after };
}
