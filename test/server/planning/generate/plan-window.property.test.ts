import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ZONE } from '../../../../server/domain/stockholm-time.ts';
import { planWindow, wallClockInstant } from '../../../../server/planning/generate/plan-window.ts';

const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** Any day of 2025-2027 (three spring and three autumn changes). */
const day = fc
  .integer({ min: 0, max: 3 * 365 })
  .map((n) => DateTime.fromISO('2025-01-01', { zone: ZONE }).plus({ days: n }).toISODate()!);
const minute = fc.integer({ min: 0, max: 24 * 60 - 1 });

describe('care plan windows on any day', () => {
  it('a time means the first moment the Stockholm clock shows it, or a later time (the spring gap)', () => {
    fc.assert(
      fc.property(day, minute, (date, m) => {
        const at = DateTime.fromJSDate(wallClockInstant(date, hhmm(m)), { zone: ZONE });
        expect(at.toISODate()).toBe(date);
        const shown = at.hour * 60 + at.minute;
        if (shown !== m) {
          // Only a time the clock skipped (02:00-02:59 in spring): the moment it jumped to 03:00.
          expect([m >= 120 && m < 180, shown]).toEqual([true, 180]);
        }
        // The first moment: an hour earlier the clock did not show this time yet.
        const before = at.minus({ hours: 1 });
        expect(before.toISODate() !== date || before.hour * 60 + before.minute < m).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('a window never ends before it starts, and is at most an hour longer than on the clock', () => {
    fc.assert(
      fc.property(day, minute, minute, (date, a, b) => {
        const w = planWindow(date, hhmm(a), hhmm(b));
        const length = (w.end.getTime() - w.start.getTime()) / 60_000;
        const onClock = b >= a ? b - a : b + 24 * 60 - a;
        expect(length).toBeGreaterThanOrEqual(0);
        expect(Math.abs(length - onClock)).toBeLessThanOrEqual(60);
      }),
      { numRuns: 2000 },
    );
  });
});
