import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { shifts, visits } from '../../../db/schema/index.ts';
import { assignVisit } from '../../../server/visits/assign-visit.ts';
import { pinVisit, unpinVisit } from '../../../server/visits/pin-visit.ts';
import { updateVisitStatus } from '../../../server/visits/visit-status.ts';
import type { DispatchDeps } from '../../../server/visits/visit-state.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { W, insertWorld } from '../support/world.ts';
import { SYSTEM } from '../../../server/commands/run-command.ts';

describe.each(dbKinds())('visit status, pins and clock changes on %s', (kind) => {
  let database: Database;
  let deps: DispatchDeps;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertWorld(database.db);
    deps = { db: database.db, now: () => W.now };
  });
  afterAll(async () => database.close());

  const status = (visitId: string, s: string, expectedVersion: number) =>
    updateVisitStatus(deps, SYSTEM, { visitId, status: s as never, expectedVersion });

  it('walks assigned → en_route → in_progress → done, and done is final', async () => {
    const a = await assignVisit(deps, SYSTEM, {
      visitId: W.visitMorning,
      staffIds: [W.rn],
      expectedVersion: 1,
    });
    await expect(status(W.visitMorning, 'in_progress', a.version)).rejects.toMatchObject({
      status: 409,
      message: /assigned cannot become in_progress \(allowed: en_route, cancelled\)/,
    });
    const b = await status(W.visitMorning, 'en_route', a.version);
    const c = await status(W.visitMorning, 'in_progress', b.version);
    const d = await status(W.visitMorning, 'done', c.version);
    expect(d).toMatchObject({ status: 'done', version: 5 });
    await expect(status(W.visitMorning, 'cancelled', d.version)).rejects.toMatchObject({
      status: 409,
      message: /done, which is final/,
    });
    await expect(
      pinVisit(deps, SYSTEM, { visitId: W.visitMorning, expectedVersion: 5 }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('sends assigned and unassigned through assign and unassign', async () => {
    await expect(status(W.visitTomorrow, 'assigned', 1)).rejects.toMatchObject({
      status: 422,
      details: [{ field: 'body.status' }],
    });
    await expect(status(W.visitTomorrow, 'en_route', 1)).rejects.toMatchObject({
      status: 409,
      message: /assign it first/,
    });
    await expect(status(W.visitTomorrow, 'en_route', 7)).rejects.toMatchObject({
      status: 409,
      details: [{ field: 'body.expectedVersion' }],
    });
  });

  it('pins and unpins with versions', async () => {
    const p = await pinVisit(deps, SYSTEM, { visitId: W.visitEvening, expectedVersion: 1 });
    expect(p).toMatchObject({ pinned: true, version: 2 });
    await expect(
      pinVisit(deps, SYSTEM, { visitId: W.visitEvening, expectedVersion: 2 }),
    ).rejects.toMatchObject({
      status: 409,
      message: /already pinned/,
    });
    await expect(
      unpinVisit(deps, SYSTEM, { visitId: W.visitEvening, expectedVersion: 1 }),
    ).rejects.toMatchObject({
      status: 409,
    });
    expect(
      await unpinVisit(deps, SYSTEM, { visitId: W.visitEvening, expectedVersion: 2 }),
    ).toMatchObject({
      pinned: false,
      version: 3,
    });
  });

  /** A night visit at `windowStart` and a night shift for the night RN. */
  async function night(id: string, startsAt: string, endsAt: string, windowStart: string) {
    await database.db.insert(shifts).values({
      staffId: W.rnNight,
      municipalityCode: '0180',
      kind: 'night',
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
    });
    const ws = new Date(windowStart);
    await database.db.insert(visits).values({
      id,
      municipalityCode: '0180',
      patientId: W.patient,
      windowStart: ws,
      windowEnd: new Date(ws.getTime() + 3600_000),
      durationMinutes: 20,
      taskTypes: ['injection'],
      requiredProfession: 'rn',
    });
  }

  it('accepts a visit at the second 02:30 of the autumn night (10.5 h shift)', async () => {
    const id = '30000000-0000-4000-8000-000000000001';
    // 22:00 CEST (+02:00) to 07:30 CET (+01:00): 10.5 hours.
    await night(
      id,
      '2026-10-24T22:00:00+02:00',
      '2026-10-25T07:30:00+01:00',
      '2026-10-25T01:00:00Z',
    );
    const [s] = await database.db.select().from(shifts).where(eq(shifts.staffId, W.rnNight));
    expect((s.endsAt.getTime() - s.startsAt.getTime()) / 3600_000).toBe(10.5);
    await expect(
      assignVisit(deps, SYSTEM, {
        visitId: id,
        staffIds: [W.rnNight],
        expectedVersion: 1,
        plannedStart: '2026-10-25T02:30:00',
      }),
    ).rejects.toMatchObject({ status: 400, details: [{ field: 'body.plannedStart' }] });
    const ok = await assignVisit(deps, SYSTEM, {
      visitId: id,
      staffIds: [W.rnNight],
      expectedVersion: 1,
      plannedStart: '2026-10-25T02:30:00+01:00',
    });
    expect(ok.assignees[0]).toMatchObject({
      plannedStart: '2026-10-25T01:30:00.000Z',
      plannedStartLocal: '2026-10-25T02:30:00+01:00',
    });
  });

  it('refuses 02:30 on the spring night (it does not exist) and takes 03:30', async () => {
    const id = '30000000-0000-4000-8000-000000000002';
    // 22:00 CET to 07:30 CEST: 8.5 hours.
    await night(
      id,
      '2026-03-28T22:00:00+01:00',
      '2026-03-29T07:30:00+02:00',
      '2026-03-29T01:00:00Z',
    );
    await expect(
      assignVisit(deps, SYSTEM, {
        visitId: id,
        staffIds: [W.rnNight],
        expectedVersion: 1,
        plannedStart: '2026-03-29T02:30:00',
      }),
    ).rejects.toMatchObject({ status: 400, details: [{ message: /does not exist/ }] });
    const ok = await assignVisit(deps, SYSTEM, {
      visitId: id,
      staffIds: [W.rnNight],
      expectedVersion: 1,
      plannedStart: '2026-03-29T03:30:00',
    });
    expect(ok.assignees[0].plannedStart).toBe('2026-03-29T01:30:00.000Z');
  });
});
