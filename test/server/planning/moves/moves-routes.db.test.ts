import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../db/client.ts';
import { assignments, auditLog, planningJobs } from '../../../../db/schema/index.ts';
import type { App } from '../../../../server/app.ts';
import type { LiveEvent } from '../../../../server/live/event-bus.ts';
import { planningMovedPayload } from '../../../../server/live/protocol.ts';
import type { JobResult } from '../../../../server/planning/jobs/types.ts';
import { inProcessSolve as inProcess } from '../support/in-process-solve.ts';
import { bearer, insertUsers, loginAs, testServer } from '../../../support/auth.ts';
import { dbKinds, freshDatabase } from '../../../support/databases.ts';
import { W, insertWorld, recordEvents } from '../../support/world.ts';

describe.each(dbKinds())('moves in a proposal on %s', (kind) => {
  let database: Database;
  let app: App;
  let scheduler: Record<string, string>;
  let jobId: string;
  const seen: LiveEvent[] = [];
  const moved = () => seen.filter((e) => e.type === 'planning.moved');

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
    await recordEvents(server.deps.bus, '0180', seen);
    scheduler = bearer(await loginAs(app, 'scheduler'));
    const created = await post('/api/planning/0180/days/2026-11-23/jobs', { budgetSeconds: 1 });
    jobId = created.body.id;
    for (let i = 0; i < 200 && (await job()).status !== 'done'; i++)
      await new Promise((r) => setTimeout(r, 50));
  });
  afterAll(async () => database.close());

  async function post(path: string, body: unknown) {
    const res = await app.request(path, {
      method: 'POST',
      headers: { ...scheduler, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  }
  const job = async () =>
    (await (
      await app.request(`/api/planning/jobs/${jobId}`, { headers: scheduler })
    ).json()) as any;
  const morningOf = (r: JobResult) => r.assignments.find((a) => a.visitId === W.visitMorning)!;

  it("prices a move with the municipality's saved weights, as its plans are made", async () => {
    const fresh = await job();
    expect(fresh.status).toBe('done');
    const from = morningOf(fresh.result).staff[0].staffId;
    const to = from === W.rn ? W.an : W.rn;
    const move = { visitId: W.visitMorning, staffId: to };
    const priceWith = async (nonContact: number) => {
      const put = await app.request('/api/planning/0180/settings', {
        method: 'PUT',
        headers: { ...scheduler, 'content-type': 'application/json' },
        body: JSON.stringify({ maxDistinctCaregivers: 0, weights: { nonContact } }),
      });
      expect(put.status, await put.clone().text()).toBe(200);
      const preview = await post(`/api/planning/jobs/${jobId}/moves/preview`, move);
      expect(preview.status, JSON.stringify(preview.body)).toBe(200);
      return preview.body.delta;
    };
    // The patient's contact caregiver is the AN: the move gives them one visit more (to the
    // AN) or one fewer, so a visit not made by the contact weighs in once, at the saved weight.
    const without = await priceWith(0);
    const weighted = await priceWith(6000);
    expect(weighted.travel).toBe(without.travel);
    expect(weighted.continuity - without.continuity).toBe(to === W.an ? -6000 : 6000);
    expect(weighted.total - without.total).toBe(to === W.an ? -6000 : 6000);

    // Back to the defaults for the tests after.
    const reset = await app.request('/api/planning/0180/settings', {
      method: 'PUT',
      headers: { ...scheduler, 'content-type': 'application/json' },
      body: JSON.stringify({ maxDistinctCaregivers: 0 }),
    });
    expect(reset.status).toBe(200);
  });

  it('prices a move by kind without changing the proposal, then applies it and publishes it', async () => {
    const before = await job();
    expect(before.status).toBe('done');
    const from = morningOf(before.result).staff[0].staffId;
    // The proposal as routes: the day's shifts, and travel before the proposal's visits.
    const routes = (await (
      await app.request(`/api/planning/jobs/${jobId}/routes`, { headers: scheduler })
    ).json()) as any;
    expect(routes.shifts.map((s: any) => s.staffId).sort()).toEqual([W.rn, W.an, W.an2].sort());
    const route = routes.routes.find((r: any) => r.staffId === from);
    expect(route.legs.map((l: any) => l.toVisitId)).toContain(W.visitMorning);
    expect(route.legs.every((l: any) => l.travelMinutes >= 0)).toBe(true);
    const to = from === W.rn ? W.an : W.rn;
    const move = { visitId: W.visitMorning, staffId: to };
    const preview = await post(`/api/planning/jobs/${jobId}/moves/preview`, move);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    const d = preview.body.delta;
    expect(d.total).toBe(d.travel + d.lateness + d.continuity + d.other);
    // The visit's patient knows neither caregiver better here: a different caregiver changes
    // the route's travel (one caregiver walks, the other drives) and so the cost.
    expect(d.total).not.toBe(0);
    expect(preview.body.moved).toMatchObject({ visitId: W.visitMorning, staffIds: [to] });
    expect((await job()).result).toEqual(before.result);
    expect(moved()).toEqual([]); // a preview tells no one

    const applied = await post(`/api/planning/jobs/${jobId}/moves`, move);
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.move.delta).toEqual(d);
    // Other schedulers' pages hear of it, in the municipality's feed, typed as the web parses.
    for (let i = 0; i < 40 && moved().length === 0; i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(moved()).toHaveLength(1);
    expect(moved()[0].municipalityCode).toBe('0180');
    expect(planningMovedPayload.parse(moved()[0].payload)).toEqual({
      jobId,
      serviceDate: '2026-11-23',
      teamId: null,
      visitId: W.visitMorning,
    });
    const after = await job();
    expect(morningOf(after.result).staff.map((s) => s.staffId)).toEqual([to]);
    const audited = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'planning.move'), eq(auditLog.patientId, W.patient)));
    expect(audited).toHaveLength(1);

    const published = await post(`/api/planning/jobs/${jobId}/publish`, {});
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const rows = await database.db
      .select()
      .from(assignments)
      .where(eq(assignments.visitId, W.visitMorning));
    expect(rows.map((r) => r.staffId)).toEqual([to]);
    expect(rows[0].plannedStart.toISOString()).toBe(morningOf(after.result).staff[0].plannedStart);

    // Published: no more moves.
    const late = await post(`/api/planning/jobs/${jobId}/moves/preview`, move);
    expect(late.status).toBe(409);
  });

  it('refuses bad input and rules no scheduler may override, naming the field, changing nothing', async () => {
    // A job that failed has no proposal to edit.
    const [failed] = await database.db
      .insert(planningJobs)
      .values({
        municipalityCode: '0180',
        serviceDate: '2026-11-23',
        status: 'failed',
        budgetSeconds: 1,
        createdAt: W.now,
      })
      .returning();
    const notDone = await post(`/api/planning/jobs/${failed.id}/moves/preview`, {
      visitId: W.visitMorning,
      staffId: W.rn,
    });
    expect(notDone.status).toBe(409);
    expect(notDone.body.error.details[0].field).toBe('path.id');

    const created = await post('/api/planning/0180/days/2026-11-23/jobs', { budgetSeconds: 1 });
    jobId = created.body.id;
    for (let i = 0; i < 200 && (await job()).status !== 'done'; i++)
      await new Promise((r) => setTimeout(r, 50));
    const fresh = await job();
    expect(fresh.status).toBe('done');
    const lift = fresh.result.assignments.find((a: any) => a.visitId === W.visitLift);
    expect(lift?.staff).toHaveLength(2);
    const [first] = lift.staff;

    const cases: [unknown, string, string?][] = [
      [{ visitId: 'nope', staffId: W.rn }, 'body.visitId'],
      [{ visitId: W.visitLift, staffId: W.rn, extra: 1 }, 'body'],
      [{ visitId: W.visitEvening, staffId: W.rn }, 'body.visitId'],
      [{ visitId: W.visitLift, staffId: W.rnNight, fromStaffId: first.staffId }, 'body.staffId'],
      [{ visitId: W.visitLift, staffId: W.an2 }, 'body.fromStaffId'],
      [
        { visitId: W.visitLift, staffId: W.an2, fromStaffId: first.staffId, start: 'tomorrow' },
        'body.start',
      ],
      // The patient refused AN2.
      [
        { visitId: W.visitLift, staffId: W.an2, fromStaffId: first.staffId },
        'body.staffId',
        'excluded',
      ],
      // Both halves by one caregiver.
      [
        { visitId: W.visitLift, staffId: lift.staff[1].staffId, fromStaffId: first.staffId },
        'body.staffId',
        'two_person',
      ],
    ];
    for (const [body, field, rule] of cases) {
      for (const path of ['moves/preview', 'moves']) {
        const res = await post(`/api/planning/jobs/${jobId}/${path}`, body);
        expect(res.status, `${path} ${JSON.stringify(body)} ${JSON.stringify(res.body)}`).toBe(400);
        expect(res.body.error.details[0].field).toBe(field);
        if (rule) expect(res.body.error.message).toContain(rule);
      }
    }
    expect((await job()).result).toEqual(fresh.result);
    expect(moved().filter((e) => (e.payload as any).jobId === jobId)).toEqual([]);
  });
});
