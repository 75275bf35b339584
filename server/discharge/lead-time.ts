/**
 * Lead time from ready-for-discharge to discharge, over the cases discharged lately: the
 * median and the 90th percentile in hours (nearest rank: a figure some case really had).
 */
export const LEAD_TIME_DAYS = 90;

export interface LeadTime {
  cases: number;
  medianHours: number | null;
  p90Hours: number | null;
}

const HOUR = 3_600_000;

/** The value at rank ⌈q·n⌉ of the sorted list (null when empty). */
export function nearestRank(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

export function leadTime(stays: readonly { readyAt: Date; dischargedAt: Date }[]): LeadTime {
  const hours = stays
    .map((s) => (s.dischargedAt.getTime() - s.readyAt.getTime()) / HOUR)
    .filter((h) => h >= 0)
    .sort((a, b) => a - b);
  const round = (h: number | null) => (h === null ? null : Math.round(h * 10) / 10);
  return {
    cases: hours.length,
    medianHours: round(nearestRank(hours, 0.5)),
    p90Hours: round(nearestRank(hours, 0.9)),
  };
}
