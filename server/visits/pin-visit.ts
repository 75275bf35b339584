import { AppError } from '../http/errors.ts';
import type { VisitVersionInput } from './dispatch-schemas.ts';
import { FINAL_STATUSES } from './visit-status.ts';
import { subjectOf } from '../audit/record.ts';
import { type CommandActor, runCommand } from '../commands/run-command.ts';
import {
  type DispatchDeps,
  type VisitState,
  bumpVersion,
  visitForChange,
  visitState,
} from './visit-state.ts';

/**
 * A pinned visit keeps its caregivers when the solver re-plans (repairs never move it).
 * Pinning a visit that already is (or is not) pinned is refused: the version would change
 * for nothing and the client's view is evidently out of date.
 */
async function setPinned(
  deps: DispatchDeps,
  actor: CommandActor,
  input: VisitVersionInput,
  pinned: boolean,
) {
  return runCommand(deps, actor, async ({ tx, emit, audit }) => {
    const visit = await visitForChange(tx, input.visitId, input.expectedVersion);
    if (FINAL_STATUSES.includes(visit.status)) {
      throw new AppError(409, 'conflict', `The visit is ${visit.status}, which is final`, [
        { field: 'body.visitId', message: `status is ${visit.status}` },
      ]);
    }
    if (visit.pinned === pinned) {
      throw new AppError(
        409,
        'conflict',
        `The visit is already ${pinned ? 'pinned' : 'unpinned'}`,
        [{ field: 'body.visitId', message: `pinned is ${visit.pinned}` }],
      );
    }
    const row = await bumpVersion(tx, visit.id, input.expectedVersion, deps.now(), { pinned });
    // Its caregivers do not change.
    const state = visitState(row, visit.assignees);
    await audit(pinned ? 'visit.pin' : 'visit.unpin', [subjectOf(visit)]);
    await emit(visit.municipalityCode, pinned ? 'visit.pinned' : 'visit.unpinned', {
      visit: state,
    });
    return state;
  });
}

export const pinVisit = (
  deps: DispatchDeps,
  actor: CommandActor,
  input: VisitVersionInput,
): Promise<VisitState> => setPinned(deps, actor, input, true);
export const unpinVisit = (
  deps: DispatchDeps,
  actor: CommandActor,
  input: VisitVersionInput,
): Promise<VisitState> => setPinned(deps, actor, input, false);
