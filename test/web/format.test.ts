import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, formatWindow } from '../../web/time/format.ts';

describe('times on screen', () => {
  it('are Stockholm wall-clock times in 24 hours, whatever the machine’s zone', () => {
    expect(formatClock('2026-11-23T06:30:00Z')).toBe('07:30'); // CET, UTC+1
    expect(formatClock('2026-07-01T21:05:00Z')).toBe('23:05'); // CEST, UTC+2
    expect(formatWindow('2026-11-23T23:00:00Z', '2026-11-24T00:15:00Z')).toBe('00:00–01:15');
  });

  it('show the autumn clock-change night’s repeated hour as the staff see it', () => {
    // 2026-10-25: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice.
    expect(formatClock('2026-10-25T00:30:00Z')).toBe('02:30');
    expect(formatClock('2026-10-25T01:30:00Z')).toBe('02:30');
    // Spring: 02:00 CET jumps to 03:00 CEST; there is no 02:30.
    expect(formatClock('2026-03-29T00:59:00Z')).toBe('01:59');
    expect(formatClock('2026-03-29T01:00:00Z')).toBe('03:00');
  });

  it('give durations in minutes, then hours and minutes, in Swedish by default', () => {
    expect(formatDuration(25 * 60_000)).toBe('25 min');
    expect(formatDuration(65 * 60_000)).toBe('1 h 05 min');
    expect(formatDuration(-5 * 60_000)).toBe('0 min');
  });
});
