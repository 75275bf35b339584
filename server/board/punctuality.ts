import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import { type BoardScope, type Grain, dayKey, num, visitsInScope } from './board-scope.ts';

/** Lateness after the window's latest start, in minutes: (0, 15], (15, 30], (30, 60], > 60. */
export const LATENESS_BUCKETS = [
  'early',
  'onTime',
  'late1to15',
  'late16to30',
  'late31to60',
  'lateOver60',
] as const;
export type LatenessBucket = (typeof LATENESS_BUCKETS)[number];

export interface Punctuality {
  municipalityCode: string;
  day: string | null;
  /** Visits with a reported start. */
  started: number;
  /** Started within their window (windowStart ≤ start ≤ windowEnd). */
  withinWindow: number;
  share: number | null;
  /** How many started before the window, within it, and how late after it. */
  buckets: Record<LatenessBucket, number>;
}

/**
 * Punctuality of the visits that were started (a reported start in visit_actuals): the window
 * bounds the start (DOMAIN.md), so a start after windowEnd is late by the difference and one
 * before windowStart is early (also outside the window).
 */
export async function punctuality(
  db: Db,
  s: BoardScope,
  grain: Grain = 'period',
): Promise<Punctuality[]> {
  const late = sql`extract(epoch from va.started_at - v.window_end) / 60`;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select v.municipality_code, ${dayKey(grain, sql`v.window_start`)} as day,
        count(*)::int as started,
        count(*) filter (where va.started_at < v.window_start)::int as early,
        count(*) filter (where va.started_at >= v.window_start
          and va.started_at <= v.window_end)::int as on_time,
        count(*) filter (where ${late} > 0 and ${late} <= 15)::int as l15,
        count(*) filter (where ${late} > 15 and ${late} <= 30)::int as l30,
        count(*) filter (where ${late} > 30 and ${late} <= 60)::int as l60,
        count(*) filter (where ${late} > 60)::int as l_over
      from visits v join visit_actuals va on va.visit_id = v.id
      where ${visitsInScope(s)} and va.started_at is not null
      group by 1, 2 order by 1, 2`),
  );
  return rows.map((r) => ({
    municipalityCode: String(r.municipality_code),
    day: (r.day as string | null) ?? null,
    started: num(r.started),
    withinWindow: num(r.on_time),
    share: num(r.started) ? num(r.on_time) / num(r.started) : null,
    buckets: {
      early: num(r.early),
      onTime: num(r.on_time),
      late1to15: num(r.l15),
      late16to30: num(r.l30),
      late31to60: num(r.l60),
      lateOver60: num(r.l_over),
    },
  }));
}
