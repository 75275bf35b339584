import { describe, expect, it } from 'vitest';
import { tomorrowInStockholm } from '../../../web/planner/day-date.ts';

describe('the default day', () => {
  it('is tomorrow in Stockholm, also late in the evening UTC and over a clock change', () => {
    expect(tomorrowInStockholm(new Date('2026-11-23T12:00:00Z'))).toBe('2026-11-24');
    // 23:30 UTC on 23 Nov is already 24 Nov in Stockholm.
    expect(tomorrowInStockholm(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-25');
    // 23:30 UTC on 28 March is 00:30 on the 29th, the night the clocks go forward.
    expect(tomorrowInStockholm(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-30');
    expect(tomorrowInStockholm(new Date('2026-12-31T10:00:00Z'))).toBe('2027-01-01');
  });
});
