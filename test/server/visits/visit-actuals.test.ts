import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { visitActuals } from '../../../db/schema/index.ts';
import { SYSTEM } from '../../../server/commands/run-command.ts';
import { assignVisit } from '../../../server/visits/assign-visit.ts';
import { updateVisitStatus } from '../../../server/visits/visit-status.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { W, insertWorld } from '../support/world.ts';

describe.each(dbKinds())('visit actuals written with each status change on %s', (kind) => {
  let database: Database;
  let clock = new Date('2026-11-23T07:00:00Z');
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertWorld(database.db);
  });
  afterAll(async () => database.close());

  const deps = () => ({ db: database.db, now: () => clock });
  const at = (iso: string) => (clock = new Date(iso));
  const status = (visitId: string, s: string, expectedVersion: number) =>
    updateVisitStatus(deps(), SYSTEM, { visitId, status: s as never, expectedVersion });
  const actual = async (visitId: string) =>
    (await database.db.select().from(visitActuals).where(eq(visitActuals.visitId, visitId)))[0];

  it('stamps set off, start and finish in turn, and the outcome at the end', async () => {
    const a = await assignVisit(deps(), SYSTEM, {
      visitId: W.visitMorning,
      staffIds: [W.rn],
      expectedVersion: 1,
    });
    expect(await actual(W.visitMorning)).toBeUndefined();
    at('2026-11-23T07:40:00Z');
    const b = await status(W.visitMorning, 'en_route', a.version);
    expect(await actual(W.visitMorning)).toMatchObject({
      municipalityCode: '0180',
      staffId: W.rn,
      enRouteAt: new Date('2026-11-23T07:40:00Z'),
      startedAt: null,
      finishedAt: null,
      outcome: null,
    });
    at('2026-11-23T08:02:00Z');
    const c = await status(W.visitMorning, 'in_progress', b.version);
    at('2026-11-23T08:31:00Z');
    await status(W.visitMorning, 'done', c.version);
    expect(await actual(W.visitMorning)).toMatchObject({
      staffId: W.rn,
      enRouteAt: new Date('2026-11-23T07:40:00Z'),
      startedAt: new Date('2026-11-23T08:02:00Z'),
      finishedAt: new Date('2026-11-23T08:31:00Z'),
      outcome: 'done',
    });
  });

  it('records a cancellation straight from assigned, and writes nothing on a refused change', async () => {
    // The fixture's evening visit is assigned to the RN, at version 1.
    const version = 1;
    await expect(status(W.visitEvening, 'done', version)).rejects.toMatchObject({ status: 409 });
    expect(await actual(W.visitEvening)).toBeUndefined();
    at('2026-11-23T12:00:00Z');
    await status(W.visitEvening, 'cancelled', version);
    expect(await actual(W.visitEvening)).toMatchObject({
      enRouteAt: null,
      startedAt: null,
      finishedAt: new Date('2026-11-23T12:00:00Z'),
      outcome: 'cancelled',
    });
  });
});
