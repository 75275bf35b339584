/** The timeline's day and rows: Stockholm days of 24, 23 and 25 hours; rows capped and counted. */
import { describe, expect, it } from 'vitest';
import {
  buildTimeline,
  dayAt,
  dayVisits,
  hourTicks,
  isoDate,
  stockholmDay,
  visibleRows,
} from '../../web/console/timeline/timeline-model.ts';
import type { ConsoleVisit, ShiftRow } from '../../web/console/types.ts';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const at0 = at;

describe('stockholmDay', () => {
  it('is midnight to midnight in Stockholm, as UTC', () => {
    const d = stockholmDay(at('2026-11-23T12:00:00Z'));
    expect(new Date(d.from).toISOString()).toBe('2026-11-22T23:00:00.000Z');
    expect(new Date(d.to).toISOString()).toBe('2026-11-23T23:00:00.000Z');
    // Late in the evening it is still the same day.
    expect(stockholmDay(at('2026-11-23T22:30:00Z')).from).toBe(d.from);
  });

  it('has 23 hours when the clocks go forward and 25 when they go back', () => {
    const spring = stockholmDay(at('2026-03-29T10:00:00Z'));
    expect((spring.to - spring.from) / H).toBe(23);
    const autumn = stockholmDay(at('2026-10-25T10:00:00Z'));
    expect((autumn.to - autumn.from) / H).toBe(25);
    expect(hourTicks(autumn.from, autumn.to)).toHaveLength(26);
  });
});

const shift = (i: number): ShiftRow => ({
  shiftId: `s${i}`,
  kind: 'day',
  startsAt: '2026-11-23T06:00:00Z',
  endsAt: '2026-11-23T15:00:00Z',
  staffId: `staff${i}`,
  name: `Namn ${String(i).padStart(3, '0')}`,
  profession: 'rn',
});

const visit = (id: string, staffId?: string, start = '2026-11-23T08:00:00Z'): ConsoleVisit => ({
  id,
  status: staffId ? 'assigned' : 'unassigned',
  priority: 'planned',
  windowStart: '2026-11-23T07:30:00Z',
  windowEnd: '2026-11-23T09:00:00Z',
  durationMinutes: 30,
  taskTypes: ['insulin_pen'],
  requiredProfession: 'rn',
  staffCount: 1,
  version: 1,
  assignees: staffId ? [{ staffId, plannedStart: start }] : [],
});

describe('buildTimeline', () => {
  it('puts the unassigned on top and each visit in its caregiver row at its planned start', () => {
    const tl = buildTimeline(
      [shift(1), shift(2)],
      [visit('a', 'staff2'), visit('b'), visit('c', 'staff2', '2026-11-24T08:00:00Z')],
      at('2026-11-23T12:00:00Z'),
    );
    expect(tl.rows.map((r) => r.key)).toEqual(['unassigned', 'staff1', 'staff2']);
    expect(tl.rows[0]!.bars.map((b) => b.visit.id)).toEqual(['b']);
    // Tomorrow's visit is outside today's span.
    expect(tl.rows[2]!.bars.map((b) => [b.visit.id, b.end - b.start])).toEqual([
      ['a', 30 * 60_000],
    ]);
  });

  it('draws at most the cap and counts the rest', () => {
    const shifts = Array.from({ length: 400 }, (_, i) => shift(i));
    const tl = buildTimeline(shifts, [], at('2026-11-23T12:00:00Z'));
    expect(tl.rows).toHaveLength(351);
    expect(tl.total).toBe(400);
  });

  it('stretches to the ends of a night shift that is working now', () => {
    const night = { ...shift(1), startsAt: '2026-11-22T21:00:00Z', endsAt: '2026-11-23T06:30:00Z' };
    const tl = buildTimeline([night], [], at('2026-11-23T02:00:00Z'));
    expect(new Date(tl.from).toISOString()).toBe('2026-11-22T21:00:00.000Z');
    expect(new Date(tl.to).toISOString()).toBe('2026-11-23T23:00:00.000Z');
  });
});

describe('dayAt', () => {
  it('is yesterday, today or tomorrow in Stockholm, 23 or 25 hours over a clock change', () => {
    const at = at0('2026-11-23T12:00:00Z');
    expect(isoDate(dayAt(at, -1).from)).toBe('2026-11-22');
    expect(isoDate(dayAt(at, 0).from)).toBe('2026-11-23');
    expect(isoDate(dayAt(at, 1).from)).toBe('2026-11-24');
    // Saturday 24 October: tomorrow is the 25-hour day; Monday 30 March: yesterday had 23.
    const tomorrow = dayAt(at0('2026-10-24T12:00:00Z'), 1);
    expect(isoDate(tomorrow.from)).toBe('2026-10-25');
    expect((tomorrow.to - tomorrow.from) / H).toBe(25);
    const yesterday = dayAt(at0('2026-03-30T12:00:00Z'), -1);
    expect(isoDate(yesterday.from)).toBe('2026-03-29');
    expect((yesterday.to - yesterday.from) / H).toBe(23);
  });
});

describe('buildTimeline with the day routes', () => {
  const routes = {
    routes: [
      {
        staffId: 'staff1',
        legs: [{ fromVisitId: null, toVisitId: 'a', travelMinutes: 12 }],
        breaks: [{ start: '2026-11-23T10:30:00Z', minutes: 30 }],
      },
    ],
  };

  it("puts each leg's minutes on its visit in that caregiver's row, and the breaks", () => {
    const tl = buildTimeline([shift(1)], [visit('a', 'staff1')], at0('2026-11-23T12:00:00Z'), 350, {
      routes,
    });
    const row = tl.rows[1]!;
    expect(row.bars.map((b) => [b.visit.id, b.travelMinutes])).toEqual([['a', 12]]);
    expect(row.breaks).toEqual([
      { start: at0('2026-11-23T10:30:00Z'), end: at0('2026-11-23T11:00:00Z'), minutes: 30 },
    ]);
    // A visit the routes do not know yet (just moved) has no travel until they are read.
    const moved = buildTimeline(
      [shift(2)],
      [visit('a', 'staff2')],
      at0('2026-11-23T12:00:00Z'),
      350,
      {
        routes,
      },
    );
    expect(moved.rows[1]!.bars[0]!.travelMinutes).toBeUndefined();
  });

  it("spans tomorrow's day without stretching to tonight's night shift", () => {
    const night = { ...shift(1), startsAt: '2026-11-22T21:00:00Z', endsAt: '2026-11-23T06:30:00Z' };
    const tl = buildTimeline([night], [visit('t', undefined)], at0('2026-11-23T02:00:00Z'), 350, {
      offset: 1,
    });
    expect(new Date(tl.from).toISOString()).toBe('2026-11-23T23:00:00.000Z');
    expect(new Date(tl.to).toISOString()).toBe('2026-11-24T23:00:00.000Z');
    expect(tl.rows[0]!.bars).toEqual([]); // today's visit is not tomorrow's
  });
});

describe('dayVisits', () => {
  it("takes the live feed's copy of a visit when it is newer than the server's read", () => {
    const read = { ...visit('a', 'staff1'), version: 2 };
    const { assignees, ...rest } = read;
    const newer = { ...visit('a', 'staff2'), version: 3 };
    const older = { ...visit('a', 'staff9'), version: 1 };
    expect(dayVisits([{ ...rest, assignments: assignees }], new Map([['a', newer]]))).toEqual([
      newer,
    ]);
    expect(dayVisits([{ ...rest, assignments: assignees }], new Map([['a', older]]))).toEqual([
      read,
    ]);
  });
});

describe('visibleRows', () => {
  it('draws the rows in view and a few more each way, never past the ends', () => {
    // 44-px rows under a 26-px axis in a 600-px scroller: 14 in view.
    expect(visibleRows(0, 600, 44, 26, 365, 6)).toEqual({ first: 0, last: 19 });
    expect(visibleRows(44 * 100, 600, 44, 26, 365, 6)).toEqual({ first: 94, last: 119 });
    expect(visibleRows(44 * 360, 600, 44, 26, 365, 6)).toEqual({ first: 354, last: 364 });
    expect(visibleRows(0, 600, 44, 26, 3, 6)).toEqual({ first: 0, last: 2 });
  });
});
