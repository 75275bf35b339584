import { DateTime } from 'luxon';

/**
 * Swedish public holidays (Lag 1989:253 om allmänna helgdagar) and the three eves that
 * count as holidays for deadlines (Lag 1930:173 om beräkning av lagstadgad tid: Midsummer
 * Eve, Christmas Eve, New Year's Eve), for a rule that counts working days. Dates are ISO
 * calendar days; no clock is read.
 */
export function swedishHolidays(year: number): Set<string> {
  const easter = easterSunday(year);
  const d = (month: number, day: number) => DateTime.utc(year, month, day);
  const firstSaturdayFrom = (from: DateTime) => from.plus({ days: (6 - from.weekday + 7) % 7 });
  const midsummerDay = firstSaturdayFrom(d(6, 20));
  const days = [
    d(1, 1), // New Year's Day
    d(1, 6), // Epiphany
    easter.minus({ days: 2 }), // Good Friday
    easter,
    easter.plus({ days: 1 }), // Easter Monday
    d(5, 1),
    easter.plus({ days: 39 }), // Ascension Day
    easter.plus({ days: 49 }), // Pentecost
    d(6, 6), // National Day
    midsummerDay.minus({ days: 1 }), // Midsummer Eve
    midsummerDay,
    firstSaturdayFrom(d(10, 31)), // All Saints' Day
    d(12, 24),
    d(12, 25),
    d(12, 26),
    d(12, 31),
  ];
  return new Set(days.map((x) => x.toISODate() ?? ''));
}

/** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): DateTime {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.utc(year, month, day);
}

const byYear = new Map<number, Set<string>>();

/** A weekday (Monday to Friday) that is no holiday. `isoDate` is a calendar day. */
export function isWorkingDay(isoDate: string): boolean {
  const day = DateTime.fromISO(isoDate, { zone: 'utc' });
  if (day.weekday > 5) return false;
  let holidays = byYear.get(day.year);
  if (!holidays) byYear.set(day.year, (holidays = swedishHolidays(day.year)));
  return !holidays.has(isoDate);
}
