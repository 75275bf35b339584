import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { auditLog } from '../../../db/schema/index.ts';
import { type AuditRow, insertAuditRows } from '../../../server/audit/audit-batch.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';

const row = (requestId: string, patientId = '10000000-0000-4000-8000-0000000000aa'): AuditRow => ({
  at: new Date('2026-11-23T08:00:00Z'),
  userId: 'u1',
  role: 'dispatcher',
  patientId,
  municipalityCode: '0180',
  unit: '0180',
  action: 'visit.suggestions',
  requestId,
  emergency: false,
  reason: null,
});

describe.each(dbKinds())('audit rows written together, on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
  });
  afterAll(async () => database.close());
  const rowsOf = (prefix: string) =>
    database.db
      .select({ requestId: auditLog.requestId })
      .from(auditLog)
      .then((rs) => rs.filter((r) => r.requestId?.startsWith(prefix)));

  it('puts the rows of concurrent requests in one INSERT, and settles each after it', async () => {
    // Every statement goes through the session: count the audit INSERTs among them.
    const prepare = vi.spyOn(database.db._.session, 'prepareQuery');
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => insertAuditRows(database.db, [row(`c${i}`)])),
      );
      const inserts = prepare.mock.calls.filter(([q]) => /insert into audit_log/i.test(q.sql));
      expect(inserts).toHaveLength(1);
    } finally {
      prepare.mockRestore();
    }
    expect((await rowsOf('c')).length).toBe(20);
  });

  it('writes a request alone at once, in its own statement', async () => {
    await insertAuditRows(database.db, [row('alone-1')]);
    expect(await rowsOf('alone-')).toEqual([{ requestId: 'alone-1' }]);
    await insertAuditRows(database.db, [
      row('alone-2'),
      row('alone-3', '10000000-0000-4000-8000-0000000000bb'),
    ]);
    expect((await rowsOf('alone-')).length).toBe(3);
  });

  it('fails every request of a batch that cannot be written, and writes none of it', async () => {
    const results = await Promise.allSettled([
      insertAuditRows(database.db, [row('f1')]),
      insertAuditRows(database.db, [row('f2', 'not-a-uuid')]),
      insertAuditRows(database.db, [row('f3')]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await rowsOf('f')).toEqual([]);
    // The next batch is not affected.
    await insertAuditRows(database.db, [row('after')]);
    expect(
      await database.db.select().from(auditLog).where(eq(auditLog.requestId, 'after')),
    ).toHaveLength(1);
  });
});
