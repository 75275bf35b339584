import { DateTime } from 'luxon';

/** All local time in this product is Stockholm's; storage is UTC. */
export const ZONE = 'Europe/Stockholm';

/** The UTC instants that bound one local calendar day (23, 24 or 25 hours long). */
export function localDayBounds(isoDate: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(isoDate, { zone: ZONE }).startOf('day');
  return { start: start.toUTC().toJSDate(), end: start.plus({ days: 1 }).toUTC().toJSDate() };
}

/**
 * ISO string in Stockholm time with its offset, for people and clients; as luxon's
 * `toISO({ suppressMilliseconds: true })`, which it is tested against. Every visit and
 * suggestion in every answer carries a few: asking luxon (Intl) each time was a noticeable
 * share of a request. The offset comes from luxon once per UTC hour (Stockholm's clock
 * changes at 01:00 UTC), and the string is built here.
 */
export function toLocalIso(d: Date): string {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return '';
  const offset = offsetMinutes(ms);
  const t = new Date(ms + offset * 60_000);
  const year = t.getUTCFullYear();
  if (year < 0 || year > 9999) {
    return DateTime.fromJSDate(d, { zone: ZONE }).toISO({ suppressMilliseconds: true }) ?? '';
  }
  const milli = t.getUTCMilliseconds();
  const abs = Math.abs(offset);
  return (
    `${pad(year, 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}` +
    `T${pad(t.getUTCHours(), 2)}:${pad(t.getUTCMinutes(), 2)}:${pad(t.getUTCSeconds(), 2)}` +
    (milli ? `.${pad(milli, 3)}` : '') +
    `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`
  );
}

const HOUR_MS = 3600_000;
const offsets = new Map<number, number>();

/** Stockholm's offset from UTC in minutes at `ms`, asked of luxon once per UTC hour. */
function offsetMinutes(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    if (offsets.size > 10_000) offsets.clear();
    offset = DateTime.fromMillis(hour * HOUR_MS, { zone: ZONE }).offset;
    offsets.set(hour, offset);
  }
  return offset;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
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
export function parseInstant(text: string, range?: InstantRange): InstantParse {
  const parsed = parseExactly(text);
  if (!parsed.ok || !range) return parsed;
  if (parsed.value < range.min || parsed.value > range.max) {
    return {
      ok: false,
      message: `must be between ${toLocalIso(range.min)} and ${toLocalIso(range.max)}`,
    };
  }
  return parsed;
}

/** Where an instant may lie (inclusive); each field states its own, relative to now. */
export interface InstantRange {
  min: Date;
  max: Date;
}

/** From `back` to `ahead` around `now`, in calendar years and hours (Stockholm time). */
export function rangeAround(
  now: Date,
  back: { years?: number; hours?: number },
  ahead: { years?: number; hours?: number },
): InstantRange {
  const at = DateTime.fromJSDate(now, { zone: ZONE });
  return { min: at.minus(back).toJSDate(), max: at.plus(ahead).toJSDate() };
}

/** The years any instant the API takes must fall in: others are typos or probes. */
export const INSTANT_YEARS = { min: 2000, max: 2099 } as const;

/**
 * The one form taken: extended ISO 8601 calendar date and time to the minute, second or
 * millisecond, with or without an offset (hours 00-23, offsets up to ±14:00). Luxon alone
 * also takes week dates, the basic format, 24:00 and offsets such as +99:00, and rolls some
 * of them over into another instant.
 */
const INSTANT_FORM =
  /^(\d{4})-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):?[0-5]\d)?$/i;

function parseExactly(text: string): InstantParse {
  const form = INSTANT_FORM.exec(text);
  if (!form) {
    return {
      ok: false,
      message: 'must be an ISO 8601 date-time such as 2026-11-23T07:30:00+01:00',
    };
  }
  const year = Number(form[1]);
  if (year < INSTANT_YEARS.min || year > INSTANT_YEARS.max) {
    return {
      ok: false,
      message: `the year must be between ${INSTANT_YEARS.min} and ${INSTANT_YEARS.max}`,
    };
  }
  const hasOffset = form[5] !== undefined;
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
