/**
 * The day timeline's rows and axis, from the live store's shifts and visits. Pure: the x
 * axis is UTC milliseconds over the Stockholm day (a 23- or 25-hour day is simply shorter
 * or longer), and the labels are formatted in Stockholm time by the caller.
 */
import { TIME_ZONE } from '../../time/format.ts';
import type { ConsoleVisit, ShiftRow } from '../types.ts';

/** Rows drawn at most; the rest are counted, not drawn (a county has a few hundred). */
export const ROW_CAP = 350;

export interface TimelineBar {
  visit: ConsoleVisit;
  /** Planned start (assigned) or window start (unassigned), UTC ms. */
  start: number;
  end: number;
  /** Travel to it, in minutes, as the server estimates it (absent: not known yet). */
  travelMinutes?: number;
}

export interface TimelineBreak {
  start: number;
  end: number;
  minutes: number;
}

export interface TimelineRow {
  /** The staff id, or 'unassigned' for the row at the top. */
  key: string;
  shift: ShiftRow | null;
  bars: TimelineBar[];
  breaks: TimelineBreak[];
}

/** What the server says of the day's routes (GET /api/dispatch/day-routes). */
export interface DayRoutes {
  routes: {
    staffId: string;
    legs: { fromVisitId: string | null; toVisitId: string; travelMinutes: number }[];
    breaks: { start: string; minutes: number }[];
  }[];
}

/** A day's visits as the server read them (GET /api/dispatch/day-routes). */
export interface DayVisitRow extends Omit<ConsoleVisit, 'assignees'> {
  assignments: ConsoleVisit['assignees'];
}

/**
 * A day's visits as the server read them, each replaced by the live feed's copy when that
 * is newer (a move seen before the next read).
 */
export function dayVisits(
  rows: readonly DayVisitRow[],
  live: ReadonlyMap<string, ConsoleVisit>,
): ConsoleVisit[] {
  return rows.map(({ assignments, ...v }) => {
    const known = live.get(v.id);
    if (known && known.version > v.version) return known;
    return { ...v, assignees: assignments };
  });
}

/** Yesterday, today or tomorrow: the days the live window holds. */
export type DayOffset = -1 | 0 | 1;

export interface Timeline {
  rows: TimelineRow[];
  /** Caregiver rows there are in all (the drawn ones are capped). */
  total: number;
  from: number;
  to: number;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/** Stockholm's wall clock at an instant, written as if it were UTC (offset included). */
function wallAsUtc(at: number): number {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p['year']!, p['month']! - 1, p['day']!, p['hour']!, p['minute']!);
}

/**
 * The Stockholm calendar day holding `at`, as UTC ms: midnight to midnight, so 23 hours on
 * the last Sunday of March and 25 on the last Sunday of October.
 */
export function stockholmDay(at: number): { from: number; to: number } {
  const wall = wallAsUtc(at);
  const midnight = (w: number) => {
    const day = Math.floor(w / (24 * HOUR)) * 24 * HOUR;
    // Midnight itself is never in a gap (Sweden changes clocks at 02:00/03:00).
    let guess = day - (wallAsUtc(day) - day);
    guess = day - (wallAsUtc(guess) - guess);
    return guess;
  };
  return { from: midnight(wall), to: midnight(wall + 24 * HOUR) };
}

/** The Stockholm day `offset` days from the one holding `at` (23, 24 or 25 hours). */
export function dayAt(at: number, offset: DayOffset): { from: number; to: number } {
  const today = stockholmDay(at);
  if (offset === 0) return today;
  return stockholmDay(offset < 0 ? today.from - 1 : today.to);
}

const isoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "2026-11-23": the Stockholm date of an instant, as the API takes it. */
export function isoDate(at: number): string {
  return isoDay.format(at);
}

export function buildTimeline(
  shifts: readonly ShiftRow[],
  visits: Iterable<ConsoleVisit>,
  at: number,
  cap = ROW_CAP,
  options: { offset?: DayOffset; routes?: DayRoutes | null } = {},
): Timeline {
  const offset = options.offset ?? 0;
  const travel = new Map<string, number>();
  const breaks = new Map<string, TimelineBreak[]>();
  for (const r of options.routes?.routes ?? []) {
    for (const leg of r.legs) travel.set(`${r.staffId} ${leg.toVisitId}`, leg.travelMinutes);
    breaks.set(
      r.staffId,
      r.breaks.map((b) => {
        const start = Date.parse(b.start);
        return { start, end: start + b.minutes * MINUTE, minutes: b.minutes };
      }),
    );
  }
  const byStaff = new Map<string, TimelineRow>();
  const ordered = [...shifts].sort(
    (a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.name.localeCompare(b.name),
  );
  // One row per caregiver on shift (their first shift of the day names the span).
  for (const shift of ordered)
    if (!byStaff.has(shift.staffId))
      byStaff.set(shift.staffId, {
        key: shift.staffId,
        shift,
        bars: [],
        breaks: breaks.get(shift.staffId) ?? [],
      });
  const unassigned: TimelineRow = { key: 'unassigned', shift: null, bars: [], breaks: [] };
  for (const visit of visits) {
    if (visit.status === 'cancelled') continue;
    const length = visit.durationMinutes * MINUTE;
    if (visit.assignees.length === 0) {
      if (visit.status !== 'unassigned') continue;
      const start = Date.parse(visit.windowStart);
      unassigned.bars.push({ visit, start, end: start + length });
    }
    for (const a of visit.assignees) {
      const row = byStaff.get(a.staffId);
      if (!row) continue; // not on shift in this municipality today
      const start = Date.parse(a.plannedStart);
      const minutes = travel.get(`${a.staffId} ${visit.id}`);
      row.bars.push({ visit, start, end: start + length, travelMinutes: minutes });
    }
  }
  for (const row of [unassigned, ...byStaff.values()]) row.bars.sort((a, b) => a.start - b.start);
  const staffRows = [...byStaff.values()];
  // The day in Stockholm; today stretched to the ends of the shifts working now (a night).
  const day = dayAt(at, offset);
  let from = day.from;
  let to = day.to;
  for (const s of offset === 0 ? ordered : []) {
    const start = Date.parse(s.startsAt);
    const end = Date.parse(s.endsAt);
    if (start <= at && at < end) {
      from = Math.min(from, Math.floor(start / HOUR) * HOUR);
      to = Math.max(to, Math.ceil(end / HOUR) * HOUR);
    }
  }
  // Bars outside the span are not drawn (yesterday's done visits, tomorrow's).
  for (const row of [unassigned, ...staffRows]) {
    row.bars = row.bars.filter((b) => b.end > from && b.start < to);
    row.breaks = row.breaks.filter((b) => b.end > from && b.start < to);
  }
  return { rows: [unassigned, ...staffRows.slice(0, cap)], total: staffRows.length, from, to };
}

/**
 * The rows to draw of `count` rows of `rowHeight` in a scroller showing `viewHeight` from
 * `scrollTop` (under a sticky axis of `axisHeight`), with `overscan` more each way:
 * [first, last], inclusive, so a 365-row day draws about twenty.
 */
export function visibleRows(
  scrollTop: number,
  viewHeight: number,
  rowHeight: number,
  axisHeight: number,
  count: number,
  overscan = 6,
): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const lastShown = Math.ceil((scrollTop + Math.max(0, viewHeight - axisHeight)) / rowHeight) - 1;
  return { first, last: Math.min(count - 1, lastShown + overscan) };
}

/** The hour marks between from and to, in UTC ms (a 25-hour day has 25 of them). */
export function hourTicks(from: number, to: number, step = 1): number[] {
  const ticks: number[] = [];
  for (let at = from; at <= to; at += step * HOUR) ticks.push(at);
  return ticks;
}
