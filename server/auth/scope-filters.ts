import { eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assignments, patients, staff, visits } from '../../db/schema/index.ts';
import type { DataScope } from './scope.ts';

/**
 * The scope of a request as SQL conditions, added to every query of patient data so that rows
 * outside it are never read at all (a missed check cannot leak what was never fetched).
 */
const assignedVisitIds = (db: Db, staffId: string) =>
  db.select({ id: assignments.visitId }).from(assignments).where(eq(assignments.staffId, staffId));

export function visitScope(db: Db, scope: DataScope): SQL[] {
  const parts: SQL[] = [];
  if (scope.municipalities) parts.push(inArray(visits.municipalityCode, scope.municipalities));
  if (scope.staffId) parts.push(inArray(visits.id, assignedVisitIds(db, scope.staffId)));
  return parts;
}

export function patientScope(db: Db, scope: DataScope): SQL[] {
  const parts: SQL[] = [];
  if (scope.municipalities) parts.push(inArray(patients.municipalityCode, scope.municipalities));
  if (scope.staffId) {
    const onRoute = db
      .select({ id: visits.patientId })
      .from(visits)
      .where(inArray(visits.id, assignedVisitIds(db, scope.staffId)));
    parts.push(inArray(patients.id, onRoute));
  }
  return parts;
}

/** Staff: a caregiver sees only their own record; a team scope narrows to those teams. */
export function staffScope(scope: DataScope): SQL[] {
  const parts: SQL[] = [];
  if (scope.municipalities) parts.push(inArray(staff.municipalityCode, scope.municipalities));
  if (scope.staffId) parts.push(eq(staff.id, scope.staffId));
  if (scope.teams.length) parts.push(inArray(staff.teamId, scope.teams));
  return parts;
}
