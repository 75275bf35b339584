/**
 * The board's period: the last 14, 28 or 90 days ending today (Stockholm), as the dates the
 * figures API takes (from and to inclusive, YYYY-MM-DD).
 */
export const PERIOD_DAYS = [14, 28, 90] as const;
export type PeriodDays = (typeof PERIOD_DAYS)[number];

export interface Period {
  from: string;
  to: string;
  days: PeriodDays;
}

const stockholmDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Stockholm. */
export function stockholmToday(now: Date): string {
  return stockholmDate.format(now);
}

/** A calendar date `delta` days from `date` (no time zone involved: dates only). */
export function addDays(date: string, delta: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + delta);
  return d.toISOString().slice(0, 10);
}

/** The `days` days ending today. */
export function lastDays(days: PeriodDays, now: Date): Period {
  const to = stockholmToday(now);
  return { from: addDays(to, -(days - 1)), to, days };
}

/** Every date of the period in order. */
export function datesOf(p: { from: string; to: string }): string[] {
  const out: string[] = [];
  for (let d = p.from; d <= p.to; d = addDays(d, 1)) out.push(d);
  return out;
}
