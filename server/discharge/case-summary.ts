/**
 * The open cases in figures, for the header's alert count and the manager's board: how many,
 * how many costing money now or from tomorrow, their cost so far, and this month's cost
 * (theirs and that of the cases closed this month). Counts only, no patient: reading it is not
 * reading patient data (so it is not audited per patient), and a console can ask every minute
 * without an audit row per patient each time.
 */
import type { CaseView } from './case-view.ts';
import { type Clock, daysBetween, localDate } from './discharge-clock.ts';

/** A case discharged or cancelled: its clock stopped on that day (case-queries: closedSince). */
export interface ClosedCase {
  clock: Pick<Clock, 'liabilityStart' | 'liableDays' | 'dailyAmountSek'>;
  dischargedAt: string | null;
  cancelledAt: string | null;
}

/**
 * The liable days of a case that fall in the month from `monthStart` to `today`: from its
 * liability start (or the month's first day) to today, or to the day before the day it closed.
 */
function monthDays(c: ClosedCase | CaseView, monthStart: string, today: string): number {
  const { liabilityStart, liableDays } = c.clock;
  if (!liabilityStart || liableDays <= 0) return 0;
  const from = liabilityStart > monthStart ? liabilityStart : monthStart;
  const stop = c.dischargedAt ?? c.cancelledAt;
  const endExclusive = stop ? localDate(new Date(stop)) : null;
  const days = endExclusive ? daysBetween(from, endExclusive) : daysBetween(from, today) + 1;
  return Math.max(0, Math.min(liableDays, days));
}

export interface CaseSummary {
  open: number;
  notReady: number;
  costing: number;
  liableTomorrow: number;
  costSek: number;
  monthCostSek: number;
  nearestDaysToLiability: number | null;
}

export function summarise(
  cases: readonly CaseView[],
  now: Date,
  closed: readonly ClosedCase[] = [],
): CaseSummary {
  const today = localDate(now);
  const monthStart = `${today.slice(0, 8)}01`;
  let costing = 0;
  let liableTomorrow = 0;
  let notReady = 0;
  let costSek = 0;
  let monthCostSek = 0;
  let nearest: number | null = null;
  for (const c of cases) {
    const { daysToLiability: days, dailyAmountSek } = c.clock;
    costSek += c.clock.costSek;
    if (days === null) notReady += 1;
    else if (days <= 0) costing += 1;
    else {
      if (days === 1) liableTomorrow += 1;
      nearest = nearest === null ? days : Math.min(nearest, days);
    }
    // An open case pays each day from its liability start up to today: this month's part.
    monthCostSek += monthDays(c, monthStart, today) * dailyAmountSek;
  }
  // A case closed this month paid for its days of the month before it closed.
  for (const c of closed) monthCostSek += monthDays(c, monthStart, today) * c.clock.dailyAmountSek;
  return {
    open: cases.length,
    notReady,
    costing,
    liableTomorrow,
    costSek,
    monthCostSek,
    nearestDaysToLiability: nearest,
  };
}
