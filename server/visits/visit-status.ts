import type { VisitStatus } from '../../db/reference/task-types.ts';
import { AppError } from '../http/errors.ts';
import type { UpdateVisitStatusInput } from './dispatch-schemas.ts';
import { subjectOf } from '../audit/record.ts';
import { recordActual } from './visit-actuals.ts';
import { type CommandActor, runCommand } from '../commands/run-command.ts';
import {
  type DispatchDeps,
  type VisitState,
  bumpVersion,
  visitForChange,
  visitState,
} from './visit-state.ts';

/**
 * The visit lifecycle as the field reports it. 'assigned' and 'unassigned' are reached only
 * through assign and unassign (they change caregivers); done, cancelled and no_access are final.
 */
export const STATUS_TRANSITIONS: Record<VisitStatus, readonly VisitStatus[]> = {
  unassigned: [],
  assigned: ['en_route', 'cancelled'],
  en_route: ['in_progress', 'cancelled', 'no_access'],
  in_progress: ['done', 'no_access'],
  done: [],
  cancelled: [],
  no_access: [],
};
export const FINAL_STATUSES: readonly VisitStatus[] = ['done', 'cancelled', 'no_access'];

export async function updateVisitStatus(
  deps: DispatchDeps,
  actor: CommandActor,
  input: UpdateVisitStatusInput,
): Promise<VisitState> {
  if (input.status === 'assigned' || input.status === 'unassigned') {
    throw new AppError(422, 'validation_failed', 'Use assign or unassign for this status', [
      {
        field: 'body.status',
        message: `'${input.status}' is set by ${input.status === 'assigned' ? 'assigning' : 'unassigning'} the visit`,
      },
    ]);
  }
  return runCommand(deps, actor, async ({ tx, emit, audit, now }) => {
    const visit = await visitForChange(tx, input.visitId, input.expectedVersion);
    const from = visit.status;
    if (!STATUS_TRANSITIONS[from].includes(input.status)) {
      const why = FINAL_STATUSES.includes(from)
        ? `the visit is ${from}, which is final`
        : `a visit that is ${from} cannot become ${input.status}` +
          (STATUS_TRANSITIONS[from].length
            ? ` (allowed: ${STATUS_TRANSITIONS[from].join(', ')})`
            : ' (assign it first)');
      throw new AppError(409, 'conflict', `Status change refused: ${why}`, [
        { field: 'body.status', message: why },
      ]);
    }
    const row = await bumpVersion(tx, visit.id, input.expectedVersion, deps.now(), {
      status: input.status,
    });
    await recordActual(tx, visit, input.status, now);
    // Its caregivers do not change.
    const state = visitState(row, visit.assignees);
    await audit('visit.status', [subjectOf(visit)]);
    await emit(visit.municipalityCode, 'visit.status_changed', {
      visit: state,
      from,
      to: input.status,
    });
    return state;
  });
}
