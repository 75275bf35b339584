/**
 * A figure over days, and the same over ISO weeks. A week's figure is the server's figure of
 * that week (weeksOf gives the spans it is asked for): a share is the ratio of the week's sums
 * and a median the week's median, which no mean of the days' values gives (a day of 2 shift
 * hours would weigh as much as a day of 100).
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
  /** A week the period cuts: its days in the period (its counts are of those days only). */
  days?: number;
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

/** An ISO week of the period, cut to it (the first and last weeks may be short). */
export interface WeekSpan {
  key: string;
  from: string;
  to: string;
}

/** Each week's own values by figure (board-types.ts's WeekFigures). */
type WeekValues = readonly { key: string; values: Partial<Record<string, number | null>> }[];

/** The ISO weeks the period touches, in order, each cut to the period. */
export function weeksOf(period: { from: string; to: string }): WeekSpan[] {
  const out: WeekSpan[] = [];
  for (const day of datesOf(period)) {
    const key = isoWeek(day);
    const last = out.at(-1);
    if (last?.key === key) last.to = day;
    else out.push({ key, from: day, to: day });
  }
  return out;
}

/** One point per week of the period from the weeks' own figures (null until they are in). */
export function weekSeries(
  id: string,
  weeks: WeekValues | null,
  period: { from: string; to: string },
): SeriesPoint[] {
  const at = new Map((weeks ?? []).map((w) => [w.key, w.values[id] ?? null]));
  return weeksOf(period).map((w) => {
    const days = datesOf(w).length;
    return { key: w.key, value: at.get(w.key) ?? null, ...(days < 7 ? { days } : {}) };
  });
}
