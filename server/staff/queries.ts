import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Profession } from '../../db/reference/professions.ts';
import { staff } from '../../db/schema/index.ts';
import type { DataScope } from '../auth/scope.ts';
import { staffScope } from '../auth/scope-filters.ts';

export interface StaffFilter {
  municipality?: string;
  profession?: Profession;
  active?: boolean;
}

const columns = {
  id: staff.id,
  hsaId: staff.hsaId,
  name: staff.name,
  profession: staff.profession,
  municipalityCode: staff.municipalityCode,
  teamId: staff.teamId,
  travelMode: staff.travelMode,
  active: staff.active,
};

function where(f: StaffFilter, scope: DataScope): SQL | undefined {
  const parts: SQL[] = staffScope(scope);
  if (f.municipality) parts.push(eq(staff.municipalityCode, f.municipality));
  if (f.profession) parts.push(eq(staff.profession, f.profession));
  if (f.active !== undefined) parts.push(eq(staff.active, f.active));
  return parts.length ? and(...parts) : undefined;
}

export async function listStaff(
  db: Db,
  f: StaffFilter,
  scope: DataScope,
  limit: number,
  offset: number,
) {
  const w = where(f, scope);
  const [items, [{ total }]] = await Promise.all([
    db
      .select(columns)
      .from(staff)
      .where(w)
      .orderBy(asc(staff.name), asc(staff.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(staff).where(w),
  ]);
  return { items, page: { limit, offset, total } };
}

export async function getStaff(db: Db, id: string, scope: DataScope) {
  const [row] = await db
    .select(columns)
    .from(staff)
    .where(and(eq(staff.id, id), ...staffScope(scope)));
  return row;
}
