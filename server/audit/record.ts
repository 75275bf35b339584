import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assignments, auditLog, visits } from '../../db/schema/index.ts';
import { type Principal, inMunicipalityScope } from '../auth/principal.ts';
import type { Tx } from '../events/append-events.ts';
import { type AuditRow, insertAuditRows } from './audit-batch.ts';

/** A patient whose data was read or changed. */
export interface AuditSubject {
  patientId: string;
  municipalityCode: string;
}

/** The subject of a visit (or any row naming its patient and municipality). */
export const subjectOf = (v: AuditSubject): AuditSubject => ({
  patientId: v.patientId,
  municipalityCode: v.municipalityCode,
});

export interface AuditActor {
  principal: Principal;
  requestId: string;
  /** The stated reason of an emergency access (nödåtkomst), if any. */
  emergencyReason: string | null;
}

/**
 * Actions, as `resource.verb`: patient.read, patient.list, visit.read, visit.list,
 * visit.create, audit.extract; the live layer adds e.g. live.snapshot.
 */
export type AuditAction = string;

/** The user's own unit, as the log should show it: their teams, else their municipalities. */
export function unitOf(p: Principal): string | null {
  const unit = p.teams.length ? p.teams : p.municipalities;
  return unit.length ? unit.join(',') : null;
}

/** Patients of these subjects the principal could not see without emergency access. */
export async function outsideNormalScope(
  db: Db | Tx,
  p: Principal,
  subjects: AuditSubject[],
): Promise<Set<string>> {
  const outside = new Set(
    subjects.filter((s) => !inMunicipalityScope(p, s.municipalityCode)).map((s) => s.patientId),
  );
  if (p.role === 'caregiver') {
    const ids = subjects.map((s) => s.patientId);
    const onRoute = ids.length
      ? await db
          .selectDistinct({ id: visits.patientId })
          .from(visits)
          .innerJoin(assignments, eq(assignments.visitId, visits.id))
          .where(and(eq(assignments.staffId, p.staffId ?? ''), inArray(visits.patientId, ids)))
      : [];
    const mine = new Set(onRoute.map((r) => r.id));
    for (const id of ids) if (!mine.has(id)) outside.add(id);
  }
  return outside;
}

/**
 * Writes one audit row per distinct patient. Call it inside the transaction of a change, and
 * before answering a read: if the row cannot be written, the data is not returned either.
 * `db` outside a transaction may be given as `{ database }`: the rows then go in one INSERT
 * with those of concurrent requests (every request of the API writes one; see audit-batch).
 */
export async function recordAccess(
  db: Db | Tx | { database: Db },
  actor: AuditActor,
  action: AuditAction,
  subjects: AuditSubject[],
  at: Date,
): Promise<{ rows: number; emergency: number }> {
  const unique = [...new Map(subjects.map((s) => [s.patientId, s])).values()];
  if (!unique.length) return { rows: 0, emergency: 0 };
  const p = actor.principal;
  const q = 'database' in db ? db.database : db;
  const outside = actor.emergencyReason
    ? await outsideNormalScope(q, p, unique)
    : new Set<string>();
  const rows: AuditRow[] = unique.map((s) => {
    const emergency = outside.has(s.patientId);
    return {
      at,
      userId: p.userId,
      role: p.role,
      patientId: s.patientId,
      municipalityCode: s.municipalityCode,
      unit: unitOf(p),
      action,
      requestId: actor.requestId,
      emergency,
      reason: emergency ? actor.emergencyReason : null,
    };
  });
  if ('database' in db) await insertAuditRows(db.database, rows);
  else await q.insert(auditLog).values(rows);
  return { rows: unique.length, emergency: outside.size };
}
