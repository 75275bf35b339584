import { and, asc, count, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { VisitStatus } from '../../db/reference/task-types.ts';
import { assignments, visits } from '../../db/schema/index.ts';
import type { DataScope } from '../auth/scope.ts';
import { localDayBounds } from '../domain/stockholm-time.ts';
import { visitScope } from '../auth/scope-filters.ts';
import { visitView } from './visit-view.ts';
import { visitState } from './visit-state.ts';

export interface VisitFilter {
  municipality?: string;
  /** Local calendar day (Europe/Stockholm) in which the window starts. */
  date?: string;
  status?: VisitStatus[];
  patient?: string;
}

function where(db: Db, f: VisitFilter, scope: DataScope): SQL | undefined {
  const parts: SQL[] = visitScope(db, scope);
  if (f.municipality) parts.push(eq(visits.municipalityCode, f.municipality));
  if (f.date) {
    const { start, end } = localDayBounds(f.date);
    parts.push(gte(visits.windowStart, start), lt(visits.windowStart, end));
  }
  if (f.status?.length) parts.push(inArray(visits.status, f.status));
  if (f.patient) parts.push(eq(visits.patientId, f.patient));
  return parts.length ? and(...parts) : undefined;
}

export async function listVisits(
  db: Db,
  f: VisitFilter,
  scope: DataScope,
  limit: number,
  offset: number,
) {
  const w = where(db, f, scope);
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
  // Each visit with its caregivers and planned starts, as dispatch answers carry them.
  const ids = rows.map((r) => r.id);
  const planned = ids.length
    ? await db
        .select({
          visitId: assignments.visitId,
          staffId: assignments.staffId,
          plannedStart: assignments.plannedStart,
          routeOrder: assignments.routeOrder,
        })
        .from(assignments)
        .where(inArray(assignments.visitId, ids))
        .orderBy(asc(assignments.staffId))
    : [];
  const byVisit = new Map<string, typeof planned>();
  for (const a of planned) byVisit.set(a.visitId, [...(byVisit.get(a.visitId) ?? []), a]);
  const items = rows.map((r) => visitState(r, byVisit.get(r.id) ?? []));
  return { items, page: { limit, offset, total } };
}

export async function getVisit(db: Db, id: string, scope: DataScope) {
  const [row] = await db
    .select()
    .from(visits)
    .where(and(eq(visits.id, id), ...visitScope(db, scope)));
  return row ? visitView(row) : undefined;
}
