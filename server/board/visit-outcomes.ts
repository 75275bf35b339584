import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import { type BoardScope, type Grain, dayKey, local, num, visitsInScope } from './board-scope.ts';

export interface VisitOutcomes {
  municipalityCode: string;
  day: string | null;
  /** Visits due (window start) in the period. */
  visits: number;
  done: number;
  /** Still without a caregiver (as of now). */
  unplaced: number;
  noAccess: number;
  cancelled: number;
  twoPerson: { done: number; together: number };
  /** Visits done per patient and day with any visit done ("fewer care contacts"). */
  arrivalsPerPatientDay: number | null;
}

/**
 * What became of the visits of the period, and two figures of the same scan: two-person
 * visits done with both caregivers on them (the reports name one caregiver, so "together" is
 * both assigned at the visit done), and arrivals per patient and day (a two-person visit is
 * one arrival).
 */
export async function visitOutcomes(
  db: Db,
  s: BoardScope,
  grain: Grain = 'period',
): Promise<VisitOutcomes[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select v.municipality_code, ${dayKey(grain, sql`v.window_start`)} as day,
        count(*)::int as visits,
        count(*) filter (where v.status = 'done')::int as done,
        count(*) filter (where v.status = 'unassigned')::int as unplaced,
        count(*) filter (where v.status = 'no_access')::int as no_access,
        count(*) filter (where v.status = 'cancelled')::int as cancelled,
        count(*) filter (where v.status = 'done' and v.staff_count = 2)::int as two_done,
        count(*) filter (where v.status = 'done' and v.staff_count = 2
          and (select count(*) from assignments a where a.visit_id = v.id) = 2)::int as two_together,
        count(distinct v.patient_id::text || ${local(sql`v.window_start`)}::date::text)
          filter (where v.status = 'done')::int as patient_days
      from visits v
      where ${visitsInScope(s)}
      group by 1, 2 order by 1, 2`),
  );
  return rows.map((r) => ({
    municipalityCode: String(r.municipality_code),
    day: (r.day as string | null) ?? null,
    visits: num(r.visits),
    done: num(r.done),
    unplaced: num(r.unplaced),
    noAccess: num(r.no_access),
    cancelled: num(r.cancelled),
    twoPerson: { done: num(r.two_done), together: num(r.two_together) },
    arrivalsPerPatientDay: num(r.patient_days) ? num(r.done) / num(r.patient_days) : null,
  }));
}
