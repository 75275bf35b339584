import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../db/client.ts';
import { openDatabase } from '../../../../db/client.ts';
import { seedMunicipalities } from '../../../../db/seed/seed.ts';
import { planningJobs } from '../../../../db/schema/index.ts';
import { AppError } from '../../../../server/http/errors.ts';
import {
  type NewJob,
  beat,
  cancelJob,
  claimJob,
  enqueueJob,
  finishJob,
} from '../../../../server/planning/jobs/queue.ts';
import { reapStaleJobs } from '../../../../server/planning/jobs/reaper.ts';
import { dbKinds, freshDatabase } from '../../../support/databases.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const job = (over: Partial<NewJob> = {}): NewJob => ({
  municipalityCode: '0180',
  serviceDate: '2026-11-24',
  teamId: null,
  requestedBy: null,
  budgetSeconds: 5,
  seed: 1,
  ...over,
});

describe.each(dbKinds())('the planning job queue on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    await seedMunicipalities(database.db);
  });
  afterAll(async () => database.close());
  beforeEach(async () => {
    await database.db.delete(planningJobs);
  });

  it('keeps one queued or running job per municipality and day: the second gets 409 naming it', async () => {
    const first = await enqueueJob(database.db, job(), NOW);
    expect(first.status).toBe('queued');
    const err = await enqueueJob(database.db, job({ budgetSeconds: 9 }), NOW).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(409);
    expect(err.message).toContain(first.id);
    // Another day, another municipality: free.
    await enqueueJob(database.db, job({ serviceDate: '2026-11-25' }), NOW);
    await enqueueJob(database.db, job({ municipalityCode: '0184' }), NOW);
    // Once the first is finished (here cancelled), the day takes a new job.
    await cancelJob(database.db, first.id, NOW);
    const again = await enqueueJob(database.db, job(), NOW);
    expect(again.id).not.toBe(first.id);
  });

  it('two claimers racing for one job: exactly one gets it', async () => {
    const queued = await enqueueJob(database.db, job(), NOW);
    const claims = await Promise.all([
      claimJob(database.db, 'w1', NOW),
      claimJob(database.db, 'w2', NOW),
      claimJob(database.db, 'w3', NOW),
    ]);
    const won = claims.filter((c) => c !== null);
    expect(won).toHaveLength(1);
    expect(won[0]!.id).toBe(queued.id);
    expect(won[0]!.status).toBe('running');
    expect(won[0]!.attempts).toBe(1);
    expect(await claimJob(database.db, 'w4', NOW)).toBeNull();
  });

  it("a running job's writes are its worker's alone; a cancel ends them", async () => {
    const queued = await enqueueJob(database.db, job(), NOW);
    const claimed = (await claimJob(database.db, 'w1', NOW))!;
    expect(claimed.id).toBe(queued.id);
    expect(await beat(database.db, claimed.id, 'w2')).toBe(false);
    const progress = {
      elapsedMs: 10,
      bestCost: 5,
      feasible: true,
      visitsPlaced: 1,
      visitsTotal: 2,
    };
    expect(await beat(database.db, claimed.id, 'w1', progress)).toBe(true);
    const cancel = await cancelJob(database.db, claimed.id, NOW);
    expect(cancel?.cancelled).toBe(true);
    expect(await beat(database.db, claimed.id, 'w1')).toBe(false);
    expect(
      await finishJob(database.db, claimed.id, 'w1', { status: 'failed', error: 'x' }, NOW),
    ).toBeNull();
    const [row] = await database.db
      .select()
      .from(planningJobs)
      .where(eq(planningJobs.id, claimed.id));
    expect(row.status).toBe('cancelled');
    expect(row.progress).toEqual(progress);
    // Cancelling a finished job changes nothing.
    expect((await cancelJob(database.db, claimed.id, NOW))?.cancelled).toBe(false);
  });

  it('the reaper requeues a job whose heartbeat is old, and fails it on its last try', async () => {
    const queued = await enqueueJob(database.db, job(), NOW);
    const fresh = await enqueueJob(database.db, job({ municipalityCode: '0184' }), NOW);
    await claimJob(database.db, 'dead', NOW);
    await claimJob(database.db, 'alive', NOW);
    // The first worker died an hour ago; the second is beating.
    await database.db
      .update(planningJobs)
      .set({ heartbeatAt: sql`now() - interval '1 hour'` })
      .where(eq(planningJobs.id, queued.id));
    const reaped = await reapStaleJobs(database.db, { staleMs: 30_000, maxAttempts: 2, now: NOW });
    expect(reaped).toEqual([
      {
        id: queued.id,
        municipalityCode: '0180',
        serviceDate: '2026-11-24',
        teamId: null,
        status: 'queued',
      },
    ]);
    const row = async (id: string) =>
      (await database.db.select().from(planningJobs).where(eq(planningJobs.id, id)))[0];
    expect((await row(fresh.id)).status).toBe('running');
    // The dead worker's late writes do not land; another process takes the job again.
    expect(await beat(database.db, queued.id, 'dead')).toBe(false);
    const retried = (await claimJob(database.db, 'w2', NOW))!;
    expect(retried.id).toBe(queued.id);
    expect(retried.attempts).toBe(2);
    await database.db
      .update(planningJobs)
      .set({ heartbeatAt: sql`now() - interval '1 hour'` })
      .where(eq(planningJobs.id, queued.id));
    const last = await reapStaleJobs(database.db, { staleMs: 30_000, maxAttempts: 2, now: NOW });
    expect(last.map((r) => r.status)).toEqual(['failed']);
    const failed = await row(queued.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/stopped/);
    expect(failed.finishedAt?.getTime()).toBe(NOW.getTime());
  });

  it.runIf(kind === 'postgres')(
    'a claimer skips a job another holds locked instead of waiting for it',
    async () => {
      const a = await enqueueJob(database.db, job(), NOW);
      const b = await enqueueJob(database.db, job({ municipalityCode: '0184' }), NOW);
      // A second connection pool, as another server process has.
      const raw = database.raw;
      if (raw.kind !== 'postgres') throw new Error('postgres only');
      const other = await openDatabase({ kind: 'postgres', url: raw.url, maxConnections: 2 });
      try {
        let release!: () => void;
        const held = new Promise<void>((r) => (release = r));
        let lockTaken!: () => void;
        const locked = new Promise<void>((r) => (lockTaken = r));
        // The first claimer holds its transaction (the row lock) open.
        const holder = database.db.transaction(async (tx) => {
          await tx.execute(sql`select id from planning_jobs where id = ${a.id} for update`);
          lockTaken();
          await held;
        });
        await locked;
        const claimed = await claimJob(other.db, 'w2', NOW);
        expect(claimed?.id).toBe(b.id);
        release();
        await holder;
      } finally {
        await other.close();
      }
    },
  );
});
