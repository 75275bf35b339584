import { sql } from 'drizzle-orm';
import { type Db, perDatabase } from '../../db/client.ts';
import { reusableSql } from '../../db/reusable-query.ts';
import type { auditLog } from '../../db/schema/index.ts';

export type AuditRow = typeof auditLog.$inferInsert & { at: Date };

interface Waiting {
  rows: AuditRow[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Audit rows of requests outside a transaction, written together: the rows given while the
 * event loop is busy go in one INSERT (group commit), and each caller's promise settles when
 * the statement holding its rows has committed. Nothing is answered before its rows are in
 * the table, so a crash loses no audit row of an answered request; a failed INSERT fails
 * every request in it. Under load this turns a statement per request into one per turn of
 * the event loop; alone, a request waits one `setImmediate`.
 */
class AuditBatch {
  private queue: Waiting[] = [];
  private scheduled = false;

  constructor(private readonly db: Db) {}

  add(rows: AuditRow[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.scheduled = false;
    const rows = batch.flatMap((w) => w.rows);
    try {
      await insertRows(this.db, { rows: JSON.stringify(rows.map(asColumns)) });
      for (const w of batch) w.resolve();
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }
}

const batchOf = perDatabase((db) => new AuditBatch(db));

/** Writes audit rows outside a transaction, grouped with those of concurrent requests. */
export function insertAuditRows(db: Db, rows: AuditRow[]): Promise<void> {
  return batchOf(db).add(rows);
}

/**
 * Any number of rows in one prepared statement: they travel as one JSON array, so the SQL is
 * the same for one row or fifty (a multi-row VALUES would be built and planned per count).
 */
const insertRows = reusableSql(
  'audit_insert',
  sql`insert into audit_log (at, user_id, role, patient_id, municipality_code, unit, action,
                             request_id, emergency, reason)
      select at, user_id, role, patient_id, municipality_code, unit, action,
             request_id, emergency, reason
      from json_populate_recordset(null::audit_log, ${sql.placeholder('rows')}::json)`,
);

/** A row as the table names its columns. */
function asColumns(r: AuditRow) {
  return {
    at: r.at.toISOString(),
    user_id: r.userId,
    role: r.role,
    patient_id: r.patientId ?? null,
    municipality_code: r.municipalityCode ?? null,
    unit: r.unit ?? null,
    action: r.action,
    request_id: r.requestId ?? null,
    emergency: r.emergency ?? false,
    reason: r.reason ?? null,
  };
}
