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
}

export interface TimelineRow {
  /** The staff id, or 'unassigned' for the row at the top. */
  key: string;
  shift: ShiftRow | null;
  bars: TimelineBar[];
}

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

export function buildTimeline(
  shifts: readonly ShiftRow[],
  visits: Iterable<ConsoleVisit>,
  at: number,
  cap = ROW_CAP,
): Timeline {
  const byStaff = new Map<string, TimelineRow>();
  const ordered = [...shifts].sort(
    (a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || a.name.localeCompare(b.name),
  );
  // One row per caregiver on shift (their first shift of the day names the span).
  for (const shift of ordered)
    if (!byStaff.has(shift.staffId))
      byStaff.set(shift.staffId, { key: shift.staffId, shift, bars: [] });
  const unassigned: TimelineRow = { key: 'unassigned', shift: null, bars: [] };
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
      row.bars.push({ visit, start, end: start + length });
    }
  }
  for (const row of [unassigned, ...byStaff.values()]) row.bars.sort((a, b) => a.start - b.start);
  const staffRows = [...byStaff.values()];
  // Today in Stockholm, stretched to the ends of the shifts working now (a night shift).
  const day = stockholmDay(at);
  let from = day.from;
  let to = day.to;
  for (const s of ordered) {
    const start = Date.parse(s.startsAt);
    const end = Date.parse(s.endsAt);
    if (start <= at && at < end) {
      from = Math.min(from, Math.floor(start / HOUR) * HOUR);
      to = Math.max(to, Math.ceil(end / HOUR) * HOUR);
    }
  }
  // Bars outside the span are not drawn (yesterday's done visits, tomorrow's).
  for (const row of [unassigned, ...staffRows])
    row.bars = row.bars.filter((b) => b.end > from && b.start < to);
  return { rows: [unassigned, ...staffRows.slice(0, cap)], total: staffRows.length, from, to };
}

/** The hour marks between from and to, in UTC ms (a 25-hour day has 25 of them). */
export function hourTicks(from: number, to: number, step = 1): number[] {
  const ticks: number[] = [];
  for (let at = from; at <= to; at += step * HOUR) ticks.push(at);
  return ticks;
}
