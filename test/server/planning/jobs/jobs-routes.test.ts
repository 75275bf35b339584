import { and, eq, gte, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../db/client.ts';
import { assignments, events, planningJobs, teams, visits } from '../../../../db/schema/index.ts';
import { seedDemoData } from '../../../../db/seed/seed.ts';
import type { App } from '../../../../server/app.ts';
import { createUser } from '../../../../server/auth/users.ts';
import type { ComposedServer } from '../../../../server/compose.ts';
import type { LiveEvent } from '../../../../server/live/event-bus.ts';
import { planningProgressPayload } from '../../../../server/live/protocol.ts';
import { serviceDayOf } from '../../../../server/planning/demo-day.ts';
import type { JobView } from '../../../../server/planning/jobs/schemas.ts';
import { TEST_COST, testServer } from '../../../support/auth.ts';
import { freshDatabase } from '../../../support/databases.ts';
import { jobClient } from '../support/job-client.ts';
import { planViolations } from '../check-plan.ts';

const TODAY = '2026-11-23';
const TOMORROW = '2026-11-24';
const CODE = '0191'; // Sigtuna at this scale: a few dozen visits a day, some two-person
const OTHER = '0187';
const NOW = new Date('2026-11-23T12:00:00Z');
const DAY = serviceDayOf(TOMORROW);

describe('planning jobs over HTTP', () => {
  let database: Database;
  let server: ComposedServer;
  let app: App;
  const tokens: Record<string, string> = {};
  const seen: LiveEvent[] = [];

  const client = jobClient(() => app);
  const { call, login } = client;
  const until = (id: string, done: (j: JobView) => boolean, ms = 20_000) =>
    client.until(tokens.scheduler, id, done, ms);
  const dayVisits = (code = CODE) =>
    database.db
      .select()
      .from(visits)
      .where(
        and(
          eq(visits.municipalityCode, code),
          gte(visits.windowStart, DAY.from),
          lt(visits.windowStart, DAY.to),
        ),
      );

  beforeAll(async () => {
    database = await freshDatabase('pglite');
    await seedDemoData(database.db, {
      seed: 3,
      scale: 0.2,
      today: TODAY,
      municipalities: [CODE, OTHER],
    });
    for (const [username, role, municipalities] of [
      ['scheduler-0191', 'scheduler', [CODE, OTHER]],
      ['dispatcher-0191', 'dispatcher', [CODE]],
      ['admin', 'admin', []],
    ] as const) {
      await createUser(
        database.db,
        { username, password: `pw-${username}-secret`, role, municipalities: [...municipalities] },
        TEST_COST,
      );
    }
    server = await testServer(database, {
      now: () => NOW,
      planningWorker: { pollMs: 100, heartbeatMs: 150 },
    });
    app = server.app;
    tokens.scheduler = await login('scheduler-0191');
    tokens.dispatcher = await login('dispatcher-0191');
    tokens.admin = await login('admin');
    const sub = server.live.bus.subscribe(CODE, (e) => seen.push(e));
    await sub.ready;
  });
  afterAll(async () => database?.close());

  it('plans the day off the request thread with live progress, then publishes it', async () => {
    const before = await dayVisits();
    const open = before.filter((v) => v.status === 'unassigned');
    expect(open.length).toBeGreaterThan(10);

    const created = await call(
      'POST',
      `/api/planning/${CODE}/days/${TOMORROW}/jobs`,
      tokens.scheduler,
      // Long enough that a progress beat falls mid-run on a loaded machine (beats are ~1 s).
      { budgetSeconds: 5 },
    );
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ status: 'queued', municipality: CODE, budgetSeconds: 5 });
    const id = created.body.id as string;

    // One job per municipality and day: the second request is told which.
    const second = await call(
      'POST',
      `/api/planning/${CODE}/days/${TOMORROW}/jobs`,
      tokens.admin,
      {},
    );
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain(id);

    const running = await until(id, (j) => j.status !== 'queued');
    expect(['running', 'done']).toContain(running.status);
    const done = await until(id, (j) => j.status === 'done');
    const result = done.result!;
    expect(result.summary.visits).toBe(open.length);
    expect(result.summary.placed + result.summary.unplaced).toBe(open.length);
    expect(result.summary.placed).toBeGreaterThanOrEqual(Math.ceil(open.length * 0.8));
    expect(result.unplaced.every((u) => typeof u.reason === 'string')).toBe(true);
    expect(done.progress).toMatchObject({
      visitsTotal: open.length,
      visitsPlaced: result.summary.placed,
    });
    expect(done.fingerprint).toMatch(/^[0-9a-f]{32}$/);

    // Progress reached the municipality's subscribers while it ran, and the end.
    const progress = seen.filter((e) => e.type === 'planning.progress');
    // Each as the shared protocol types it (what the web app parses).
    for (const e of progress)
      expect(planningProgressPayload.safeParse(e.payload).success).toBe(true);
    const statuses = progress.map((e) => (e.payload as { status: string }).status);
    expect(statuses[0]).toBe('queued');
    expect(statuses).toContain('running');
    expect(statuses.at(-1)).toBe('done');
    const mid = progress
      .map((e) => e.payload as { status: string; progress: { bestCost: number | null } | null })
      .filter((p) => p.status === 'running' && p.progress?.bestCost != null);
    expect(mid.length).toBeGreaterThan(0);

    // Planning changed nothing of the day.
    expect(await dayVisits()).toEqual(before);

    const published = await call('POST', `/api/planning/jobs/${id}/publish`, tokens.scheduler);
    expect(published.status).toBe(200);
    expect(published.body.assigned).toBe(result.summary.placed);
    expect(published.body.job.publishedAt).toBe(NOW.toISOString());
    const after = await dayVisits();
    expect(after.filter((v) => v.status === 'assigned')).toHaveLength(result.summary.placed);
    expect(await planViolations(database.db, CODE, DAY)).toEqual([]);
    // Each assignment keeps the travel the plan priced before it (the board compares it).
    const legs = new Map(
      result.assignments.flatMap((a) =>
        a.staff.map((s) => [`${a.visitId}/${s.staffId}`, s.travelSeconds] as const),
      ),
    );
    expect([...legs.values()].every((t) => Number.isInteger(t) && t! >= 0)).toBe(true);
    expect([...legs.values()].some((t) => t! > 0)).toBe(true);
    const written = await database.db.select().from(assignments);
    const planned = written.filter((w) => legs.has(`${w.visitId}/${w.staffId}`));
    expect(planned).toHaveLength(legs.size);
    for (const w of planned)
      expect(w.plannedTravelSeconds).toBe(legs.get(`${w.visitId}/${w.staffId}`));
    const log = await database.db.select().from(events).where(eq(events.type, 'day.planned'));
    expect(log.map((e) => (e.payload as { jobId: string }).jobId)).toEqual([id]);

    // Publishing again, as a second scheduler would: told, nothing changes.
    const again = await call('POST', `/api/planning/jobs/${id}/publish`, tokens.admin);
    expect(again.status).toBe(409);
    expect(await dayVisits()).toEqual(after);
  });

  it('refuses a stale plan with what changed, and leaves the day as it is', async () => {
    const created = await call(
      'POST',
      `/api/planning/${OTHER}/days/${TOMORROW}/jobs`,
      tokens.scheduler,
      {
        budgetSeconds: 1,
      },
    );
    expect(created.status).toBe(202);
    const done = await until(created.body.id, (j) => j.status === 'done');
    const moved = done.result!.assignments[0].visitId;
    // A dispatcher changes a visit meanwhile (its version moves on).
    await database.db
      .update(visits)
      .set({ windowHard: true, version: 2 })
      .where(eq(visits.id, moved));
    const before = await dayVisits(OTHER);
    const res = await call('POST', `/api/planning/jobs/${done.id}/publish`, tokens.scheduler);
    expect(res.status).toBe(409);
    expect(res.body.error.details).toContainEqual({
      field: `visits.${moved}`,
      message: 'changed: 1 → 2',
      reason: 'changed',
    });
    expect(await dayVisits(OTHER)).toEqual(before);
  });

  it('cancels a running job soon, and the day takes a new one', async () => {
    const date = '2026-11-23';
    const created = await call(
      'POST',
      `/api/planning/${OTHER}/days/${date}/jobs`,
      tokens.scheduler,
      {
        budgetSeconds: 60,
      },
    );
    expect(created.status).toBe(202);
    await until(created.body.id, (j) => j.status === 'running' && j.progress !== null);
    const cancelled = await call(
      'POST',
      `/api/planning/jobs/${created.body.id}/cancel`,
      tokens.scheduler,
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    // The worker is free again well before the 60 s budget: a new job is done.
    const t0 = Date.now();
    const next = await call('POST', `/api/planning/${OTHER}/days/${date}/jobs`, tokens.scheduler, {
      budgetSeconds: 1,
    });
    expect(next.status).toBe(202);
    await until(next.body.id, (j) => j.status === 'done', 15_000);
    expect(Date.now() - t0).toBeLessThan(15_000);
    const [row] = await database.db
      .select()
      .from(planningJobs)
      .where(eq(planningJobs.id, created.body.id));
    expect(row.status).toBe('cancelled');
    expect(row.result).toBeNull();
    // Cancelling a finished job: told.
    const late = await call('POST', `/api/planning/jobs/${next.body.id}/cancel`, tokens.scheduler);
    expect(late.status).toBe(409);
  });

  it('refuses bad input with the field named, and other roles', async () => {
    const post = (path: string, token = tokens.scheduler, body: unknown = {}) =>
      call('POST', path, token, body);
    const past = await post(`/api/planning/${CODE}/days/2026-11-22/jobs`);
    expect(past.status).toBe(400);
    expect(past.body.error.details[0].field).toBe('path.date');
    const unknown = await post(`/api/planning/9999/days/${TOMORROW}/jobs`, tokens.admin);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details[0].field).toBe('path.municipality');
    const foreign = await post(`/api/planning/0180/days/${TOMORROW}/jobs`);
    expect(foreign.status).toBe(403);
    const [otherTeam] = await database.db
      .select()
      .from(teams)
      .where(eq(teams.municipalityCode, OTHER));
    const team = await post(`/api/planning/${CODE}/days/${TOMORROW}/jobs`, tokens.scheduler, {
      team: otherTeam.id,
    });
    expect(team.status).toBe(404);
    expect(team.body.error.details[0].field).toBe('body.team');
    const budget = await post(`/api/planning/${CODE}/days/${TOMORROW}/jobs`, tokens.scheduler, {
      budgetSeconds: 0,
    });
    expect(budget.status).toBe(400);
    expect(budget.body.error.details[0].field).toBe('body.budgetSeconds');
    const badDate = await post(`/api/planning/${CODE}/days/tomorrow/jobs`);
    expect(badDate.status).toBe(400);
    const dispatcher = await post(`/api/planning/${CODE}/days/${TOMORROW}/jobs`, tokens.dispatcher);
    expect(dispatcher.status).toBe(403);
    const missing = await call(
      'GET',
      '/api/planning/jobs/00000000-0000-4000-8000-000000000000',
      tokens.scheduler,
    );
    expect(missing.status).toBe(404);
    expect(
      await database.db
        .select()
        .from(planningJobs)
        .where(eq(planningJobs.serviceDate, '2026-11-22')),
    ).toEqual([]);
  });
});
