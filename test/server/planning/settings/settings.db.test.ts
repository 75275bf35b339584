import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../db/client.ts';
import { assignments, planningSettings, shifts, visits } from '../../../../db/schema/index.ts';
import type { App } from '../../../../server/app.ts';
import { enqueueJob, getJob } from '../../../../server/planning/jobs/queue.ts';
import type { JobSolve } from '../../../../server/planning/jobs/run-job.ts';
import { PlanningWorker } from '../../../../server/planning/jobs/worker-loop.ts';
import { PLANNING_DEFAULTS } from '../../../../server/planning/settings/defaults.ts';
import { readPlanningSettings } from '../../../../server/planning/settings/read-settings.ts';
import { createLogger } from '../../../../server/logger.ts';
import type { ProblemInput } from '../../../../solver/model/problem-input.ts';
import type { Solution } from '../../../../solver/model/solution.ts';
import { solve } from '../../../../solver/solve.ts';
import { bearer, insertUsers, loginAs, testApp } from '../../../support/auth.ts';
import { dbKinds, freshDatabase } from '../../../support/databases.ts';
import { IDS } from '../../../support/fixtures.ts';
import { W, insertWorld } from '../../support/world.ts';

const PATH = '/api/planning/0180/settings';

describe.each(dbKinds())('GET/PUT /api/planning/{municipality}/settings on %s', (kind) => {
  let database: Database;
  let app: App;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertWorld(database.db);
    await insertUsers(database.db);
    app = await testApp(database);
  });
  afterAll(async () => database.close());

  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };

  it('no row: the defaults; a save is read back and stored with who saved it', async () => {
    const token = await loginAs(app, 'scheduler');
    const before = await call('GET', PATH, token);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({
      municipality: '0180',
      ...PLANNING_DEFAULTS,
      defaults: PLANNING_DEFAULTS,
      updatedAt: null,
    });

    const saved = await call('PUT', PATH, token, {
      maxDistinctCaregivers: 3,
      weights: { nonContact: 1200, knownCaregiver: 450 },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.maxDistinctCaregivers).toBe(3);
    // A weight left out takes its default.
    expect(saved.body.weights).toEqual({
      ...PLANNING_DEFAULTS.weights,
      nonContact: 1200,
      knownCaregiver: 450,
    });
    expect(saved.body.updatedAt).toEqual(expect.any(String));
    expect((await call('GET', PATH, token)).body).toEqual(saved.body);
    const [row] = await database.db
      .select()
      .from(planningSettings)
      .where(eq(planningSettings.municipalityCode, '0180'));
    expect(row.updatedBy).not.toBeNull();
  });

  it('bad input: a 400 naming the field, nothing written', async () => {
    const token = await loginAs(app, 'scheduler');
    const before = (await call('GET', PATH, token)).body;
    for (const [body, field] of [
      [{ maxDistinctCaregivers: -1 }, 'body.maxDistinctCaregivers'],
      [{ maxDistinctCaregivers: 2.5 }, 'body.maxDistinctCaregivers'],
      [{ maxDistinctCaregivers: 2, weights: { nonContact: 1e9 } }, 'body.weights.nonContact'],
      [{ maxDistinctCaregivers: 2, weights: { travelTime: 0 } }, 'body.weights.travelTime'],
      [{ maxDistinctCaregivers: 2, weights: { speed: 3 } }, 'body.weights'],
      [{ maxDistinctCaregivers: 2, extra: true }, 'body'],
    ] as const) {
      const res = await call('PUT', PATH, token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await call('GET', PATH, token)).body).toEqual(before);
  });

  it('scoped like the other planning routes: 403 outside, 404 unknown, dispatchers refused', async () => {
    const scheduler = await loginAs(app, 'scheduler');
    const admin = await loginAs(app, 'admin');
    const dispatcher = await loginAs(app, 'dispatcher');
    const valid = { maxDistinctCaregivers: 0 };
    expect((await call('GET', '/api/planning/0184/settings', scheduler)).status).toBe(403);
    expect((await call('PUT', '/api/planning/0184/settings', scheduler, valid)).status).toBe(403);
    expect((await call('GET', '/api/planning/0184/settings', admin)).status).toBe(200);
    expect((await call('GET', '/api/planning/9999/settings', admin)).status).toBe(404);
    expect((await call('PUT', '/api/planning/9999/settings', admin, valid)).status).toBe(404);
    expect((await call('PUT', PATH, dispatcher, valid)).status).toBe(403);
  });

  it('a stored weight out of bounds (an older version) reads as its default', async () => {
    await database.db
      .update(planningSettings)
      .set({ weights: { nonContact: -5, distinctCaregiver: 700 } })
      .where(eq(planningSettings.municipalityCode, '0180'));
    const s = await readPlanningSettings(database.db, '0180');
    expect(s.weights.nonContact).toBe(PLANNING_DEFAULTS.weights.nonContact);
    expect(s.weights.distinctCaregiver).toBe(700);
  });
});

describe.each(dbKinds())('a planning job plans with the settings on %s', (kind) => {
  let database: Database;
  let worker: PlanningWorker | null = null;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertWorld(database.db);
  });
  afterAll(async () => database.close());
  afterEach(async () => {
    await worker?.stop();
    worker = null;
  });

  it("reads the municipality's cap and weights, and starts from the usual caregivers", async () => {
    await database.db.insert(planningSettings).values({
      municipalityCode: '0180',
      maxDistinctCaregivers: 2,
      weights: { nonContact: 1500, distinctOverCap: 2500, knownCaregiver: 400 },
    });
    // Yesterday the RN made the patient's visit: the usual caregiver of today's.
    const [past] = await database.db
      .insert(visits)
      .values({
        municipalityCode: '0180',
        patientId: IDS.patient,
        windowStart: new Date('2026-11-22T06:30:00Z'),
        windowEnd: new Date('2026-11-22T07:30:00Z'),
        durationMinutes: 20,
        taskTypes: ['insulin_pen'],
        requiredProfession: 'rn',
        status: 'done',
      })
      .returning();
    await database.db.insert(assignments).values({
      visitId: past.id,
      staffId: IDS.rn,
      plannedStart: new Date('2026-11-22T06:40:00Z'),
      routeOrder: 0,
    });

    const seen: { input: ProblemInput; initial?: Solution }[] = [];
    const capture: JobSolve = (input, o) => {
      seen.push({ input, initial: o.initial });
      return {
        result: Promise.resolve().then(() =>
          solve(input, {
            seed: o.seed,
            timeLimitMs: o.timeLimitMs,
            maxIterations: 50,
            clock: () => performance.now(),
          }),
        ),
        cancel: () => {},
      };
    };
    worker = new PlanningWorker(
      { db: database.db, now: () => W.now, logger: createLogger('silent'), solve: capture },
      { pollMs: 50, heartbeatMs: 100, staleMs: 30_000 },
    );
    worker.start();
    const job = await enqueueJob(
      database.db,
      {
        municipalityCode: '0180',
        serviceDate: '2026-11-23',
        teamId: null,
        requestedBy: null,
        budgetSeconds: 1,
        seed: 1,
      },
      W.now,
    );
    for (let i = 0; i < 200 && (await getJob(database.db, job.id))?.status !== 'done'; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect((await getJob(database.db, job.id))?.status).toBe('done');

    expect(seen).toHaveLength(1);
    const { input, initial } = seen[0];
    expect(input.weights).toMatchObject({
      nonContact: 1500,
      distinctOverCap: 2500,
      distinctCaregiver: PLANNING_DEFAULTS.weights.distinctCaregiver,
    });
    const patient = input.patients.find((p) => p.id === IDS.patient)!;
    expect(patient.maxDistinct).toBe(2);
    expect(patient.known.map((k) => k.weight)).toEqual([400]);
    // The morning visit starts on the RN's shift; the lift needs two usual caregivers.
    const [rnShift] = await database.db
      .select({ id: shifts.id })
      .from(shifts)
      .where(eq(shifts.staffId, IDS.rn));
    const morning = input.visits.findIndex((v) => v.id === IDS.visitMorning);
    const holder = initial?.routes.find((r) =>
      r.stops.some((s) => s.kind === 'visit' && s.visit === morning),
    );
    expect(input.caregivers[holder!.caregiver].id).toBe(rnShift.id);
    const lift = input.visits.flatMap((v, i) => (v.id.startsWith(W.visitLift) ? [i] : []));
    expect(initial!.unassigned.map((u) => u.visit)).toEqual(expect.arrayContaining(lift));
  });
});
