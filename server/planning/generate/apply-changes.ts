import { and, eq, sql } from 'drizzle-orm';
import { visitActuals, visits } from '../../../db/schema/index.ts';
import type { Tx } from '../../events/append-events.ts';
import { recordActual } from '../../visits/visit-actuals.ts';
import {
  type DayChange,
  type ExistingVisit,
  type KeptReason,
  type PlanField,
  type RemoveWhy,
  changedFields,
  editable,
} from './diff-day.ts';
import type { PlannedVisit } from './plan-occurrence.ts';

type VisitRow = typeof visits.$inferSelect;

/** What was done to one visit, with the visit as it now is. */
export type AppliedChange =
  | { kind: 'added'; visit: VisitRow; restored: boolean }
  | { kind: 'updated'; visit: VisitRow; fields: PlanField[] }
  | { kind: 'removed'; visit: VisitRow; why: RemoveWhy }
  | {
      kind: 'kept';
      visit: VisitRow;
      reason: KeptReason;
      would: 'update' | 'remove';
      fields: PlanField[];
    };

/** Rows per insert statement: well under PostgreSQL's 65,535 parameters (16 a row). */
const INSERT_CHUNK = 1000;

/**
 * Writes the changes in the caller's transaction. Every update and cancel is conditional on
 * the version read and on the visit still being free (unassigned, not pinned): a dispatcher
 * who assigned it in the meantime wins, and the visit is reported as kept.
 */
export async function applyChanges(
  tx: Tx,
  changes: DayChange[],
  now: Date,
): Promise<AppliedChange[]> {
  const out: AppliedChange[] = [];
  const adds = changes.filter((c) => c.kind === 'add').map((c) => c.planned);
  for (let i = 0; i < adds.length; i += INSERT_CHUNK) {
    const rows = await tx
      .insert(visits)
      .values(
        adds.slice(i, i + INSERT_CHUNK).map((p) => ({ ...p, createdAt: now, updatedAt: now })),
      )
      .returning();
    for (const visit of rows) out.push({ kind: 'added', visit, restored: false });
  }
  for (const c of changes) {
    if (c.kind === 'add') continue;
    if (c.kind === 'keep') {
      out.push({
        kind: 'kept',
        visit: c.visit,
        reason: c.reason,
        would: c.would,
        fields: c.fields,
      });
      continue;
    }
    out.push((await write(tx, c, now)) ?? (await afterRace(tx, c, now)));
  }
  return out;
}

async function write(
  tx: Tx,
  c: Exclude<DayChange, { kind: 'add' } | { kind: 'keep' }>,
  now: Date,
): Promise<AppliedChange | null> {
  const from = c.kind === 'restore' ? 'cancelled' : 'unassigned';
  const set =
    c.kind === 'remove'
      ? { status: 'cancelled' as const }
      : { ...planFields(c.planned), status: 'unassigned' as const };
  const [row] = await tx
    .update(visits)
    .set({ ...set, version: sql`${visits.version} + 1`, updatedAt: now })
    .where(
      and(
        eq(visits.id, c.visit.id),
        eq(visits.version, c.visit.version),
        eq(visits.status, from),
        eq(visits.pinned, false),
      ),
    )
    .returning();
  if (!row) return null;
  // The board reads outcomes from visit_actuals: a cancelled visit gets its row as the live
  // status path writes it (outcome, finishedAt), and loses it again when restored.
  if (c.kind === 'remove') await recordActual(tx, { ...row, assignees: [] }, 'cancelled', now);
  if (c.kind === 'restore') {
    await tx
      .delete(visitActuals)
      .where(and(eq(visitActuals.visitId, row.id), eq(visitActuals.outcome, 'cancelled')));
    return { kind: 'added', visit: row, restored: true };
  }
  if (c.kind === 'update') return { kind: 'updated', visit: row, fields: c.fields };
  return { kind: 'removed', visit: row, why: c.why };
}

function planFields(p: PlannedVisit) {
  return {
    alsoCarePlanIds: p.alsoCarePlanIds,
    windowStart: p.windowStart,
    windowEnd: p.windowEnd,
    windowHard: p.windowHard,
    durationMinutes: p.durationMinutes,
    taskTypes: p.taskTypes,
    requiredProfession: p.requiredProfession,
    staffCount: p.staffCount,
    priority: p.priority,
    source: p.source,
  };
}

/**
 * The write found the visit changed since it was read. Only the plans change a visit's plan
 * fields, and the day's lock keeps other generations out: someone assigned, pinned or
 * started it (kept, as it now is), or assigned and released it again (free at a newer
 * version: written once more at that version).
 */
async function afterRace(
  tx: Tx,
  c: Exclude<DayChange, { kind: 'add' } | { kind: 'keep' }>,
  now: Date,
): Promise<AppliedChange> {
  const [row] = await tx.select().from(visits).where(eq(visits.id, c.visit.id));
  const visit: ExistingVisit = {
    ...(row ?? c.visit),
    carePlanId: c.visit.carePlanId,
    assigneeCount: 0,
  };
  const stillFree = c.kind === 'restore' ? visit.status === 'cancelled' : editable(visit);
  if (row && stillFree && !visit.pinned && visit.version !== c.visit.version) {
    const again = await write(tx, { ...c, visit }, now);
    if (again) return again;
  }
  const planned = c.kind === 'remove' ? undefined : c.planned;
  return {
    kind: 'kept',
    visit,
    reason: visit.status === 'unassigned' || visit.status === 'cancelled' ? 'pinned' : visit.status,
    would: planned ? 'update' : 'remove',
    fields: planned ? changedFields(visit, planned) : [],
  };
}
