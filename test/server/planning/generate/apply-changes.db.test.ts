import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../db/client.ts';
import { visitActuals, visits } from '../../../../db/schema/index.ts';
import { SYSTEM } from '../../../../server/commands/run-command.ts';
import { applyChanges } from '../../../../server/planning/generate/apply-changes.ts';
import { planVisitsInScope } from '../../../../server/planning/generate/day-scope.ts';
import { generateDay } from '../../../../server/planning/generate/generate-day.ts';
import { plannedVisit } from '../../../../server/planning/generate/plan-occurrence.ts';
import { carePlans } from '../../../../db/schema/index.ts';
import { dbKinds, freshDatabase } from '../../../support/databases.ts';
import { P, insertCarePlanWorld } from './support/care-plan-world.ts';

/**
 * A dispatcher may take a visit between the generation's read and its write (PostgreSQL's
 * read committed lets the other transaction commit in between): the write must then leave
 * the visit alone and report it kept.
 */
describe.each(dbKinds())('a visit taken while the day is generated on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertCarePlanWorld(database.db);
    await generateDay({ db: database.db, now: () => P.now }, SYSTEM, {
      municipality: '0180',
      date: '2026-03-23',
      team: null,
    });
  });
  afterAll(async () => database.close());

  it('is kept, not updated or cancelled', async () => {
    const scope = { municipality: '0180', date: '2026-03-23', team: null };
    const read = await planVisitsInScope(database.db, scope);
    const morning = read.find((v) => v.carePlanId === P.morning)!;
    const night = read.find((v) => v.carePlanId === P.night)!;
    // Taken meanwhile: the morning visit assigned, the night visit pinned.
    await database.db
      .update(visits)
      .set({ status: 'assigned', version: morning.version + 1 })
      .where(eq(visits.id, morning.id));
    await database.db
      .update(visits)
      .set({ pinned: true, version: night.version + 1 })
      .where(eq(visits.id, night.id));
    const [plan] = await database.db.select().from(carePlans).where(eq(carePlans.id, P.morning));
    const later = plannedVisit({ ...plan, windowStart: '08:00' }, '0180', '2026-03-23');
    const out = await applyChanges(
      database.db,
      [
        { kind: 'update', visit: morning, planned: later, fields: ['windowStart'] },
        { kind: 'remove', visit: night, why: 'plan_no_longer_applies' },
      ],
      P.now,
    );
    expect(out).toEqual([
      expect.objectContaining({ kind: 'kept', reason: 'assigned', would: 'update' }),
      expect.objectContaining({ kind: 'kept', reason: 'pinned', would: 'remove', fields: [] }),
    ]);
    expect(out[0]).toMatchObject({ fields: ['windowStart'] });
    const [m] = await database.db.select().from(visits).where(eq(visits.id, morning.id));
    expect(m).toMatchObject({ status: 'assigned', windowStart: morning.windowStart });
    const [n] = await database.db.select().from(visits).where(eq(visits.id, night.id));
    expect(n).toMatchObject({ status: 'unassigned', pinned: true });
  });

  it('assigned and released again meanwhile: free, so written at its newer version', async () => {
    const scope = { municipality: '0180', date: '2026-03-23', team: null };
    const lift = (await planVisitsInScope(database.db, scope)).find(
      (v) => v.carePlanId === P.lift,
    )!;
    await database.db
      .update(visits)
      .set({ version: lift.version + 2 })
      .where(eq(visits.id, lift.id));
    const [plan] = await database.db.select().from(carePlans).where(eq(carePlans.id, P.lift));
    const longer = plannedVisit({ ...plan, durationMinutes: 60 }, '0180', '2026-03-23');
    const [out] = await applyChanges(
      database.db,
      [{ kind: 'update', visit: lift, planned: longer, fields: ['durationMinutes'] }],
      P.now,
    );
    expect(out).toMatchObject({ kind: 'updated', fields: ['durationMinutes'] });
    expect(out.visit).toMatchObject({ durationMinutes: 60, version: lift.version + 3 });
  });

  it('a cancelled visit has its outcome in visit_actuals, as the live path writes it; restored, it has none', async () => {
    const scope = { municipality: '0180', date: '2026-03-23', team: null };
    const once = (await planVisitsInScope(database.db, scope)).find(
      (v) => v.carePlanId === P.lift,
    )!;
    const actual = async () =>
      database.db.select().from(visitActuals).where(eq(visitActuals.visitId, once.id));
    const [removed] = await applyChanges(
      database.db,
      [{ kind: 'remove', visit: once, why: 'plan_no_longer_applies' }],
      P.now,
    );
    expect(removed).toMatchObject({ kind: 'removed', visit: { status: 'cancelled' } });
    expect(await actual()).toEqual([
      expect.objectContaining({
        municipalityCode: '0180',
        outcome: 'cancelled',
        finishedAt: P.now,
        startedAt: null,
        staffId: null,
      }),
    ]);
    const [plan] = await database.db.select().from(carePlans).where(eq(carePlans.id, P.lift));
    const [restored] = await applyChanges(
      database.db,
      [
        {
          kind: 'restore',
          visit: { ...once, ...removed!.visit, carePlanId: once.carePlanId },
          planned: plannedVisit(plan, '0180', '2026-03-23'),
        },
      ],
      P.now,
    );
    expect(restored).toMatchObject({ kind: 'added', restored: true });
    expect(await actual()).toEqual([]);
  });
});
