import { sql } from 'drizzle-orm';
import { type Db, perDatabase } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';

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
      if (rows.length === 1) {
        await insertOneQuery(this.db).execute({ ...rows[0], at: rows[0].at.toISOString() });
      } else await this.db.insert(auditLog).values(rows);
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

/** The single-row INSERT, prepared once per database: at low load each batch is one row. */
function buildInsertOne(db: Db) {
  const p = (name: string) => sql.placeholder(name);
  return db
    .insert(auditLog)
    .values({
      at: sql`${p('at')}::timestamptz`,
      userId: p('userId'),
      role: p('role'),
      patientId: p('patientId'),
      municipalityCode: p('municipalityCode'),
      unit: p('unit'),
      action: p('action'),
      requestId: p('requestId'),
      emergency: p('emergency'),
      reason: p('reason'),
    })
    .prepare('audit_insert_one');
}

const insertOneQuery = perDatabase(buildInsertOne);
