/** Where a shift's breaks are drawn: the solver's break rule, in the first free stretch. */
import { describe, expect, it } from 'vitest';
import { placeBreaks } from '../../../server/day-routes/place-breaks.ts';

const M = 60_000;
const H = 60 * M;
const shift = { startsAt: 0, endsAt: 9 * H, breakMinutes: 30, maxWorkWithoutBreakMinutes: 300 };

describe('placeBreaks', () => {
  it('gives a 9-hour shift one break at the start of its window when nothing is planned', () => {
    // Ideal at (9 h − 30 min)/2 = 4 h 15; it may move 45 min each way.
    expect(placeBreaks(shift, [])).toEqual([{ start: 3.5 * H, minutes: 30 }]);
  });

  it('takes the first free stretch after the travel and visits in its window', () => {
    const stops = [
      { start: 3.5 * H, durationMs: 30 * M, travelMs: 10 * M }, // busy 3:20–4:00
      { start: 4.25 * H, durationMs: 20 * M, travelMs: 10 * M }, // busy 4:05–4:35
    ];
    expect(placeBreaks(shift, stops)).toEqual([{ start: 4 * H + 35 * M, minutes: 30 }]);
  });

  it('stays at its ideal place when no stretch of the window is free', () => {
    const full = [{ start: 3 * H, durationMs: 3 * H, travelMs: 0 }];
    expect(placeBreaks(shift, full)).toEqual([{ start: 4.25 * H, minutes: 30 }]);
  });

  it('gives a short shift none', () => {
    expect(placeBreaks({ ...shift, endsAt: 4 * H }, [])).toEqual([]);
  });
});
