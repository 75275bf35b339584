/**
 * A figure over days, and the same over ISO weeks. A point carries its weight (the visits a
 * share is of, say), so a week's share is the week's visits' share, not a mean of days.
 */
import { datesOf } from './period.ts';

export interface DayPoint {
  /** YYYY-MM-DD, Stockholm. */
  day: string;
  /** null: nothing to measure that day (no visits). */
  value: number | null;
  /** What the value is of (visits, patients); for a count, 1. */
  weight: number;
}

/** 'sum': counts and hours add up over a week; 'mean': shares and medians are weighed. */
export type Aggregate = 'sum' | 'mean';

export interface SeriesPoint {
  /** The day (YYYY-MM-DD) or the week ("2026-W12"). */
  key: string;
  value: number | null;
}

/** ISO 8601 week of a date: "2026-W01" (the week with the year's first Thursday). */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - weekday + 3); // that week's Thursday
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** One point per day of the period, null on a day the server gave nothing for. */
export function byDay(
  points: readonly DayPoint[],
  period: { from: string; to: string },
): SeriesPoint[] {
  const at = new Map(points.map((p) => [p.day, p.value]));
  return datesOf(period).map((day) => ({ key: day, value: at.get(day) ?? null }));
}

/** One point per ISO week touched by the period: sums, or means weighed by each day's weight. */
export function byWeek(
  points: readonly DayPoint[],
  period: { from: string; to: string },
  aggregate: Aggregate,
): SeriesPoint[] {
  const weeks = new Map<string, { total: number; weight: number; any: boolean }>();
  for (const day of datesOf(period)) {
    const week = isoWeek(day);
    if (!weeks.has(week)) weeks.set(week, { total: 0, weight: 0, any: false });
  }
  for (const p of points) {
    const w = weeks.get(isoWeek(p.day));
    if (!w || p.value === null || p.day < period.from || p.day > period.to) continue;
    w.any = true;
    if (aggregate === 'sum') w.total += p.value;
    else {
      w.total += p.value * p.weight;
      w.weight += p.weight;
    }
  }
  return [...weeks].map(([key, w]) => ({
    key,
    value: !w.any ? null : aggregate === 'sum' ? w.total : w.weight > 0 ? w.total / w.weight : null,
  }));
}
