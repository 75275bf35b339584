import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { planningJobs } from '../../../db/schema/index.ts';

export interface ReapOptions {
  /** A running job whose heartbeat is older than this is taken for dead. */
  staleMs: number;
  /** Tries a job gets: one reaped before its last is queued again, then it fails. */
  maxAttempts: number;
  now: Date;
}

export interface Reaped {
  id: string;
  municipalityCode: string;
  serviceDate: string;
  teamId: string | null;
  status: 'queued' | 'failed';
}

/**
 * Jobs of a process that died mid-solve (no heartbeat for `staleMs`, on the database's own
 * clock, the one all processes share): queued again while tries are left, else failed with
 * the reason. Nothing of a dead job was written to the day, so either is safe.
 */
export async function reapStaleJobs(db: Db, o: ReapOptions): Promise<Reaped[]> {
  const retry = sql`${planningJobs.attempts} < ${o.maxAttempts}`;
  const seconds = Math.max(1, Math.round(o.staleMs / 1000));
  const rows = await db
    .update(planningJobs)
    .set({
      status: sql`case when ${retry} then 'queued' else 'failed' end::planning_job_status`,
      workerId: null,
      error: sql`case when ${retry} then null else ${`the server process running it stopped (no heartbeat for ${seconds} s) on its last try`} end`,
      finishedAt: sql`case when ${retry} then null else ${o.now.toISOString()}::timestamptz end`,
    })
    .where(
      and(
        eq(planningJobs.status, 'running'),
        lt(planningJobs.heartbeatAt, sql`now() - make_interval(secs => ${o.staleMs / 1000})`),
      ),
    )
    .returning({
      id: planningJobs.id,
      municipalityCode: planningJobs.municipalityCode,
      serviceDate: planningJobs.serviceDate,
      teamId: planningJobs.teamId,
      status: planningJobs.status,
    });
  return rows as Reaped[];
}
