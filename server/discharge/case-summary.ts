/**
 * The open cases in figures, for the header's alert count and the manager's board: how many,
 * how many costing money now or from tomorrow, their cost so far and this month. Counts only,
 * no patient: reading it is not reading patient data (so it is not audited per patient), and a
 * console can ask every minute without an audit row per patient each time.
 */
import type { CaseView } from './case-view.ts';
import { daysBetween, localDate } from './discharge-clock.ts';

export interface CaseSummary {
  open: number;
  notReady: number;
  costing: number;
  liableTomorrow: number;
  costSek: number;
  monthCostSek: number;
  nearestDaysToLiability: number | null;
}

export function summarise(cases: readonly CaseView[], now: Date): CaseSummary {
  const today = localDate(now);
  const monthStart = `${today.slice(0, 8)}01`;
  let costing = 0;
  let liableTomorrow = 0;
  let notReady = 0;
  let costSek = 0;
  let monthCostSek = 0;
  let nearest: number | null = null;
  for (const c of cases) {
    const { daysToLiability: days, liabilityStart, liableDays, dailyAmountSek } = c.clock;
    costSek += c.clock.costSek;
    if (days === null) notReady += 1;
    else if (days <= 0) costing += 1;
    else {
      if (days === 1) liableTomorrow += 1;
      nearest = nearest === null ? days : Math.min(nearest, days);
    }
    // An open case pays each day from its liability start up to today: this month's part.
    if (liabilityStart && liableDays > 0) {
      const from = liabilityStart > monthStart ? liabilityStart : monthStart;
      monthCostSek += Math.min(liableDays, daysBetween(from, today) + 1) * dailyAmountSek;
    }
  }
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
