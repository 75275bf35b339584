import { describe, expect, it } from 'vitest';
import { byDay, isoWeek, weekSeries, weeksOf } from '../../../web/board/trend-series.ts';
import { trendOf } from '../../../web/board/trend.ts';
import { datesOf, lastDays } from '../../../web/board/period.ts';

describe('trends over days and weeks', () => {
  it('names ISO weeks, across a year end', () => {
    expect(isoWeek('2026-03-16')).toBe('2026-W12'); // a Monday
    expect(isoWeek('2026-03-22')).toBe('2026-W12'); // its Sunday
    expect(isoWeek('2027-01-01')).toBe('2026-W53'); // a Friday in 2026's last week
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
  });

  it('fills the days the server gave nothing for with null', () => {
    const period = { from: '2026-03-01', to: '2026-03-03' };
    expect(byDay([{ day: '2026-03-02', value: 4, weight: 1 }], period)).toEqual([
      { key: '2026-03-01', value: null },
      { key: '2026-03-02', value: 4 },
      { key: '2026-03-03', value: null },
    ]);
  });

  it('asks for each ISO week of the period, cut to it, and draws what each week gave', () => {
    const period = { from: '2026-03-18', to: '2026-03-30' }; // Wed of W12 to Mon of W14
    expect(weeksOf(period)).toEqual([
      { key: '2026-W12', from: '2026-03-18', to: '2026-03-22' },
      { key: '2026-W13', from: '2026-03-23', to: '2026-03-29' },
      { key: '2026-W14', from: '2026-03-30', to: '2026-03-30' },
    ]);
    const weeks = [
      { key: '2026-W12', values: { travelShare: 2 / 12 } },
      { key: '2026-W13', values: { travelShare: null } },
    ];
    // The cut weeks say how many of their days count (5 and 1).
    expect(weekSeries('travelShare', weeks, period)).toEqual([
      { key: '2026-W12', value: 2 / 12, days: 5 },
      { key: '2026-W13', value: null },
      { key: '2026-W14', value: null, days: 1 },
    ]);
    expect(weekSeries('travelShare', null, period).map((p) => p.value)).toEqual([null, null, null]);
  });

  it('says rising, falling or steady, and better or worse by the figure', () => {
    const days = datesOf({ from: '2026-03-01', to: '2026-03-14' });
    const series = (a: number, b: number) =>
      days.map((day, i) => ({ day, value: i < 7 ? a : b, weight: 1 }));
    expect(trendOf(series(0.8, 0.9), '2026-03-14', 'mean', 'higher')).toMatchObject({
      direction: 'up',
      verdict: 'better',
    });
    expect(trendOf(series(0.1, 0.2), '2026-03-14', 'mean', 'lower')).toMatchObject({
      direction: 'up',
      verdict: 'worse',
    });
    expect(trendOf(series(100, 102), '2026-03-14', 'sum', 'higher')).toMatchObject({
      direction: 'steady',
      verdict: null,
    });
    expect(trendOf(series(5, 3), '2026-03-14', 'sum', 'neither')).toMatchObject({
      direction: 'down',
      verdict: null,
    });
    expect(trendOf(series(5, 3).slice(7), '2026-03-14', 'sum', 'higher')).toBeNull();
  });

  it('takes the last 14, 28 or 90 days ending today in Stockholm', () => {
    // 23:30 UTC on 28 March is already 29 March in Stockholm (UTC+1).
    const p = lastDays(28, new Date('2026-03-28T23:30:00Z'));
    expect(p).toEqual({ from: '2026-03-02', to: '2026-03-29', days: 28 });
    expect(datesOf(p)).toHaveLength(28);
  });
});
