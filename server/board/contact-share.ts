import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import { type BoardScope, type Grain, dayKey, num, visitsInScope } from './board-scope.ts';

export interface ContactShare {
  municipalityCode: string;
  /** Local date for a trend, null for the whole period. */
  day: string | null;
  /** Visits done to patients who have a named contact caregiver. */
  visits: number;
  /** Of those, visits the contact caregiver made (alone or as one of two). */
  byContact: number;
  /** byContact / visits, null when there were none. */
  share: number | null;
}

/** Share of a patient's visits made by their contact caregiver (fast vårdkontakt). */
export async function contactShare(
  db: Db,
  s: BoardScope,
  grain: Grain = 'period',
): Promise<ContactShare[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select v.municipality_code, ${dayKey(grain, sql`v.window_start`)} as day,
        count(*)::int as visits,
        count(*) filter (where exists (select 1 from assignments a
          where a.visit_id = v.id and a.staff_id = p.contact_staff_id))::int as by_contact
      from visits v join patients p on p.id = v.patient_id
      where ${visitsInScope(s)} and v.status = 'done' and p.contact_staff_id is not null
      group by 1, 2 order by 1, 2`),
  );
  return rows.map((r) => ({
    municipalityCode: String(r.municipality_code),
    day: (r.day as string | null) ?? null,
    visits: num(r.visits),
    byContact: num(r.by_contact),
    share: num(r.visits) ? num(r.by_contact) / num(r.visits) : null,
  }));
}
