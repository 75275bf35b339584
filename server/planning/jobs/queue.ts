import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { planningJobs } from '../../../db/schema/index.ts';
import type { Tx } from '../../events/append-events.ts';
import { AppError } from '../../http/errors.ts';
import type { DayBasis, JobProgress, JobResult } from './types.ts';

/**
 * The planning job queue on the database. Every server process may enqueue and claim; the
 * partial unique index planning_jobs_one_active_per_day keeps one queued or running job per
 * municipality and day, and a claim takes the oldest queued job with FOR UPDATE SKIP LOCKED,
 * so two claimers never take the same one. A running job's writes name its worker: once a
 * job is cancelled or reaped, the old worker's writes no longer land.
 */
export type JobRow = typeof planningJobs.$inferSelect;

export interface NewJob {
  municipalityCode: string;
  serviceDate: string;
  teamId: string | null;
  requestedBy: { userId: string; username: string } | null;
  budgetSeconds: number;
  seed: number;
}

const ACTIVE = ['queued', 'running'] as const;
const UNIQUE_VIOLATION = '23505';
const ONE_ACTIVE_INDEX = 'planning_jobs_one_active_per_day';

/** Queues a job; 409 naming the job already queued or running for that municipality and day. */
export async function enqueueJob(db: Db, job: NewJob, now: Date): Promise<JobRow> {
  try {
    const [row] = await db
      .insert(planningJobs)
      .values({
        municipalityCode: job.municipalityCode,
        serviceDate: job.serviceDate,
        teamId: job.teamId,
        requestedBy: job.requestedBy?.userId ?? null,
        requestedByUsername: job.requestedBy?.username ?? null,
        budgetSeconds: job.budgetSeconds,
        seed: job.seed,
        createdAt: now,
      })
      .returning();
    return row;
  } catch (err) {
    if (!isActiveClash(err)) throw err;
    const active = await activeJob(db, job.municipalityCode, job.serviceDate);
    const which = active ? `job ${active.id} is ${active.status}` : 'another job is active';
    throw new AppError(
      409,
      'conflict',
      `A planning job is already ${active?.status ?? 'queued or running'} for ${job.municipalityCode} on ${job.serviceDate}${active ? ` (${active.id})` : ''}`,
      [{ field: 'path.date', message: which }],
    );
  }
}

/** The queued or running job of a municipality's day, if any. */
export async function activeJob(
  db: Tx,
  municipalityCode: string,
  serviceDate: string,
): Promise<JobRow | undefined> {
  const [row] = await db
    .select()
    .from(planningJobs)
    .where(
      and(
        eq(planningJobs.municipalityCode, municipalityCode),
        eq(planningJobs.serviceDate, serviceDate),
        inArray(planningJobs.status, [...ACTIVE]),
      ),
    );
  return row;
}

export async function getJob(db: Tx, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(planningJobs).where(eq(planningJobs.id, id));
  return row;
}

/**
 * Takes the oldest queued job for this worker (running, heartbeat now), or null. Queued jobs
 * another claimer has locked are skipped, not waited for.
 */
export async function claimJob(db: Db, workerId: string, now: Date): Promise<JobRow | null> {
  return db.transaction(async (tx) => {
    const [next] = await tx
      .select({ id: planningJobs.id })
      .from(planningJobs)
      .where(eq(planningJobs.status, 'queued'))
      .orderBy(asc(planningJobs.createdAt), asc(planningJobs.id))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!next) return null;
    const [row] = await tx
      .update(planningJobs)
      .set({
        status: 'running',
        workerId,
        attempts: sql`${planningJobs.attempts} + 1`,
        startedAt: now,
        heartbeatAt: sql`now()`,
        error: null,
      })
      .where(and(eq(planningJobs.id, next.id), eq(planningJobs.status, 'queued')))
      .returning();
    return row ?? null;
  });
}

/** A running job's own writes: only while it is still running on this worker. */
function mine(id: string, workerId: string) {
  return and(
    eq(planningJobs.id, id),
    eq(planningJobs.status, 'running'),
    eq(planningJobs.workerId, workerId),
  );
}

/**
 * The worker is alive (heartbeat on the database's clock, shared by all processes), with its
 * latest progress. False when the job is no longer its own: cancelled, or reaped.
 */
export async function beat(
  db: Db,
  id: string,
  workerId: string,
  progress?: JobProgress,
): Promise<boolean> {
  const rows = await db
    .update(planningJobs)
    .set({ heartbeatAt: sql`now()`, ...(progress ? { progress } : {}) })
    .where(mine(id, workerId))
    .returning({ id: planningJobs.id });
  return rows.length > 0;
}

/** What the plan is made from, recorded before solving. */
export async function recordBasis(
  db: Db,
  id: string,
  workerId: string,
  basis: DayBasis,
  fingerprint: string,
): Promise<boolean> {
  const rows = await db
    .update(planningJobs)
    .set({ basis, fingerprint, heartbeatAt: sql`now()` })
    .where(mine(id, workerId))
    .returning({ id: planningJobs.id });
  return rows.length > 0;
}

export type JobOutcome =
  | { status: 'done'; result: JobResult; progress: JobProgress }
  | { status: 'failed'; error: string };

/** Ends a running job of this worker; false when it was cancelled or reaped meanwhile. */
export async function finishJob(
  db: Db,
  id: string,
  workerId: string,
  outcome: JobOutcome,
  now: Date,
): Promise<JobRow | null> {
  const [row] = await db
    .update(planningJobs)
    .set({
      ...outcome,
      workerId: null,
      heartbeatAt: sql`now()`,
      finishedAt: now,
    })
    .where(mine(id, workerId))
    .returning();
  return row ?? null;
}

/**
 * Cancels a queued or running job (a running one's worker sees it at its next heartbeat and
 * stops its solve). Null when the job does not exist; the row as it is when already finished.
 */
export async function cancelJob(
  db: Db,
  id: string,
  now: Date,
): Promise<{ row: JobRow; cancelled: boolean } | null> {
  const [row] = await db
    .update(planningJobs)
    .set({ status: 'cancelled', workerId: null, finishedAt: now })
    .where(and(eq(planningJobs.id, id), inArray(planningJobs.status, [...ACTIVE])))
    .returning();
  if (row) return { row, cancelled: true };
  const current = await getJob(db, id);
  return current ? { row: current, cancelled: false } : null;
}

function isActiveClash(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Object && depth < 3; depth++) {
    const { code, constraint, constraint_name } = e as Record<string, unknown>;
    if (code === UNIQUE_VIOLATION && (constraint ?? constraint_name) === ONE_ACTIVE_INDEX)
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
