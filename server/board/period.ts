import { DateTime } from 'luxon';
import { AppError } from '../http/errors.ts';
import { ZONE, localDayBounds } from '../domain/stockholm-time.ts';

/** The longest period the board computes in one request: a quarter. */
export const MAX_PERIOD_DAYS = 92;

/** A board period: whole local days, from and to inclusive, with their UTC bounds. */
export interface Period {
  from: string;
  to: string;
  /** Start of `from`, Stockholm time, as a UTC instant. */
  start: Date;
  /** End of `to` (start of the next day): the period is [start, end). */
  end: Date;
  days: number;
}

const bad = (field: string, message: string) =>
  new AppError(400, 'validation_failed', 'The request is not valid', [{ field, message }]);

/** A local calendar date that exists (2026-02-30 does not), or a 400 naming the field. */
export function parseLocalDate(value: string, field: string): DateTime {
  const d = DateTime.fromISO(value, { zone: ZONE });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !d.isValid)
    throw bad(field, `'${value}' is not a date that exists (YYYY-MM-DD)`);
  return d.startOf('day');
}

/**
 * The period of a board request, checked: both dates exist, `to` is not before `from`, and
 * it spans at most MAX_PERIOD_DAYS days. Without `from`, the 28 days ending on `to`; without
 * `to`, today.
 */
export function parsePeriod(
  q: { from?: string; to?: string },
  today: string,
  defaultDays = 28,
): Period {
  const to = parseLocalDate(q.to ?? today, 'query.to');
  const from = q.from
    ? parseLocalDate(q.from, 'query.from')
    : to.minus({ days: Math.min(defaultDays, MAX_PERIOD_DAYS) - 1 });
  if (from > to) throw bad('query.from', 'must not be after query.to');
  const days = Math.round(to.diff(from, 'days').days) + 1;
  if (days > MAX_PERIOD_DAYS)
    throw bad('query.from', `the period is ${days} days; at most ${MAX_PERIOD_DAYS} are allowed`);
  const fromIso = from.toISODate()!;
  const toIso = to.toISODate()!;
  return {
    from: fromIso,
    to: toIso,
    start: localDayBounds(fromIso).start,
    end: localDayBounds(toIso).end,
    days,
  };
}
