import { and, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { VisitStatus } from '../../db/reference/task-types.ts';
import { assignments, visits } from '../../db/schema/index.ts';
import type { Tx } from '../events/append-events.ts';

/** One visit of a solved plan, in database terms (two staff for a two-person visit). */
export interface PlannedVisit {
  visitId: string;
  durationMinutes: number;
  staff: {
    staffId: string;
    plannedStart: Date;
    routeOrder: number;
    /** The solver's leg from the previous stop (or start); absent on a plan that has none. */
    travelSeconds?: number | null;
  }[];
}

export interface WriteOptions {
  /** Visit id → the version the plan was made from. */
  versions: Map<string, number>;
  now: Date;
  /**
   * Record the plan as already under way at this instant: visits planned to end by then
   * become 'done', those started by then 'in_progress' (demo data mid-day).
   */
  completeBefore?: Date;
}

export interface WriteResult {
  assigned: number;
  done: number;
  inProgress: number;
  /** Planned but not written: changed since the plan was read, or clashing with other visits. */
  skipped: string[];
}

const BATCH = 1000;
/** Longest visit (the schema's check): an assignment starting earlier cannot reach in. */
const MAX_VISIT_MS = 480 * 60_000;

/**
 * Writes a plan inside the caller's transaction. The visits are locked and re-read first:
 * one that is no longer unassigned at the planned version is skipped, and so is one that
 * would overlap another visit of one of its caregivers (assigned meanwhile by a dispatcher,
 * or a fixed stop the solver could not keep). So whatever the solver returned, no caregiver
 * ends up with two visits at once.
 */
export async function writePlan(
  tx: Tx,
  plan: readonly PlannedVisit[],
  o: WriteOptions,
): Promise<WriteResult> {
  const result: WriteResult = { assigned: 0, done: 0, inProgress: 0, skipped: [] };
  if (plan.length === 0) return result;
  const current = await tx
    .select({ id: visits.id, status: visits.status, version: visits.version })
    .from(visits)
    .where(
      inArray(
        visits.id,
        plan.map((p) => p.visitId),
      ),
    )
    .for('update');
  const unchanged = new Set(
    current
      .filter((v) => v.status === 'unassigned' && v.version === o.versions.get(v.id))
      .map((v) => v.id),
  );

  const starts = plan.flatMap((p) => p.staff.map((s) => s.plannedStart.getTime()));
  const busy = new Map<string, { start: number; end: number }[]>();
  const existing = await tx
    .select({
      staffId: assignments.staffId,
      plannedStart: assignments.plannedStart,
      durationMinutes: visits.durationMinutes,
    })
    .from(assignments)
    .innerJoin(visits, eq(visits.id, assignments.visitId))
    .where(
      and(
        inArray(assignments.staffId, [
          ...new Set(plan.flatMap((p) => p.staff.map((s) => s.staffId))),
        ]),
        ne(visits.status, 'cancelled'),
        gte(assignments.plannedStart, new Date(Math.min(...starts) - MAX_VISIT_MS)),
        lt(assignments.plannedStart, new Date(Math.max(...starts) + MAX_VISIT_MS)),
      ),
    );
  const take = (staffId: string, start: number, minutes: number) =>
    busy.set(staffId, [...(busy.get(staffId) ?? []), { start, end: start + minutes * 60_000 }]);
  for (const e of existing) take(e.staffId, e.plannedStart.getTime(), e.durationMinutes);
  const clashes = (staffId: string, start: number, minutes: number) =>
    (busy.get(staffId) ?? []).some((b) => b.start < start + minutes * 60_000 && start < b.end);

  const accepted: { p: PlannedVisit; status: VisitStatus }[] = [];
  const byStart = [...plan].sort(
    (a, b) =>
      a.staff[0].plannedStart.getTime() - b.staff[0].plannedStart.getTime() ||
      a.visitId.localeCompare(b.visitId),
  );
  for (const p of byStart) {
    const ids = p.staff.map((s) => s.staffId);
    const ok =
      unchanged.has(p.visitId) &&
      new Set(ids).size === ids.length &&
      p.staff.every((s) => !clashes(s.staffId, s.plannedStart.getTime(), p.durationMinutes));
    if (!ok) {
      result.skipped.push(p.visitId);
      continue;
    }
    for (const s of p.staff) take(s.staffId, s.plannedStart.getTime(), p.durationMinutes);
    accepted.push({ p, status: statusAt(p, o.completeBefore) });
  }

  // One update per (status, version): few statements however many visits.
  const groups = new Map<string, string[]>();
  for (const { p, status } of accepted) {
    const key = `${status}:${o.versions.get(p.visitId)}`;
    groups.set(key, [...(groups.get(key) ?? []), p.visitId]);
  }
  for (const [key, ids] of groups) {
    const [status, version] = key.split(':');
    const rows = await tx
      .update(visits)
      .set({
        status: status as VisitStatus,
        version: sql`${visits.version} + 1`,
        updatedAt: o.now,
      })
      .where(
        and(
          inArray(visits.id, ids),
          eq(visits.status, 'unassigned'),
          eq(visits.version, Number(version)),
        ),
      )
      .returning({ id: visits.id });
    // The rows are locked and were checked above; a mismatch is a bug, not a race.
    if (rows.length !== ids.length) throw new Error('writePlan: visits changed under a lock');
  }
  const rows = accepted.flatMap(({ p }) =>
    p.staff.map((s) => ({
      visitId: p.visitId,
      staffId: s.staffId,
      plannedStart: s.plannedStart,
      routeOrder: s.routeOrder,
      plannedTravelSeconds: s.travelSeconds ?? null,
    })),
  );
  for (let i = 0; i < rows.length; i += BATCH)
    await tx.insert(assignments).values(rows.slice(i, i + BATCH));

  for (const { status } of accepted) {
    result.assigned++;
    if (status === 'done') result.done++;
    if (status === 'in_progress') result.inProgress++;
  }
  return result;
}

function statusAt(p: PlannedVisit, completeBefore: Date | undefined): VisitStatus {
  if (!completeBefore) return 'assigned';
  const start = p.staff[0].plannedStart.getTime();
  if (start + p.durationMinutes * 60_000 <= completeBefore.getTime()) return 'done';
  return start < completeBefore.getTime() ? 'in_progress' : 'assigned';
}
