/**
 * The fourteen days planned one after the other, each with the history of the days before
 * (the plans, taken as done), and the indicator over the period.
 */
import { KOLADA, type Indicator, continuityIndicator } from './kolada-indicator.ts';
import { VisitHistory } from './history.ts';
import { type Budget, type Carry, type DayResult, planOneDay } from './plan-one-day.ts';
import type { ContinuitySettings } from './settings.ts';
import type { World } from './world.ts';

export interface PeriodResult {
  settings: ContinuitySettings;
  days: Omit<DayResult, 'met' | 'carry'>[];
  indicator: Indicator;
  totals: {
    visits: number;
    unplaced: number;
    travelSeconds: number;
    latenessSeconds: number;
    overtimeSeconds: number;
    daysAtTimeLimit: number;
    solveMs: number;
  };
}

export function planPeriod(
  world: World,
  settings: ContinuitySettings,
  budget: Budget,
  onDay?: (d: DayResult) => void,
): PeriodResult {
  const history = new VisitHistory();
  let carry: Carry = new Map();
  const days: PeriodResult['days'] = [];
  const met: DayResult['met'] = [];
  for (const date of world.dates) {
    const day = planOneDay(world, date, history, carry, settings, budget);
    onDay?.(day);
    carry = day.carry;
    met.push(...day.met);
    const { met: _met, carry: _carry, ...rest } = day;
    days.push(rest);
  }
  const sum = (f: (d: PeriodResult['days'][number]) => number) =>
    days.reduce((a, d) => a + f(d), 0);
  return {
    settings,
    days,
    indicator: continuityIndicator(met, {
      ...KOLADA,
      firstDay: world.dates[0],
      days: world.dates.length,
    }),
    totals: {
      visits: sum((d) => d.visits),
      unplaced: sum((d) => d.unplaced),
      travelSeconds: sum((d) => d.travelSeconds),
      latenessSeconds: sum((d) => d.latenessSeconds),
      overtimeSeconds: sum((d) => d.overtimeSeconds),
      daysAtTimeLimit: sum((d) => (d.hitTimeLimit ? 1 : 0)),
      solveMs: sum((d) => d.solveMs),
    },
  };
}
