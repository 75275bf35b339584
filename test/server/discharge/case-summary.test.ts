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

  it('counts this month’s liable days of the cases closed this month too (worked by hand)', () => {
    // Now Thursday 3 December 2026, 10:00 in Stockholm; 9,300 SEK a day.
    const now = new Date('2026-12-03T09:00:00Z');
    const closed = [
      // Liable from Friday 27 November, discharged Wednesday 2 December 08:00 (the discharge
      // day is not charged): 27, 28, 29, 30 Nov and 1 Dec = 5 days, 1 of them in December.
      {
        clock: { ...open({}).clock, liabilityStart: '2026-11-27', liableDays: 5, costSek: 46_500 },
        dischargedAt: '2026-12-02T07:00:00Z',
        cancelledAt: null,
      },
      // Liable from Sunday 29 November, cancelled Thursday 3 December 00:30 (Stockholm; still
      // 2 December in UTC): 29, 30 Nov, 1, 2 Dec = 4 days, 2 in December (an assumption of
      // the clock: a cancellation stops it like a discharge).
      {
        clock: { ...open({}).clock, liabilityStart: '2026-11-29', liableDays: 4, costSek: 37_200 },
        dischargedAt: null,
        cancelledAt: '2026-12-02T23:30:00Z',
      },
      // Liable from 25 November, discharged Monday 30 November: nothing in December.
      {
        clock: { ...open({}).clock, liabilityStart: '2026-11-25', liableDays: 5, costSek: 46_500 },
        dischargedAt: '2026-11-30T10:00:00Z',
        cancelledAt: null,
      },
      // Discharged before liability started: nothing at all.
      {
        clock: { ...open({}).clock, liabilityStart: '2026-12-03' },
        dischargedAt: '2026-12-01T10:00:00Z',
        cancelledAt: null,
      },
    ];
    const summary = summarise(
      // Open, liable from Saturday 28 November: 28 Nov to 3 Dec = 6 days, 3 in December.
      [open({ liabilityStart: '2026-11-28', daysToLiability: -5, liableDays: 6, costSek: 55_800 })],
      now,
      closed,
    );
    // Open: 3 days; closed: 1 + 2 + 0 + 0 days. 6 × 9,300.
    expect(summary.monthCostSek).toBe(6 * 9300);
    // The other figures are the open cases' only.
    expect(summary).toMatchObject({ open: 1, costing: 1, costSek: 55_800 });
  });
});
