import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { patients } from '../../db/schema/index.ts';
import type { DataScope } from '../auth/scope.ts';
import { patientScope } from '../auth/scope-filters.ts';

const columns = {
  id: patients.id,
  municipalityCode: patients.municipalityCode,
  name: patients.name,
  address: patients.address,
  lat: patients.lat,
  lon: patients.lon,
  careSetting: patients.careSetting,
  contactStaffId: patients.contactStaffId,
  notes: patients.notes,
};

export async function listPatients(
  db: Db,
  f: { municipality?: string; q?: string },
  scope: DataScope,
  limit: number,
  offset: number,
) {
  const parts: SQL[] = patientScope(db, scope);
  if (f.municipality) parts.push(eq(patients.municipalityCode, f.municipality));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(or(ilike(patients.name, like), ilike(patients.address, like))!);
  }
  const w = and(...parts);
  const [items, [{ total }]] = await Promise.all([
    db
      .select(columns)
      .from(patients)
      .where(w)
      .orderBy(asc(patients.name), asc(patients.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(patients).where(w),
  ]);
  return { items, page: { limit, offset, total } };
}

/** One patient, or undefined when there is none in scope (the caller answers 404 either way). */
export async function getPatient(db: Db, id: string, scope: DataScope) {
  const [row] = await db
    .select(columns)
    .from(patients)
    .where(and(eq(patients.id, id), ...patientScope(db, scope)));
  return row;
}
