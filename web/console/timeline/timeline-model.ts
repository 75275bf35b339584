/**
 * The day timeline's rows and axis, from the live store's shifts and visits. Pure: the x
 * axis is UTC milliseconds (a 23- or 25-hour night is simply shorter or longer), and the
 * labels are formatted in Stockholm time by the caller.
 */
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

export function buildTimeline(
  shifts: readonly ShiftRow[],
  visits: Iterable<ConsoleVisit>,
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
  const times: number[] = ordered.flatMap((s) => [Date.parse(s.startsAt), Date.parse(s.endsAt)]);
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
    times.push(Date.parse(visit.windowStart), Date.parse(visit.windowEnd));
  }
  for (const row of [unassigned, ...byStaff.values()]) row.bars.sort((a, b) => a.start - b.start);
  for (const row of [unassigned, ...byStaff.values()])
    for (const bar of row.bars) times.push(bar.start, bar.end);
  const staffRows = [...byStaff.values()];
  const first = times.length ? Math.min(...times) : Date.now();
  const last = times.length ? Math.max(...times) : first + HOUR;
  // Whole hours in UTC are whole hours in Stockholm too (its offsets are whole hours).
  const from = Math.floor(first / HOUR) * HOUR;
  const to = Math.max(from + HOUR, Math.ceil(last / HOUR) * HOUR);
  return { rows: [unassigned, ...staffRows.slice(0, cap)], total: staffRows.length, from, to };
}

/** The hour marks between from and to, in UTC ms (a 25-hour day has 25 of them). */
export function hourTicks(from: number, to: number, step = 1): number[] {
  const ticks: number[] = [];
  for (let at = from; at <= to; at += step * HOUR) ticks.push(at);
  return ticks;
}
