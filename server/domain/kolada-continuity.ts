/**
 * The national continuity indicator, Socialstyrelsen's "personalkontinuitet" as Kolada
 * publishes it: the number of different staff a person with two or more visits every day
 * meets over 14 days, counting visits between 07:00 and 22:00 local time, reported as a
 * median. One definition for the planning benchmark (bench/planning/kolada-indicator.ts,
 * from a plan) and the manager's board (server/board/continuity.ts, in SQL from what
 * happened), so that both compare with the published figures (about 15 nationally).
 */
export const KOLADA = {
  /** Length of the period in local calendar days. */
  days: 14,
  zone: 'Europe/Stockholm',
  /** Local hours that count, [from, to). */
  fromHour: 7,
  toHour: 22,
  /** Who counts: at least this many visits due within those hours on every day. */
  minVisitsPerDay: 2,
} as const;

export interface Summary {
  patients: number;
  median: number;
  /** Nearest rank: the smallest value at least 90 % of patients are at or below. */
  p90: number;
  mean: number;
  max: number;
}

/** Median (mean of the middle two) and nearest-rank p90, as SQL's percentile_cont(0.5) and percentile_disc(0.9). */
export function summarise(values: readonly number[]): Summary {
  const n = values.length;
  if (n === 0) return { patients: 0, median: 0, p90: 0, mean: 0, max: 0 };
  const s = [...values].sort((a, b) => a - b);
  const median = n % 2 === 1 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  const p90 = s[Math.ceil(0.9 * n) - 1];
  const mean = s.reduce((a, b) => a + b, 0) / n;
  return { patients: n, median, p90, mean, max: s[n - 1] };
}
