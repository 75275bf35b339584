import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../db/client.ts';
import { assignments, planningJobs, teams, visits } from '../../../../db/schema/index.ts';
import { SYSTEM } from '../../../../server/commands/run-command.ts';
import { AppError } from '../../../../server/http/errors.ts';
import { publishJob } from '../../../../server/planning/jobs/publish.ts';
import { type JobRow, enqueueJob, getJob } from '../../../../server/planning/jobs/queue.ts';
import { type JobSolve, solveLimitMs } from '../../../../server/planning/jobs/run-job.ts';
import type { JobResult } from '../../../../server/planning/jobs/types.ts';
import { PlanningWorker } from '../../../../server/planning/jobs/worker-loop.ts';
import { createLogger } from '../../../../server/logger.ts';
import { dbKinds, freshDatabase } from '../../../support/databases.ts';
import { IDS } from '../../../support/fixtures.ts';
import { W, insertWorld } from '../../support/world.ts';
import { inProcessSolve as inProcess } from '../support/in-process-solve.ts';

const TODAY = '2026-11-23';

const failing: JobSolve = () => ({
  result: Promise.reject(new Error('solver exploded')),
  cancel: () => {},
});

describe.each(dbKinds())('running planning jobs on %s', (kind) => {
  let database: Database;
  let worker: PlanningWorker | null = null;
  const now = () => W.now;

  const startWorker = (solveFn: JobSolve, staleMs = 30_000) => {
    worker = new PlanningWorker(
      { db: database.db, now, logger: createLogger('silent'), solve: solveFn },
      { pollMs: 50, heartbeatMs: 100, staleMs },
    );
    worker.start();
    return worker;
  };
  const queue = (serviceDate: string, teamId: string | null = null) =>
    enqueueJob(
      database.db,
      {
        municipalityCode: '0180',
        serviceDate,
        teamId,
        requestedBy: null,
        budgetSeconds: 1,
        seed: 1,
      },
      W.now,
    );
  const finished = async (id: string): Promise<JobRow> => {
    for (let i = 0; i < 200; i++) {
      const job = await getJob(database.db, id);
      if (job && ['done', 'failed', 'cancelled'].includes(job.status)) return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`job ${id} did not finish`);
  };
  const dayState = () =>
    database.db
      .select({ id: visits.id, status: visits.status, version: visits.version })
      .from(visits)
      .orderBy(visits.id);

  beforeAll(async () => {
    database = await freshDatabase(kind);
    await insertWorld(database.db);
  });
  afterAll(async () => database.close());
  afterEach(async () => {
    await worker?.stop();
    worker = null;
  });

  it('a solve that throws: the job fails with the error, the day is unchanged', async () => {
    const before = await dayState();
    startWorker(failing);
    const job = await finished((await queue(TODAY)).id);
    expect(job.status).toBe('failed');
    expect(job.error).toContain('solver exploded');
    expect(job.result).toBeNull();
    expect(await dayState()).toEqual(before);
  });

  it('the budget bounds the job: the solver gets what is left of it, less a share for after', async () => {
    const limits: number[] = [];
    startWorker((input, o) => {
      limits.push(o.timeLimitMs);
      return inProcess(input, o);
    });
    const job = await finished((await queue(TODAY)).id);
    expect(job.status).toBe('done');
    expect(limits).toHaveLength(1);
    // Budget 1 s: loading the day took some of it, and 8 % is kept for after the solve.
    expect(limits[0]).toBeLessThan(920);
    expect(limits[0]).toBeGreaterThanOrEqual(100);
    expect(solveLimitMs(60, 4500)).toBe(50_700);
    expect(solveLimitMs(60, 59_000)).toBe(6000);
  });

  it('says how far to trust the plan: a rule broken, a plan found only by the final repair', async () => {
    startWorker(inProcess);
    const good = await finished((await queue(TODAY)).id);
    expect(good.status).toBe('done');
    const quality = (good.result as JobResult).quality!;
    expect(quality).toMatchObject({ breaksHardRules: false, violations: [], foundByRepair: false });
    expect(quality.firstFeasibleMs).toBeGreaterThanOrEqual(0);
    await worker!.stop();
    // A solver whose search never held a valid plan, and whose plan (tampered) breaks a rule.
    startWorker((input, o) => {
      const run = inProcess(input, o);
      return {
        ...run,
        result: run.result.then((s) => {
          const stop = s.routes.flatMap((r) => r.stops).find((x) => x.kind === 'visit')!;
          stop.start += 86_400;
          return { ...s, foundByRepair: true };
        }),
      };
    });
    const poor = await finished((await queue(TODAY)).id);
    expect(poor.status).toBe('done');
    const warned = (poor.result as JobResult).quality!;
    expect(warned).toMatchObject({ breaksHardRules: true, foundByRepair: true });
    expect(warned.firstFeasibleMs).toBeNull();
    expect(warned.violations.length).toBeGreaterThan(0);
  });

  it('an empty day and a day without staff: done, with reasons', async () => {
    startWorker(inProcess);
    const empty = await finished((await queue('2026-11-25')).id);
    expect(empty.status).toBe('done');
    expect(empty.result).toMatchObject({
      assignments: [],
      unplaced: [],
      notes: [expect.any(String)],
    });
    // Tomorrow has a visit and nobody on shift.
    const noStaff = await finished((await queue('2026-11-24')).id);
    expect(noStaff.status).toBe('done');
    const result = noStaff.result as JobResult;
    expect(result.assignments).toEqual([]);
    expect(result.unplaced).toEqual([{ visitId: IDS.visitTomorrow, reason: 'no_staff_on_shift' }]);
    expect(result.notes).toEqual(['no caregiver on shift in the day']);
  });

  it("a team's job sees only its caregivers and the patients whose contact is in it", async () => {
    const [other] = await database.db
      .insert(teams)
      .values({ municipalityCode: '0180', baseId: IDS.base, name: `Tomt ${kind}` })
      .returning();
    startWorker(inProcess);
    const ours = await finished((await queue(TODAY, IDS.team)).id);
    const theirs = await finished((await queue(TODAY, other.id)).id);
    expect((ours.result as JobResult).summary).toMatchObject({ shifts: 3, visits: 2 });
    expect((theirs.result as JobResult).summary).toMatchObject({ shifts: 0, visits: 0 });
  });

  it('two schedulers publishing at once: one wins, the other is told', async () => {
    startWorker(inProcess);
    const job = await finished((await queue(TODAY)).id);
    expect(job.status).toBe('done');
    const result = job.result as JobResult;
    expect(result.assignments.map((a) => a.visitId).sort()).toEqual(
      [IDS.visitMorning, W.visitLift].sort(),
    );
    const deps = { db: database.db, now };
    const outcomes = await Promise.allSettled([
      publishJob(deps, SYSTEM, job.id),
      publishJob(deps, SYSTEM, job.id),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o) => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(won[0].value.assigned).toBe(2);
    expect(lost).toHaveLength(1);
    const reason = lost[0].reason as AppError;
    expect(reason).toBeInstanceOf(AppError);
    expect(reason.status).toBe(409);
    // Each visit got its caregivers once; the fixed evening visit kept its own.
    const rows = await database.db.select().from(assignments);
    expect(rows.filter((a) => a.visitId === IDS.visitMorning)).toHaveLength(1);
    expect(rows.filter((a) => a.visitId === W.visitLift)).toHaveLength(2);
    expect(rows.filter((a) => a.visitId === IDS.visitEvening).map((a) => a.staffId)).toEqual([
      IDS.rn,
    ]);
  });

  it('planning the day again moves assigned visits, never a pinned one', async () => {
    // After the publish above: the morning visit pinned where it is, the lift free to move.
    await database.db
      .update(visits)
      .set({ pinned: true, version: sql`${visits.version} + 1` })
      .where(eq(visits.id, IDS.visitMorning));
    const pinnedBefore = await database.db
      .select()
      .from(assignments)
      .where(eq(assignments.visitId, IDS.visitMorning));
    const [liftBefore] = await database.db.select().from(visits).where(eq(visits.id, W.visitLift));
    expect(liftBefore.status).toBe('assigned');
    startWorker(inProcess);
    const job = await finished((await queue(TODAY)).id);
    const result = job.result as JobResult;
    expect(result.summary).toMatchObject({ visits: 1, replanned: 1, placed: 1 });
    expect(result.assignments.map((a) => a.visitId)).toEqual([W.visitLift]);
    const out = await publishJob({ db: database.db, now }, SYSTEM, job.id);
    expect(out.assigned).toBe(1);
    const [liftAfter] = await database.db.select().from(visits).where(eq(visits.id, W.visitLift));
    expect(liftAfter.status).toBe('assigned');
    expect(liftAfter.version).toBe(liftBefore.version + 1);
    const liftRows = await database.db
      .select()
      .from(assignments)
      .where(eq(assignments.visitId, W.visitLift));
    expect(liftRows).toHaveLength(2);
    expect(
      await database.db.select().from(assignments).where(eq(assignments.visitId, IDS.visitMorning)),
    ).toEqual(pinnedBefore);
  });

  it('the job of a process that died is reaped and run again by a live one', async () => {
    const [dead] = await database.db
      .insert(planningJobs)
      .values({
        municipalityCode: '0180',
        serviceDate: '2026-11-25',
        status: 'running',
        workerId: 'a-dead-process',
        attempts: 1,
        budgetSeconds: 1,
        createdAt: W.now,
        startedAt: W.now,
        heartbeatAt: sql`now() - interval '10 minutes'`,
      })
      .returning();
    startWorker(inProcess, 5_000);
    const job = await finished(dead.id);
    expect(job.status).toBe('done');
    expect(job.attempts).toBe(2);
    expect(job.workerId).toBeNull();
    const [row] = await database.db.select().from(planningJobs).where(eq(planningJobs.id, dead.id));
    expect(row.finishedAt).not.toBeNull();
  });
});
