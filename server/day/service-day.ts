import { DateTime } from 'luxon';
import { ZONE } from '../domain/stockholm-time.ts';

/** An instant range [start, end). */
export interface DayRange {
  start: Date;
  end: Date;
}

/** When the night shift hands over to the morning, local time. */
export const NIGHT_ENDS = '07:30';

/**
 * The service day that is on at `now`: from local midnight to the end of the night after
 * (`nightEnds`, local). Before `nightEnds` it is still yesterday's night. DST-safe: the
 * bounds are local wall-clock times turned into UTC, so the night of the autumn clock
 * change is an hour longer and that of the spring change an hour shorter.
 */
export function serviceDayRange(now: Date, nightEnds = NIGHT_ENDS): DayRange {
  const [h, m] = nightEnds.split(':').map(Number);
  const local = DateTime.fromJSDate(now, { zone: ZONE });
  const cutover = local.startOf('day').set({ hour: h, minute: m });
  const day = (local < cutover ? local.minus({ days: 1 }) : local).startOf('day');
  const end = day.plus({ days: 1 }).set({ hour: h, minute: m });
  return { start: day.toUTC().toJSDate(), end: end.toUTC().toJSDate() };
}

/** A caregiver who made a visit to a patient this recently counts as known to them. */
export const KNOWN_DAYS = 14;

/** The start of the history window that decides who knows a patient, counted back from `at`. */
export function knownSince(at: Date): Date {
  return new Date(at.getTime() - KNOWN_DAYS * 86_400_000);
}

/** What the live state keeps in memory around `now`: yesterday's night to tomorrow's. */
export const LIVE_BEFORE_MS = 24 * 3600_000;
export const LIVE_AFTER_MS = 48 * 3600_000;

export function liveWindow(now: Date): DayRange {
  return {
    start: new Date(now.getTime() - LIVE_BEFORE_MS),
    end: new Date(now.getTime() + LIVE_AFTER_MS),
  };
}
