import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';

/** The legal minimum (Patientdatalagen, HSLF-FS 2016:40); the database enforces it too. */
export const MIN_RETENTION_YEARS = 5;

/**
 * Removes audit rows older than the retention period, through the one database function that
 * may delete them (it refuses anything younger than five years). Returns the rows removed.
 */
export async function purgeAuditLog(db: Db, years: number, now: Date): Promise<number> {
  if (!Number.isInteger(years) || years < MIN_RETENTION_YEARS)
    throw new Error(`audit retention must be at least ${MIN_RETENTION_YEARS} years`);
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  const result = await db.execute<{ removed: number | string }>(
    sql`select audit_log_purge(${cutoff.toISOString()}::timestamptz) as removed`,
  );
  const rows = rowsOf<{ removed: number | string }>(result);
  return Number(rows[0]?.removed ?? 0);
}
