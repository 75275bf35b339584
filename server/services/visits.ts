import { and, asc, count, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { VisitStatus } from '../../db/reference/task-types.ts';
import { visits } from '../../db/schema/index.ts';
import { localDayBounds } from '../time/stockholm.ts';
import { visitView } from './visit-view.ts';

export interface VisitFilter {
  municipality?: string;
  /** Local calendar day (Europe/Stockholm) in which the window starts. */
  date?: string;
  status?: VisitStatus[];
  patient?: string;
}

function where(f: VisitFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.municipality) parts.push(eq(visits.municipalityCode, f.municipality));
  if (f.date) {
    const { start, end } = localDayBounds(f.date);
    parts.push(gte(visits.windowStart, start), lt(visits.windowStart, end));
  }
  if (f.status?.length) parts.push(inArray(visits.status, f.status));
  if (f.patient) parts.push(eq(visits.patientId, f.patient));
  return parts.length ? and(...parts) : undefined;
}

export async function listVisits(db: Db, f: VisitFilter, limit: number, offset: number) {
  const w = where(f);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(visits)
      .where(w)
      .orderBy(asc(visits.windowStart), asc(visits.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(visits).where(w),
  ]);
  return { items: rows.map(visitView), page: { limit, offset, total } };
}

export async function getVisit(db: Db, id: string) {
  const [row] = await db.select().from(visits).where(eq(visits.id, id));
  return row ? visitView(row) : undefined;
}
