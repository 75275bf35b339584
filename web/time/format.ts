/**
 * Every time on screen goes through here: Swedish style, Europe/Stockholm, 24 hours, so a
 * clock-change night shows the wall-clock times the staff see.
 */
import { t } from '../i18n/i18n.ts';

export const TIME_ZONE = 'Europe/Stockholm';

const clock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const dayAndClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * Formatted clocks by instant: the console draws its queue and staff list again on each live
 * event (50 a second at a busy moment), mostly the same few hundred times, and Intl's format
 * took 7 % of the page's CPU then (bench/web). Emptied when large, so it cannot grow unbounded.
 */
const clocks = new Map<number, string>();

/** "07:30" in Stockholm. */
export function formatClock(at: string | Date): string {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  let text = clocks.get(ms);
  if (text === undefined) {
    if (clocks.size >= 5000) clocks.clear();
    text = clock.format(new Date(at));
    clocks.set(ms, text);
  }
  return text;
}

/** "mån 23 nov. 07:30" in Stockholm. */
export function formatDayClock(at: string | Date): string {
  return dayAndClock.format(new Date(at));
}

/** "07:30–08:30". */
export function formatWindow(start: string | Date, end: string | Date): string {
  return `${formatClock(start)}–${formatClock(end)}`;
}

/** A duration in the page's language: "25 min", "1 h 05 min" (never negative). */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return t('time.minutes', { minutes });
  return t('time.hours', {
    hours: Math.floor(minutes / 60),
    minutes: String(minutes % 60).padStart(2, '0'),
  });
}

const dateOnly = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** "2026-12-31" in Stockholm (a delegation's last day). */
export function formatDate(at: string | Date): string {
  return dateOnly.format(new Date(at));
}

const dayName = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});

/** "mån 23 nov." in Stockholm (a day to pick). */
export function formatDayName(at: string | Date | number): string {
  return dayName.format(new Date(at));
}
