import { sql } from 'drizzle-orm';
import type { VisitStatus } from '../../db/reference/task-types.ts';
import { visitActuals } from '../../db/schema/index.ts';
import type { Tx } from '../events/append-events.ts';

/** Which column of visit_actuals a status change stamps; assigned/unassigned stamp nothing. */
const STAMP: Partial<Record<VisitStatus, 'enRouteAt' | 'startedAt' | 'finishedAt'>> = {
  en_route: 'enRouteAt',
  in_progress: 'startedAt',
  done: 'finishedAt',
  no_access: 'finishedAt',
  cancelled: 'finishedAt',
};
const FINAL = new Set<VisitStatus>(['done', 'no_access', 'cancelled']);

/**
 * Records what happened at a visit for the manager's board, in the transaction of the status
 * change (one row per visit, upserted): each step stamps its own column and keeps the others,
 * so the row ends with when the caregiver set off, started and finished, and the outcome.
 */
export async function recordActual(
  tx: Tx,
  visit: { id: string; municipalityCode: string; assignees: readonly { staffId: string }[] },
  status: VisitStatus,
  at: Date,
): Promise<void> {
  const column = STAMP[status];
  if (!column) return;
  const outcome = FINAL.has(status) ? status : null;
  // The first caregiver by id, as the visit's assignees are ordered (a two-person visit has two).
  const staffId = visit.assignees[0]?.staffId ?? null;
  await tx
    .insert(visitActuals)
    .values({
      visitId: visit.id,
      municipalityCode: visit.municipalityCode,
      staffId,
      [column]: at,
      outcome,
      updatedAt: at,
    })
    .onConflictDoUpdate({
      target: visitActuals.visitId,
      set: {
        [column]: at,
        outcome,
        staffId: sql`coalesce(${visitActuals.staffId}, excluded.staff_id)`,
        updatedAt: at,
      },
    });
}
