import { eq } from 'drizzle-orm';
import { planningJobs } from '../../../db/schema/index.ts';
import { type CommandActor, type CommandDeps, runCommand } from '../../commands/run-command.ts';
import { notFound } from '../../http/errors.ts';
import type { PlanningMovedPayload } from '../../live/protocol.ts';
import type { TravelProvider } from '../../travel/travel-provider.ts';
import type { JobRow } from '../jobs/queue.ts';
import { type MoveInput, type PricedMove, priceMove } from './price-move.ts';

/** The live feed's event after a move (typed in server/live/protocol.ts). */
export const MOVED_EVENT = 'planning.moved';

/**
 * Makes a move in a finished job's proposal, so publishing publishes the edited plan. The
 * job's row is locked first: of two schedulers editing (or one publishing) at once, the
 * second prices against what the first left. The day itself is not changed; the
 * municipality's subscribers are told (`planning.moved`), so another scheduler's page
 * showing the proposal reads it again.
 */
export async function applyMove(
  deps: CommandDeps & { travel?: TravelProvider | null },
  actor: CommandActor,
  jobId: string,
  input: MoveInput,
): Promise<{ job: JobRow; move: PricedMove }> {
  return runCommand(deps, actor, async ({ tx, audit, emit }) => {
    const [job] = await tx
      .select()
      .from(planningJobs)
      .where(eq(planningJobs.id, jobId))
      .for('update');
    if (!job) throw notFound('Planning job', 'path.id');
    const move = await priceMove(tx, deps.travel, job, input);
    const [updated] = await tx
      .update(planningJobs)
      .set({ result: move.result })
      .where(eq(planningJobs.id, jobId))
      .returning();
    await audit('planning.move', [
      { patientId: move.patientId, municipalityCode: job.municipalityCode },
    ]);
    const payload: PlanningMovedPayload = {
      jobId: job.id,
      serviceDate: job.serviceDate,
      teamId: job.teamId,
      visitId: input.visitId,
    };
    await emit(job.municipalityCode, MOVED_EVENT, payload);
    return { job: updated, move };
  });
}
