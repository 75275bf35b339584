import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import { purgeAuditLog } from '../../server/audit/retention.ts';
import { dbKinds, freshDatabase } from '../support/databases.ts';

const YEAR = 365.25 * 86_400_000;

describe.each(dbKinds())('the audit log is append-only in the database (%s)', (kind) => {
  let database: Database;
  const ago = (years: number) => new Date(Date.now() - years * YEAR);
  const row = (at: Date, action = 'patient.read') => ({
    at,
    userId: 'u1',
    role: 'dispatcher',
    patientId: '10000000-0000-4000-8000-000000000005',
    municipalityCode: '0180',
    action,
  });
  const total = async () => (await database.db.select({ n: count() }).from(auditLog))[0].n;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await database.db
      .insert(auditLog)
      .values([row(ago(7), 'old'), row(ago(5.5), 'old'), row(ago(4.9)), row(ago(0))]);
  });
  afterAll(async () => database.close());

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const db = database.db;
    await expect(db.update(auditLog).set({ action: 'x' })).rejects.toThrow();
    await expect(db.execute(sql`update audit_log set reason = 'x' where id = 1`)).rejects.toThrow();
    await expect(db.delete(auditLog).where(eq(auditLog.action, 'patient.read'))).rejects.toThrow();
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect(await total()).toBe(4);
  });

  it('refuses deleting recent rows even with the purge flag set by hand', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('hhc.audit_purge', 'on', true)`);
        await tx.execute(sql`delete from audit_log where action = 'patient.read'`);
      }),
    ).rejects.toThrow();
    const refused = await database.db
      .execute(sql`select audit_log_purge(now() - interval '1 year')`)
      .then(
        () => null,
        (e: Error) => e,
      );
    expect(String((refused?.cause as Error | undefined)?.message)).toMatch(/five years/);
    expect(await total()).toBe(4);
  });

  it('purges only rows older than the retention period, never less than five years', async () => {
    await expect(purgeAuditLog(database.db, 4, new Date())).rejects.toThrow(/at least 5/);
    expect(await purgeAuditLog(database.db, 6, new Date())).toBe(1);
    expect(await purgeAuditLog(database.db, 5, new Date())).toBe(1);
    const left = await database.db.select({ action: auditLog.action }).from(auditLog);
    expect(left.map((r) => r.action)).toEqual(['patient.read', 'patient.read']);
    // The flag was switched off again: plain deletes are refused as before.
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
  });
});
