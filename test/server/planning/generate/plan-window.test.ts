import { describe, expect, it } from 'vitest';
import { planWindow, wallClockInstant } from '../../../../server/planning/generate/plan-window.ts';

const at = (date: string, time: string) => wallClockInstant(date, time).toISOString();
const win = (date: string, start: string, end: string) => {
  const w = planWindow(date, start, end);
  return [w.start.toISOString(), w.end.toISOString()];
};

// Hand-worked: Stockholm is UTC+1 in winter (CET) and UTC+2 in summer (CEST); in 2026 the
// clocks go forward at 02:00 on Sunday 29 March and back at 03:00 on Sunday 25 October.
describe('a care plan window in UTC', () => {
  it('is the local wall-clock time in winter and in summer', () => {
    expect(win('2026-03-27', '07:30:00', '08:30:00')).toEqual([
      '2026-03-27T06:30:00.000Z',
      '2026-03-27T07:30:00.000Z',
    ]);
    expect(win('2026-03-30', '07:30:00', '08:30:00')).toEqual([
      '2026-03-30T05:30:00.000Z',
      '2026-03-30T06:30:00.000Z',
    ]);
  });

  it('spring night: a time the clock skips (02:00-02:59) means 03:00, the moment it passes', () => {
    expect(at('2026-03-29', '01:59')).toBe('2026-03-29T00:59:00.000Z'); // 01:59 CET
    expect(at('2026-03-29', '02:00')).toBe('2026-03-29T01:00:00.000Z'); // 03:00 CEST
    expect(at('2026-03-29', '02:30')).toBe('2026-03-29T01:00:00.000Z');
    expect(at('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(at('2026-03-29', '03:10')).toBe('2026-03-29T01:10:00.000Z');
    expect(at('2026-03-29', '07:30')).toBe('2026-03-29T05:30:00.000Z');
  });

  it('spring night: a window never ends before it starts; inside the gap it is 03:00 sharp', () => {
    // luxon alone reads 02:30 as 03:30 CEST: this window would end 20 minutes before it starts.
    expect(win('2026-03-29', '02:30:00', '03:10:00')).toEqual([
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T01:10:00.000Z',
    ]);
    expect(win('2026-03-29', '01:30:00', '02:30:00')).toEqual([
      '2026-03-29T00:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
    ]);
    expect(win('2026-03-29', '02:15:00', '02:45:00')).toEqual([
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T01:00:00.000Z',
    ]);
  });

  it('autumn night: a time the clock shows twice (02:00-02:59) means its first pass', () => {
    expect(at('2026-10-25', '01:59')).toBe('2026-10-24T23:59:00.000Z'); // 01:59 CEST
    expect(at('2026-10-25', '02:00')).toBe('2026-10-25T00:00:00.000Z'); // first 02:00, CEST
    expect(at('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(at('2026-10-25', '03:00')).toBe('2026-10-25T02:00:00.000Z'); // 03:00 CET
    expect(at('2026-10-25', '07:30')).toBe('2026-10-25T06:30:00.000Z');
    // The same length as on any night; a window up to 03:00 spans the repeated hour too.
    expect(win('2026-10-25', '02:15:00', '02:45:00')).toEqual([
      '2026-10-25T00:15:00.000Z',
      '2026-10-25T00:45:00.000Z',
    ]);
    expect(win('2026-10-25', '02:30:00', '03:30:00')).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T02:30:00.000Z',
    ]);
  });

  it('an end before the start is a window over midnight: it ends the next day', () => {
    expect(win('2026-11-23', '22:30:00', '00:30:00')).toEqual([
      '2026-11-23T21:30:00.000Z',
      '2026-11-23T23:30:00.000Z',
    ]);
    // Over the spring night: 23:30 CET to 03:30 CEST is three hours.
    expect(win('2026-03-28', '23:30:00', '03:30:00')).toEqual([
      '2026-03-28T22:30:00.000Z',
      '2026-03-29T01:30:00.000Z',
    ]);
  });
});
