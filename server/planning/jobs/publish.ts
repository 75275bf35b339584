import { and, eq, inArray, sql } from 'drizzle-orm';
import { assignments, planningJobs, visits } from '../../../db/schema/index.ts';
import type { Tx } from '../../events/append-events.ts';
import { type CommandActor, type CommandDeps, runCommand } from '../../commands/run-command.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { serviceDayOf } from '../demo-day.ts';
import { loadDay } from '../load-day.ts';
import { type PlannedVisit, writePlan } from '../write-plan.ts';
import { basisChanges, basisOf } from './basis.ts';
import { replanAfterOf } from './run-job.ts';
import type { JobRow } from './queue.ts';
import type { DayBasis, JobResult } from './types.ts';

/**
 * A finished job's plan becomes the day's assignments, in one transaction with its event and
 * audit rows. The job's row is locked first, so of two schedulers publishing it one wins and
 * the other is told (409, already published). The day is read again and compared with what
 * the plan was made from: any visit or shift changed, added or gone is a 409 naming it,
 * nothing written. Only visits that were unassigned at the planned version are written, so a
 * visit locked, started or done is never moved (it was a fixed stop of the plan).
 */
export async function publishJob(
  deps: CommandDeps,
  actor: CommandActor,
  jobId: string,
): Promise<{ job: JobRow; assigned: number }> {
  return runCommand(deps, actor, async ({ tx, now, emit, audit }) => {
    const [job] = await tx
      .select()
      .from(planningJobs)
      .where(eq(planningJobs.id, jobId))
      .for('update');
    if (!job) throw notFound('Planning job', 'path.id');
    if (job.publishedAt) {
      throw new AppError(409, 'conflict', 'The plan is already published', [
        { field: 'path.id', message: `published at ${job.publishedAt.toISOString()}` },
      ]);
    }
    if (job.status !== 'done' || !job.result || !job.basis) {
      throw new AppError(
        409,
        'conflict',
        `The job is ${job.status}: only a done job's plan is published`,
        [{ field: 'path.id', message: `job is ${job.status}` }],
      );
    }
    const range = serviceDayOf(job.serviceDate);
    const day = await loadDay(tx, {
      municipality: job.municipalityCode,
      ...range,
      teamId: job.teamId,
      replanAfter: replanAfterOf(job),
    });
    const changes = basisChanges(job.basis as DayBasis, basisOf(day));
    if (changes.length > 0) {
      throw new AppError(
        409,
        'conflict',
        'The day changed since the plan was made: plan it again',
        changes,
      );
    }

    const result = job.result as JobResult;
    const open = new Map(day.open.map((v) => [v.id, v]));
    const plan: PlannedVisit[] = result.assignments.map((a) => ({
      visitId: a.visitId,
      durationMinutes: open.get(a.visitId)!.durationMinutes,
      staff: a.staff.map((s) => ({ ...s, plannedStart: new Date(s.plannedStart) })),
    }));
    // Visits planned again lose their caregivers first; those the plan leaves out stay so.
    await release(tx, day.replanned);
    const written = await writePlan(tx, plan, {
      versions: new Map(result.assignments.map((a) => [a.visitId, a.version])),
      now,
    });
    if (written.skipped.length > 0) {
      throw new AppError(
        409,
        'conflict',
        'Some visits changed meanwhile or would overlap another visit of their caregiver: plan it again',
        written.skipped
          .slice(0, 50)
          .map((id) => ({ field: `visits.${id}`, message: 'not written', reason: 'not_written' })),
      );
    }
    const placed = new Set(plan.map((p) => p.visitId));
    const leftOut = [...day.replanned].filter((id) => !placed.has(id));
    if (leftOut.length > 0) {
      await tx
        .update(visits)
        .set({ version: sql`${visits.version} + 1`, updatedAt: now })
        .where(inArray(visits.id, leftOut));
    }
    const [published] = await tx
      .update(planningJobs)
      .set({ publishedAt: now })
      .where(eq(planningJobs.id, jobId))
      .returning();
    const patients = new Map(
      [...placed, ...leftOut].map((id) => [open.get(id)!.patientId, job.municipalityCode]),
    );
    await audit(
      'planning.publish',
      [...patients].map(([patientId, municipalityCode]) => ({ patientId, municipalityCode })),
    );
    // A whole plan at once: subscribers read the day back (as after the demo day's plan).
    await emit(job.municipalityCode, 'day.planned', {
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      assigned: written.assigned,
      unassigned: day.open.length - written.assigned,
      jobId,
      teamId: job.teamId,
    });
    return { job: published, assigned: written.assigned };
  });
}

/**
 * Assigned visits the plan moves: unassigned at their version (the write that follows bumps
 * it once), their assignments gone. Locked first; the day was just compared with the plan's.
 */
async function release(tx: Tx, ids: ReadonlySet<string>): Promise<void> {
  if (ids.size === 0) return;
  const list = [...ids];
  await tx.select({ id: visits.id }).from(visits).where(inArray(visits.id, list)).for('update');
  await tx.delete(assignments).where(inArray(assignments.visitId, list));
  await tx
    .update(visits)
    .set({ status: 'unassigned' })
    .where(and(inArray(visits.id, list), eq(visits.status, 'assigned')));
}
