import { DateTime } from 'luxon';
import { ZONE } from '../../domain/stockholm-time.ts';

/** A care plan's local window on one day, as the UTC instants a visit stores. */
export interface UtcWindow {
  start: Date;
  end: Date;
}

/**
 * The instant a Stockholm wall-clock time means on a calendar day, read as "the first moment
 * the clock shows this time, or later". One rule for both clock-change nights:
 * - spring (last Sunday of March) the clock jumps 02:00 → 03:00: 02:30 never shows, so it
 *   means 03:00 (01:00 UTC), the moment the clock passes it;
 * - autumn (last Sunday of October) the clock shows 02:00-03:00 twice: 02:30 means the first
 *   pass, 02:30+02:00 (00:30 UTC).
 * Why not luxon's own choice: it reads a skipped time an hour later (02:30 → 03:30) and a
 * repeated one in winter time (the second pass), so a window 02:30-03:10 would end before it
 * starts in spring and the autumn one would open an hour late. With this rule a window never
 * ends before it starts, and at worst (entirely inside the spring gap) shrinks to 03:00.
 */
export function wallClockInstant(isoDate: string, hhmm: string): Date {
  const key = `${isoDate}T${hhmm}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    if (instants.size > 10_000) instants.clear();
    ms = computeInstant(isoDate, hhmm);
    instants.set(key, ms);
  }
  return new Date(ms);
}

/**
 * Instants by local date and time: a day's thousands of visits share a few dozen window
 * times, and asking luxon (Intl) for each was most of a Stockholm-sized generation.
 */
const instants = new Map<string, number>();

function computeInstant(isoDate: string, hhmm: string): number {
  const [hour, minute] = hhmm.split(':').map(Number);
  const [year, month, day] = isoDate.split('-').map(Number);
  const dt = DateTime.fromObject({ year, month, day, hour, minute }, { zone: ZONE });
  if (!dt.isValid) throw new Error(`invalid local time ${isoDate} ${hhmm}`);
  if (dt.hour === hour && dt.minute === minute && dt.day === day) {
    // Exists: once, or twice on the autumn night (take the earlier instant).
    const passes = dt.getPossibleOffsets().map((d) => d.toMillis());
    return Math.min(dt.toMillis(), ...passes);
  }
  return gapEnd(dt.toMillis(), wallMinutes(year, month, day, hour, minute));
}

/** Minutes of a wall-clock reading, comparable across the day (a local "timestamp"). */
function wallMinutes(year: number, month: number, day: number, h: number, m: number): number {
  return Date.UTC(year, month - 1, day, h, m) / 60_000;
}

/**
 * The first instant the wall clock reads `wanted` or later, searched back from `shifted`
 * (luxon's reading, after the gap): across a spring gap the wall clock only goes forward.
 */
function gapEnd(shifted: number, wanted: number): number {
  let lo = shifted - 3 * 3600_000; // the clock reads earlier than wanted here
  let hi = shifted; // and at least wanted here
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    const w = DateTime.fromMillis(mid, { zone: ZONE });
    if (wallMinutes(w.year, w.month, w.day, w.hour, w.minute) >= wanted) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** 'HH:MM' of a time column ('07:30:00' as the driver gives it). */
export const hhmmOf = (time: string): string => time.slice(0, 5);

/**
 * A care plan's window (local start and end, 'HH:MM[:SS]') on `isoDate`, in UTC. An end
 * earlier than the start is a window over midnight (22:30-00:30): it ends the next day.
 */
export function planWindow(isoDate: string, windowStart: string, windowEnd: string): UtcWindow {
  const startText = hhmmOf(windowStart);
  const endText = hhmmOf(windowEnd);
  const start = wallClockInstant(isoDate, startText);
  const endDate = endText < startText ? nextDay(isoDate) : isoDate;
  let end = wallClockInstant(endDate, endText);
  // A guard: the first-moment rule keeps the order of times of one day.
  if (end < start) end = start;
  return { start, end };
}

export function nextDay(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: ZONE }).plus({ days: 1 }).toISODate()!;
}
