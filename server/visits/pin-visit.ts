import { eq } from 'drizzle-orm';
import { assignments, visits } from '../../db/schema/index.ts';
import { AppError } from '../http/errors.ts';
import type { Tx } from '../events/append-events.ts';
import type { PinVisitInput, VisitVersionInput } from './dispatch-schemas.ts';
import { FINAL_STATUSES } from './visit-status.ts';
import { routeClash } from './route-clash.ts';
import { subjectOf } from '../audit/record.ts';
import { type CommandActor, runCommand } from '../commands/run-command.ts';
import { parseInstant, toLocalIso } from '../domain/stockholm-time.ts';
import {
  type ChangingVisit,
  type DispatchDeps,
  type VisitState,
  bumpVersion,
  visitForChange,
  visitState,
} from './visit-state.ts';

/** The start a pin locks the visit to: an instant within the visit's window, else a 400. */
function pinnedStartOf(visit: ChangingVisit, start: string | undefined): Date | null {
  if (start === undefined) return null;
  const p = parseInstant(start, { min: visit.windowStart, max: visit.windowEnd });
  if (!p.ok) {
    throw new AppError(400, 'validation_failed', 'The start is not within the visit window', [
      {
        field: 'body.start',
        message: `${p.message} (the window is ${toLocalIso(visit.windowStart)} to ${toLocalIso(visit.windowEnd)})`,
      },
    ]);
  }
  return p.value;
}

/**
 * An assigned visit moved to `start` must not overlap another visit of its caregivers: a
 * caregiver cannot be in two homes at once, and publishing a plan would meet it as a 409.
 * Refused with a 409 naming the visit in the way; the scheduler moves that one or picks
 * another start.
 */
async function refuseClash(tx: Tx, visit: ChangingVisit, start: Date): Promise<void> {
  const staffIds = visit.assignees.map((a) => a.staffId);
  const clash = await routeClash(tx, staffIds, visit.id, start, visit.durationMinutes);
  if (!clash) return;
  const end = new Date(clash.plannedStart.getTime() + clash.durationMinutes * 60_000);
  throw new AppError(
    409,
    'conflict',
    `The caregiver already has visit ${clash.visitId} at that time`,
    [
      {
        field: 'body.start',
        message: `overlaps visit ${clash.visitId} of caregiver ${clash.staffId}, ${toLocalIso(clash.plannedStart)} to ${toLocalIso(end)}`,
      },
    ],
  );
}

/**
 * A pinned visit keeps its caregivers when the solver re-plans (repairs never move it), and
 * with a start also that start: an assigned visit moves to it now, and planning places an
 * unassigned one exactly then (load-day.ts). Pinning a visit that already is (or is not)
 * pinned, at the same start, is refused: the version would change for nothing and the
 * client's view is evidently out of date. Unpinning clears the start.
 */
async function setPinned(
  deps: DispatchDeps,
  actor: CommandActor,
  input: VisitVersionInput & { start?: string },
  pinned: boolean,
) {
  return runCommand(deps, actor, async ({ tx, emit, audit }) => {
    const visit = await visitForChange(tx, input.visitId, input.expectedVersion);
    if (FINAL_STATUSES.includes(visit.status)) {
      throw new AppError(409, 'conflict', `The visit is ${visit.status}, which is final`, [
        { field: 'body.visitId', message: `status is ${visit.status}` },
      ]);
    }
    const start = pinned ? pinnedStartOf(visit, input.start) : null;
    if (start && visit.assignees.length > 0) await refuseClash(tx, visit, start);
    const sameStart = (visit.pinnedStart?.getTime() ?? null) === (start?.getTime() ?? null);
    if (visit.pinned === pinned && (!pinned || sameStart)) {
      throw new AppError(
        409,
        'conflict',
        `The visit is already ${pinned ? 'pinned' : 'unpinned'}`,
        [{ field: 'body.visitId', message: `pinned is ${visit.pinned}` }],
      );
    }
    // The check constraint allows a start only on a pinned visit: clear it before unpinning.
    if (!pinned && visit.pinnedStart) {
      await tx.update(visits).set({ pinnedStart: null }).where(eq(visits.id, visit.id));
    }
    let row = await bumpVersion(tx, visit.id, input.expectedVersion, deps.now(), { pinned });
    if (pinned && !sameStart) {
      [row] = await tx
        .update(visits)
        .set({ pinnedStart: start })
        .where(eq(visits.id, visit.id))
        .returning();
    }
    // Its caregivers do not change; with a start, they come then.
    let assignees = visit.assignees;
    if (start && assignees.length > 0) {
      await tx
        .update(assignments)
        .set({ plannedStart: start })
        .where(eq(assignments.visitId, visit.id));
      assignees = assignees.map((a) => ({ ...a, plannedStart: start }));
    }
    const state = visitState(row, assignees);
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
  input: PinVisitInput,
): Promise<VisitState> => setPinned(deps, actor, input, true);
export const unpinVisit = (
  deps: DispatchDeps,
  actor: CommandActor,
  input: VisitVersionInput,
): Promise<VisitState> => setPinned(deps, actor, input, false);
