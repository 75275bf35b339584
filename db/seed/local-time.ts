/** Stockholm wall-clock helpers for the demo generator: local 'HH:MM' windows → UTC instants. */
import { DateTime } from 'luxon';
import type { ShiftKind } from '../reference/professions.ts';
import type { Rng } from './prng.ts';

export const ZONE = 'Europe/Stockholm';

export function hhmm(minutes: number): string {
  const m = Math.max(0, Math.min(23 * 60 + 59, Math.round(minutes)));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function toMinutes(hm: string): number {
  const [h, m] = hm.split(':').map(Number);
  return h * 60 + m;
}

/** A window starting at a random quarter-hour in [from, to] (local 'HH:MM'), `length` long. */
export function window(
  rng: Rng,
  from: string,
  to: string,
  length: number,
): { start: string; end: string } {
  const a = toMinutes(from);
  const b = toMinutes(to);
  const start = a + 15 * rng.int(0, Math.max(0, Math.floor((b - a) / 15)));
  return { start: hhmm(start), end: hhmm(Math.min(start + length, 23 * 60 + 59)) };
}

/** Local date + 'HH:MM' in Europe/Stockholm → UTC instant (a time in a spring-forward gap moves forward). */
export function localToUtc(date: string, time: string): Date {
  const key = `${date}T${time}`;
  let ms = utcCache.get(key);
  if (ms === undefined) {
    const dt = DateTime.fromISO(key, { zone: ZONE });
    if (!dt.isValid) throw new Error(`invalid local time ${key}`);
    ms = dt.toMillis();
    if (utcCache.size > 50_000) utcCache.clear();
    utcCache.set(key, ms);
  }
  return new Date(ms);
}

export const utcCache = new Map<string, number>();

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: ZONE }).plus({ days }).toISODate()!;
}

export function isoWeekday(date: string): number {
  return DateTime.fromISO(date, { zone: ZONE }).weekday;
}

export function periodOf(localStartMinutes: number): ShiftKind {
  if (localStartMinutes >= 7 * 60 && localStartMinutes < 15 * 60) return 'day';
  if (localStartMinutes >= 15 * 60 && localStartMinutes < 22 * 60) return 'evening';
  return 'night';
}
