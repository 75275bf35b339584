import { and, asc, eq, gt, inArray, lt, ne } from 'drizzle-orm';
import { assignments, visits } from '../../db/schema/index.ts';
import type { Tx } from '../events/append-events.ts';

/** Longest visit (the schema's check): an assignment starting earlier cannot reach in. */
const MAX_VISIT_MS = 480 * 60_000;

export interface RouteClash {
  visitId: string;
  staffId: string;
  plannedStart: Date;
  durationMinutes: number;
}

/**
 * The first other visit (not cancelled) of one of these caregivers that would overlap the
 * visit `visitId` made from `start` for `minutes`, by planned start; null when none does.
 * Visits that only touch (one ends as the other starts) do not overlap, as in writePlan.
 */
export async function routeClash(
  tx: Tx,
  staffIds: readonly string[],
  visitId: string,
  start: Date,
  minutes: number,
): Promise<RouteClash | null> {
  if (staffIds.length === 0) return null;
  const end = new Date(start.getTime() + minutes * 60_000);
  const rows = await tx
    .select({
      visitId: assignments.visitId,
      staffId: assignments.staffId,
      plannedStart: assignments.plannedStart,
      durationMinutes: visits.durationMinutes,
    })
    .from(assignments)
    .innerJoin(visits, eq(visits.id, assignments.visitId))
    .where(
      and(
        inArray(assignments.staffId, [...staffIds]),
        ne(assignments.visitId, visitId),
        ne(visits.status, 'cancelled'),
        gt(assignments.plannedStart, new Date(start.getTime() - MAX_VISIT_MS)),
        lt(assignments.plannedStart, end),
      ),
    )
    .orderBy(asc(assignments.plannedStart), asc(assignments.visitId));
  return (
    rows.find((r) => r.plannedStart.getTime() + r.durationMinutes * 60_000 > start.getTime()) ??
    null
  );
}
