import { describe, expect, it } from 'vitest';
import { leadTime } from '../../../server/discharge/lead-time.ts';

const stay = (hours: number) => ({
  readyAt: new Date('2026-11-02T08:00:00Z'),
  dischargedAt: new Date(Date.parse('2026-11-02T08:00:00Z') + hours * 3_600_000),
});

describe('leadTime', () => {
  it('takes the median and p90 by nearest rank (worked by hand)', () => {
    // Sorted 2, 5, 10, 20, 30, 40, 50, 60, 70, 100: median rank ⌈5⌉ = 30, p90 rank ⌈9⌉ = 70.
    const stays = [100, 2, 5, 10, 20, 30, 40, 50, 60, 70].map(stay);
    expect(leadTime(stays)).toEqual({ cases: 10, medianHours: 30, p90Hours: 70 });
  });

  it('has no figure without discharged cases', () => {
    expect(leadTime([])).toEqual({ cases: 0, medianHours: null, p90Hours: null });
  });
});
