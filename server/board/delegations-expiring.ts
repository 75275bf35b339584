import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import { inList } from './board-scope.ts';

/** How far ahead the board warns of delegations running out. */
export const EXPIRY_HORIZON_DAYS = 14;

export interface ExpiringDelegation {
  delegationId: string;
  staffId: string;
  staffName: string;
  teamId: string;
  taskType: string;
  delegatedById: string;
  delegatedByName: string;
  /** The named patient of a patient-bound delegation (patient data: the route audits it). */
  patientId: string | null;
  validTo: Date;
}

/**
 * Delegations (SOSFS 1997:14) of the municipality's staff that are in force now and end within
 * EXPIRY_HORIZON_DAYS, soonest first, so that they are renewed before visits fail on them.
 */
export async function delegationsExpiring(
  db: Db,
  municipalities: readonly string[],
  teamId: string | null,
  now: Date,
): Promise<ExpiringDelegation[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select d.id::text, d.staff_id::text, st.name as staff_name, st.team_id::text,
        d.task_type::text, d.delegated_by::text, rn.name as delegated_by_name,
        d.patient_id::text, d.valid_to
      from delegations d
      join staff st on st.id = d.staff_id
      join staff rn on rn.id = d.delegated_by
      where ${inList(sql`st.municipality_code`, municipalities)}
        and ${teamId ? sql`st.team_id = ${teamId}::uuid` : sql`true`}
        and d.revoked_at is null
        and d.valid_from <= ${now.toISOString()}::timestamptz
        and d.valid_to > ${now.toISOString()}::timestamptz
        and d.valid_to <= ${now.toISOString()}::timestamptz + make_interval(days => ${EXPIRY_HORIZON_DAYS})
      order by d.valid_to, st.name, d.task_type`),
  );
  return rows.map((r) => ({
    delegationId: String(r.id),
    staffId: String(r.staff_id),
    staffName: String(r.staff_name),
    teamId: String(r.team_id),
    taskType: String(r.task_type),
    delegatedById: String(r.delegated_by),
    delegatedByName: String(r.delegated_by_name),
    patientId: r.patient_id === null ? null : String(r.patient_id),
    validTo: r.valid_to instanceof Date ? r.valid_to : new Date(String(r.valid_to)),
  }));
}
