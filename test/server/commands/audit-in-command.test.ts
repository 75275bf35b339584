import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { assignments, auditLog, events, visits } from '../../../db/schema/index.ts';
import type { App } from '../../../server/app.ts';
import { bearer, insertUsers, loginAs, testApp } from '../../support/auth.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { W, insertWorld } from '../support/world.ts';

/**
 * Issue 16: a change and its patient-data audit rows commit together. When the audit row
 * cannot be written, the change is not made and no event is written either.
 */
describe.each(dbKinds())('a dispatch change and its audit row on %s', (kind) => {
  let database: Database;
  let app: App;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertWorld(database.db);
    await insertUsers(database.db);
    app = await testApp(database, { now: () => W.now });
  });
  afterAll(async () => database.close());

  const assign = async (expectedVersion: number) =>
    app.request(`/api/dispatch/visits/${W.visitMorning}/assign`, {
      method: 'POST',
      headers: { ...bearer(await loginAs(app, 'dispatcher')), 'content-type': 'application/json' },
      body: JSON.stringify({ staffIds: [W.rn], expectedVersion }),
    });
  const state = async () => {
    const [[v], [e], [a], [l]] = await Promise.all([
      database.db.select().from(visits).where(eq(visits.id, W.visitMorning)),
      database.db.select({ n: count() }).from(events),
      database.db
        .select({ n: count() })
        .from(assignments)
        .where(eq(assignments.visitId, W.visitMorning)),
      database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'visit.assign')),
    ]);
    return { version: v.version, status: v.status, events: e.n, assignments: a.n, audited: l.n };
  };

  it('an audit row that cannot be written leaves no change and no event', async () => {
    const before = await state();
    // The audit table refuses this action's rows (checked for new rows only).
    await database.db.execute(
      sql.raw(
        `alter table audit_log add constraint refuse_assign check (action <> 'visit.assign') not valid`,
      ),
    );
    const refused = await assign(before.version);
    await database.db.execute(sql.raw('alter table audit_log drop constraint refuse_assign'));
    expect(refused.status).toBe(500);
    expect(await state()).toEqual(before);

    const ok = await assign(before.version);
    expect(ok.status).toBe(200);
    expect(await state()).toEqual({
      version: before.version + 1,
      status: 'assigned',
      events: before.events + 1,
      assignments: 1,
      audited: before.audited + 1,
    });
  });
});
