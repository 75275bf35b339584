/** The timeline's day and rows: Stockholm days of 24, 23 and 25 hours; rows capped and counted. */
import { describe, expect, it } from 'vitest';
import {
  buildTimeline,
  hourTicks,
  stockholmDay,
} from '../../web/console/timeline/timeline-model.ts';
import type { ConsoleVisit, ShiftRow } from '../../web/console/types.ts';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);

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
