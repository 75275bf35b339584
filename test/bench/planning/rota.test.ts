import { describe, expect, it } from 'vitest';
import { worksOn, worksWeekdays } from '../../../bench/planning/rota.ts';

const days = Array.from({ length: 14 }, (_, d) => d); // 0 = a Monday

describe('the two-week rota', () => {
  it('gives everyone ten days of fourteen and every other weekend off', () => {
    for (let i = 0; i < 10; i++) {
      expect(days.filter((d) => worksOn(i, d)).length).toBe(10);
      const weekend = (w: number) => worksOn(i, 7 * w + 5) && worksOn(i, 7 * w + 6);
      const off = (w: number) => !worksOn(i, 7 * w + 5) && !worksOn(i, 7 * w + 6);
      expect((weekend(0) && off(1)) || (weekend(1) && off(0))).toBe(true);
    }
  });

  it('spreads the weekdays off so a group of ten has eight at work every weekday', () => {
    for (const d of days.filter((x) => x % 7 < 5)) {
      expect(Array.from({ length: 10 }, (_, i) => worksOn(i, d)).filter(Boolean).length).toBe(8);
    }
  });

  it('repeats every fourteen days; therapists work Monday to Friday', () => {
    for (const d of days) expect(worksOn(3, d + 14)).toBe(worksOn(3, d));
    expect(days.filter(worksWeekdays).length).toBe(10);
  });
});
