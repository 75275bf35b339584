import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { patients } from '../../db/schema/index.ts';

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
  f: { municipality?: string },
  limit: number,
  offset: number,
) {
  const w = f.municipality ? eq(patients.municipalityCode, f.municipality) : undefined;
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

export async function getPatient(db: Db, id: string) {
  const [row] = await db.select(columns).from(patients).where(eq(patients.id, id));
  return row;
}
