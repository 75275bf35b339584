import { DateTime } from 'luxon';

/** All local time in this product is Stockholm's; storage is UTC. */
export const ZONE = 'Europe/Stockholm';

/** The UTC instants that bound one local calendar day (23, 24 or 25 hours long). */
export function localDayBounds(isoDate: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(isoDate, { zone: ZONE }).startOf('day');
  return { start: start.toUTC().toJSDate(), end: start.plus({ days: 1 }).toUTC().toJSDate() };
}

/** ISO string in Stockholm time with its offset, for people and clients. */
export function toLocalIso(d: Date): string {
  return DateTime.fromJSDate(d, { zone: ZONE }).toISO({ suppressMilliseconds: true }) ?? '';
}

export function todayLocal(now: Date): string {
  return DateTime.fromJSDate(now, { zone: ZONE }).toISODate() ?? '';
}

export type InstantParse = { ok: true; value: Date } | { ok: false; message: string };

/**
 * Parses an instant given either with an offset (`…Z`, `…+01:00`: exact) or as Stockholm
 * wall-clock time without one. Wall-clock times that do not exist (the spring gap,
 * 02:00-03:00 on the last Sunday of March) or happen twice (the autumn repeat) are refused:
 * the client must then say which instant it means by giving the offset.
 */
export function parseInstant(text: string): InstantParse {
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
  const dt = DateTime.fromISO(text, hasOffset ? { setZone: true } : { zone: ZONE });
  if (!dt.isValid) return { ok: false, message: 'must be an ISO 8601 date-time' };
  if (hasOffset) return { ok: true, value: dt.toUTC().toJSDate() };
  const wall = DateTime.fromISO(text);
  if (dt.hour !== wall.hour || dt.minute !== wall.minute || dt.day !== wall.day) {
    return {
      ok: false,
      message: 'this Stockholm local time does not exist (clocks go forward); give an offset',
    };
  }
  const offsets = dt.getPossibleOffsets();
  if (offsets.length > 1) {
    return {
      ok: false,
      message: 'this Stockholm local time happens twice (clocks go back); give an offset',
    };
  }
  return { ok: true, value: dt.toUTC().toJSDate() };
}
