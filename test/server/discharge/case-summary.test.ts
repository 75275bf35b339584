import { describe, expect, it } from 'vitest';
import { summarise } from '../../../server/discharge/case-summary.ts';
import type { CaseView } from '../../../server/discharge/case-view.ts';

const open = (clock: Partial<CaseView['clock']>) =>
  ({
    clock: {
      dayZero: null,
      sipDeadline: null,
      liabilityStart: null,
      daysToLiability: null,
      liableDays: 0,
      costSek: 0,
      dailyAmountSek: 9300,
      ...clock,
    },
  }) as CaseView;

describe('summarise', () => {
  it('counts only this month’s liable days in the month’s cost (worked by hand)', () => {
    // Now Wednesday 2 December 2026, 10:00 in Stockholm. Liable since Saturday 28 November:
    // 28, 29, 30 Nov, 1, 2 Dec = 5 days, 2 of them in December.
    const now = new Date('2026-12-02T09:00:00Z');
    const summary = summarise(
      [
        open({ liabilityStart: '2026-11-28', daysToLiability: -4, liableDays: 5, costSek: 46_500 }),
        open({ liabilityStart: '2026-12-03', daysToLiability: 1 }),
        open({ liabilityStart: '2026-12-05', daysToLiability: 3 }),
        open({}),
      ],
      now,
    );
    expect(summary).toEqual({
      open: 4,
      notReady: 1,
      costing: 1,
      liableTomorrow: 1,
      costSek: 46_500,
      monthCostSek: 2 * 9300,
      nearestDaysToLiability: 1,
    });
  });

  it('counts a liability that started this month whole, at midnight of a month’s first day', () => {
    // 1 December 00:30 in Stockholm is still 30 November in UTC.
    const now = new Date('2026-11-30T23:30:00Z');
    const s = summarise(
      [open({ liabilityStart: '2026-11-30', daysToLiability: -1, liableDays: 2, costSek: 18_600 })],
      now,
    );
    expect(s.monthCostSek).toBe(9300);
  });
});
