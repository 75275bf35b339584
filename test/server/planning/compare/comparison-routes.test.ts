import { and, eq, gte, lt, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../db/client.ts';
import { auditLog, visits } from '../../../../db/schema/index.ts';
import { seedDemoData } from '../../../../db/seed/seed.ts';
import type { App } from '../../../../server/app.ts';
import { createUser } from '../../../../server/auth/users.ts';
import type { Comparison } from '../../../../server/planning/compare/load-comparison.ts';
import { serviceDayOf } from '../../../../server/planning/demo-day.ts';
import type { JobView } from '../../../../server/planning/jobs/schemas.ts';
import { TEST_COST, testServer } from '../../../support/auth.ts';
import { freshDatabase } from '../../../support/databases.ts';
import { jobClient } from '../support/job-client.ts';

const TODAY = '2026-11-23';
const TOMORROW = '2026-11-24';
const CODE = '0191';
const OTHER = '0187';
const NOW = new Date('2026-11-23T12:00:00Z');
const DAY = serviceDayOf(TOMORROW);

describe('GET /api/planning/jobs/{id}/comparison', () => {
  let database: Database;
  let app: App;
  const tokens: Record<string, string> = {};

  const client = jobClient(() => app);
  const { call, login } = client;
  const until = (id: string, done: (j: JobView) => boolean, ms = 30_000) =>
    client.until(tokens.scheduler, id, done, ms);
  const auditRows = async () => (await database.db.select().from(auditLog)).length;

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
      ['scheduler-0187', 'scheduler', [OTHER]],
    ] as const) {
      await createUser(
        database.db,
        { username, password: `pw-${username}-secret`, role, municipalities: [...municipalities] },
        TEST_COST,
      );
    }
    const server = await testServer(database, {
      now: () => NOW,
      planningWorker: { pollMs: 100, heartbeatMs: 150 },
    });
    app = server.app;
    tokens.scheduler = await login('scheduler-0191');
    tokens.other = await login('scheduler-0187');
  });
  afterAll(async () => database?.close());

  it('puts the day as it is beside the plan, and they agree once it is published', async () => {
    const dayVisits = await database.db
      .select()
      .from(visits)
      .where(
        and(
          eq(visits.municipalityCode, CODE),
          ne(visits.status, 'cancelled'),
          gte(visits.windowStart, DAY.from),
          lt(visits.windowStart, DAY.to),
        ),
      );
    const created = await call(
      'POST',
      `/api/planning/${CODE}/days/${TOMORROW}/jobs`,
      tokens.scheduler,
      { budgetSeconds: 2 },
    );
    expect(created.status).toBe(202);
    const id = created.body.id as string;
    const done = await until(id, (j) => j.status === 'done');
    const result = done.result!;

    const audits = await auditRows();
    const res = await call('GET', `/api/planning/jobs/${id}/comparison`, tokens.scheduler);
    expect(res.status).toBe(200);
    const cmp = res.body as Comparison;
    // Aggregates and visit ids only: no patient read, no audit row.
    expect(await auditRows()).toBe(audits);
    expect(cmp).toMatchObject({ jobId: id, municipality: CODE, serviceDate: TOMORROW });

    // Both plans over the same visits: the day's, not cancelled.
    expect(cmp.current.visits).toBe(dayVisits.length);
    expect(cmp.proposed.visits).toBe(dayVisits.length);
    const assignedNow = dayVisits.filter((v) => v.status !== 'unassigned').length;
    expect(cmp.current.assigned).toBe(assignedNow);
    // What the plan placed comes on top; what it planned again and left out is taken off.
    const leftOutAssigned = result.unplaced.filter((u) =>
      dayVisits.some((v) => v.id === u.visitId && v.status !== 'unassigned'),
    ).length;
    const placedNew = result.assignments.filter((a) =>
      dayVisits.some((v) => v.id === a.visitId && v.status === 'unassigned'),
    ).length;
    expect(cmp.proposed.assigned).toBe(assignedNow + placedNew - leftOutAssigned);
    expect(cmp.proposed.arrivals.total).toBe(cmp.proposed.assigned);
    expect(cmp.proposed.assigned).toBeGreaterThan(cmp.current.assigned);
    expect(cmp.proposed.travelMinutes).toBeGreaterThan(0);
    expect(cmp.proposed.travelShare).toBeGreaterThan(0);
    expect(cmp.proposed.travelShare).toBeLessThan(1);
    expect(cmp.proposed.caregiversPerPatient.patients).toBeGreaterThan(0);
    expect(cmp.proposed.caregiversPerPatient.withHistory.max).toBeGreaterThanOrEqual(
      cmp.proposed.caregiversPerPatient.day.max,
    );
    expect(cmp.proposed.workload.caregivers).toBeGreaterThan(0);
    // Every visit the plan left out, with the job's reason and its window.
    expect(cmp.unplaced.map((u) => [u.visitId, u.reason])).toEqual(
      result.unplaced.map((u) => [u.visitId, u.reason]),
    );
    for (const u of cmp.unplaced) {
      const v = dayVisits.find((d) => d.id === u.visitId)!;
      expect(u.windowStart).toBe(v.windowStart.toISOString());
      expect(u.staffCount).toBe(v.staffCount);
    }

    // Published, the plan is the day: "now" is what was proposed.
    const published = await call('POST', `/api/planning/jobs/${id}/publish`, tokens.scheduler);
    expect(published.status).toBe(200);
    const after = (await call('GET', `/api/planning/jobs/${id}/comparison`, tokens.scheduler))
      .body as Comparison;
    expect(after.current).toEqual(cmp.proposed);
    expect(after.proposed).toEqual(cmp.proposed);
  });

  it('refuses a job that is not done (409), and hides one out of scope (404)', async () => {
    const created = await call(
      'POST',
      `/api/planning/${OTHER}/days/${TOMORROW}/jobs`,
      tokens.scheduler,
      { budgetSeconds: 30 },
    );
    expect(created.status).toBe(202);
    const id = created.body.id as string;
    const early = await call('GET', `/api/planning/jobs/${id}/comparison`, tokens.scheduler);
    expect(early.status).toBe(409);
    expect(early.body.error.details[0].field).toBe('path.id');
    await call('POST', `/api/planning/jobs/${id}/cancel`, tokens.scheduler);
    const cancelled = await call('GET', `/api/planning/jobs/${id}/comparison`, tokens.scheduler);
    expect(cancelled.status).toBe(409);
    expect(cancelled.body.error.message).toContain('cancelled');

    const jobs = await call(
      'POST',
      `/api/planning/${CODE}/days/${TOMORROW}/jobs`,
      tokens.scheduler,
      { budgetSeconds: 1 },
    );
    const outOfScope = await call(
      'GET',
      `/api/planning/jobs/${jobs.body.id}/comparison`,
      tokens.other,
    );
    expect(outOfScope.status).toBe(404);
    await until(jobs.body.id, (j) => j.status === 'done');
  });
});
