import { type CommandDeps, appendAndPublish } from '../../commands/run-command.ts';
import type { PlanningProgressPayload } from '../../live/protocol.ts';
import type { JobRow } from './queue.ts';
import type { JobProgress, PlanningJobStatus } from './types.ts';

/** The live feed's `planning.progress` event (typed in server/live/protocol.ts). */
export const PROGRESS_EVENT = 'planning.progress';

/**
 * Tells the municipality's subscribers how a job is doing: each heartbeat while it runs
 * (about once a second, no faster: it goes in the event log) and once when it ends.
 * Best effort: REST (GET /api/planning/jobs/{id}) has the same figures.
 */
export async function publishProgress(
  deps: CommandDeps,
  job: Pick<JobRow, 'id' | 'municipalityCode' | 'serviceDate' | 'teamId'>,
  status: PlanningJobStatus,
  progress: JobProgress | null,
): Promise<void> {
  const payload: PlanningProgressPayload = {
    jobId: job.id,
    serviceDate: job.serviceDate,
    teamId: job.teamId,
    status,
    progress,
  };
  await appendAndPublish(deps, job.municipalityCode, PROGRESS_EVENT, payload).catch(() => {});
}
