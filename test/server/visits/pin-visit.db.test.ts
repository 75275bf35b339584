import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.ts';
import { assignments, events, visits } from '../../../db/schema/index.ts';
import type { App } from '../../../server/app.ts';
import type { JobResult } from '../../../server/planning/jobs/types.ts';
import { inProcessSolve as inProcess } from '../planning/support/in-process-solve.ts';
import { bearer, insertUsers, loginAs, testServer } from '../../support/auth.ts';
import { dbKinds, freshDatabase } from '../../support/databases.ts';
import { W, insertWorld } from '../support/world.ts';

describe.each(dbKinds())('locking a visit to a time on %s', (kind) => {
  let database: Database;
  let app: App;
  let scheduler: Record<string, string>;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertWorld(database.db);
    await insertUsers(database.db);
    const server = await testServer(database, {
      now: () => W.now,
      planningSolve: inProcess,
      planningWorker: { pollMs: 50, heartbeatMs: 100 },
    });
    app = server.app;
    scheduler = bearer(await loginAs(app, 'scheduler'));
  });
  afterAll(async () => database.close());

  const post = async (path: string, body?: unknown) => {
    const res = await app.request(path, {
      method: 'POST',
      headers: { ...scheduler, 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const row = async (id: string) =>
    (await database.db.select().from(visits).where(eq(visits.id, id)))[0];
  const eventCount = async () => (await database.db.select().from(events)).length;
  const plannedStarts = async (id: string) =>
    (await database.db.select().from(assignments).where(eq(assignments.visitId, id))).map((a) =>
      a.plannedStart.toISOString(),
    );

  it('pins an assigned visit to a start in its window, refuses one outside, unpin clears it', async () => {
    const id = W.visitEvening; // assigned to the RN, window 19:00–20:00 UTC
    const v = (await row(id)).version;
    const before = await eventCount();
    const outside = await post(`/api/dispatch/visits/${id}/pin`, {
      expectedVersion: v,
      start: '2026-11-23T20:30:00Z',
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.details[0].field).toBe('body.start');
    expect(outside.body.error.details[0].message).toContain('2026-11-23T20:00');
    expect(await row(id)).toMatchObject({ version: v, pinned: false, pinnedStart: null });
    expect(await eventCount()).toBe(before);

    const pinned = await post(`/api/dispatch/visits/${id}/pin`, {
      expectedVersion: v,
      start: '2026-11-23T19:30:00Z',
    });
    expect(pinned.status, JSON.stringify(pinned.body)).toBe(200);
    expect(pinned.body).toMatchObject({
      pinned: true,
      pinnedStart: '2026-11-23T19:30:00.000Z',
      version: v + 1,
    });
    expect(pinned.body.assignees.map((a: any) => a.plannedStart)).toEqual([
      '2026-11-23T19:30:00.000Z',
    ]);
    expect(await plannedStarts(id)).toEqual(['2026-11-23T19:30:00.000Z']);

    // The same pin again is stale; another start re-locks it.
    const same = await post(`/api/dispatch/visits/${id}/pin`, {
      expectedVersion: v + 1,
      start: '2026-11-23T19:30:00Z',
    });
    expect(same.status).toBe(409);
    const moved = await post(`/api/dispatch/visits/${id}/pin`, {
      expectedVersion: v + 1,
      start: '2026-11-23T19:45:00Z',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.pinnedStart).toBe('2026-11-23T19:45:00.000Z');

    const unpinned = await post(`/api/dispatch/visits/${id}/unpin`, { expectedVersion: v + 2 });
    expect(unpinned.status).toBe(200);
    expect(unpinned.body).toMatchObject({ pinned: false, pinnedStart: null });
    expect(await row(id)).toMatchObject({ pinned: false, pinnedStart: null });
  });

  it('planning and publishing start an unassigned visit locked to a time exactly then', async () => {
    const id = W.visitMorning; // unassigned, window 06:30–07:30 UTC
    const at = '2026-11-23T07:15:00.000Z';
    const pin = await post(`/api/dispatch/visits/${id}/pin`, {
      expectedVersion: (await row(id)).version,
      start: at,
    });
    expect(pin.status, JSON.stringify(pin.body)).toBe(200);

    const created = await post('/api/planning/0180/days/2026-11-23/jobs', { budgetSeconds: 1 });
    expect(created.status, JSON.stringify(created.body)).toBe(202);
    let job: any;
    for (let i = 0; i < 200; i++) {
      const res = await app.request(`/api/planning/jobs/${created.body.id}`, {
        headers: scheduler,
      });
      job = await res.json();
      if (['done', 'failed'].includes(job.status)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(job.status).toBe('done');
    const planned = (job.result as JobResult).assignments.find((a) => a.visitId === id);
    expect(planned?.staff.map((s) => s.plannedStart)).toEqual([at]);

    const published = await post(`/api/planning/jobs/${created.body.id}/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(await plannedStarts(id)).toEqual([at]);
    expect(await row(id)).toMatchObject({ status: 'assigned', pinned: true });
    expect((await row(id)).pinnedStart?.toISOString()).toBe(at);
  });
  it('refuses to pin an assigned visit onto another visit of its caregiver, changing nothing', async () => {
    const id = W.visitEvening; // the RN's, 20 min, at 19:45 UTC since the first test
    const other = '30000000-0000-4000-8000-0000000000a1';
    await database.db.insert(visits).values({
      id: other,
      municipalityCode: '0180',
      patientId: W.patient,
      windowStart: new Date('2026-11-23T19:00:00Z'),
      windowEnd: new Date('2026-11-23T20:00:00Z'),
      durationMinutes: 20,
      taskTypes: ['insulin_pen'],
      requiredProfession: 'rn',
      status: 'assigned',
    });
    await database.db.insert(assignments).values({
      visitId: other,
      staffId: W.rn,
      plannedStart: new Date('2026-11-23T19:20:00Z'), // to 19:40
      routeOrder: 1,
    });
    const before = await row(id);
    const starts = await plannedStarts(id);
    const count = await eventCount();

    const clash = await post(`/api/dispatch/visits/${id}/pin`, {
      expectedVersion: before.version,
      start: '2026-11-23T19:30:00Z',
    });
    expect(clash.status, JSON.stringify(clash.body)).toBe(409);
    expect(clash.body.error.details[0].field).toBe('body.start');
    expect(clash.body.error.details[0].message).toContain(other);
    expect(clash.body.error.details[0].message).toContain('2026-11-23T20:20'); // Stockholm
    expect(await row(id)).toEqual(before);
    expect(await plannedStarts(id)).toEqual(starts);
    expect(await eventCount()).toBe(count);

    // Touching is not overlapping: from 19:40 the other visit is over.
    const after = await post(`/api/dispatch/visits/${id}/pin`, {
      expectedVersion: before.version,
      start: '2026-11-23T19:40:00Z',
    });
    expect(after.status, JSON.stringify(after.body)).toBe(200);
    expect(await plannedStarts(id)).toEqual(['2026-11-23T19:40:00.000Z']);
  });
});
