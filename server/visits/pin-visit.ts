import { AppError } from '../http/errors.ts';
import type { VisitVersionInput } from './dispatch-schemas.ts';
import { FINAL_STATUSES } from './visit-status.ts';
import {
  type DispatchDeps,
  type VisitState,
  bumpVersion,
  commitAndPublish,
  visitForChange,
  visitState,
} from './visit-state.ts';

/**
 * A pinned visit keeps its caregivers when the solver re-plans (repairs never move it).
 * Pinning a visit that already is (or is not) pinned is refused: the version would change
 * for nothing and the client's view is evidently out of date.
 */
async function setPinned(deps: DispatchDeps, input: VisitVersionInput, pinned: boolean) {
  return commitAndPublish(deps, async (tx, emit) => {
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
    await emit(visit.municipalityCode, pinned ? 'visit.pinned' : 'visit.unpinned', {
      visit: state,
    });
    return state;
  });
}

export const pinVisit = (deps: DispatchDeps, input: VisitVersionInput): Promise<VisitState> =>
  setPinned(deps, input, true);
export const unpinVisit = (deps: DispatchDeps, input: VisitVersionInput): Promise<VisitState> =>
  setPinned(deps, input, false);
