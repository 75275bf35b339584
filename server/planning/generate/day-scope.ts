import {
  and,
  count,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import {
  assignments,
  carePlans,
  patients,
  staff,
  teams,
  visits,
} from '../../../db/schema/index.ts';
import type { Tx } from '../../events/append-events.ts';
import { localDayBounds } from '../../domain/stockholm-time.ts';
import type { ExistingVisit } from './diff-day.ts';

/** What one generation covers: a municipality's day, or one team's patients in it. */
export interface DayScope {
  municipality: string;
  /**
   * Stockholm calendar day, YYYY-MM-DD: a plan's 02:30 visit on a Monday starts at 02:30 that
   * Monday (as the demo seed makes them), although the service day (server/day) counts that
   * night as Sunday's. A visit belongs to the day its window starts on.
   */
  date: string;
  team: string | null;
}

/**
 * The patients of the scope. Patients have no team of their own: a team's patients are those
 * whose contact caregiver (fast vårdkontakt) is in the team, the team that answers for them.
 * A patient without a contact caregiver belongs to no team and is generated only with the
 * whole municipality.
 */
function patientCondition(scope: DayScope): SQL[] {
  const parts: SQL[] = [eq(patients.municipalityCode, scope.municipality)];
  if (scope.team !== null) {
    parts.push(
      inArray(
        patients.contactStaffId,
        sql`(select ${staff.id} from ${staff} where ${staff.teamId} = ${scope.team})`,
      ),
    );
  }
  return parts;
}

/** The care plans of the scope's patients valid on the day (weekdays are checked after). */
export function plansInScope(tx: Tx, scope: DayScope) {
  return tx
    .select({ plan: carePlans })
    .from(carePlans)
    .innerJoin(patients, eq(patients.id, carePlans.patientId))
    .where(
      and(
        ...patientCondition(scope),
        lte(carePlans.validFrom, scope.date),
        or(isNull(carePlans.validTo), gte(carePlans.validTo, scope.date)),
      ),
    )
    .orderBy(carePlans.patientId, carePlans.windowStart, carePlans.id)
    .then((rows) => rows.map((r) => r.plan));
}

/**
 * The visits care plans made for the scope's patients that start on the day (any status).
 * Whether a visit has caregivers matters only for the cancelled ones (cancelledByGeneration):
 * they alone are counted, a second small query instead of a count per visit.
 */
export async function planVisitsInScope(tx: Tx, scope: DayScope): Promise<ExistingVisit[]> {
  const { start, end } = localDayBounds(scope.date);
  const rows = await tx
    .select({ visit: visits })
    .from(visits)
    .innerJoin(patients, eq(patients.id, visits.patientId))
    .where(
      and(
        ...patientCondition(scope),
        eq(visits.municipalityCode, scope.municipality),
        isNotNull(visits.carePlanId),
        gte(visits.windowStart, start),
        lt(visits.windowStart, end),
      ),
    );
  const cancelled = rows.filter((r) => r.visit.status === 'cancelled').map((r) => r.visit.id);
  const counts = new Map<string, number>();
  if (cancelled.length > 0) {
    const held = await tx
      .select({ visitId: assignments.visitId, n: count() })
      .from(assignments)
      .where(inArray(assignments.visitId, cancelled))
      .groupBy(assignments.visitId);
    for (const h of held) counts.set(h.visitId, Number(h.n));
  }
  return rows.map((r) => ({
    ...r.visit,
    carePlanId: r.visit.carePlanId!,
    assigneeCount: counts.get(r.visit.id) ?? 0,
  }));
}

/** The team, if it is one of the municipality's. */
export async function teamOf(tx: Tx, municipality: string, team: string) {
  const [row] = await tx
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.id, team), eq(teams.municipalityCode, municipality)));
  return row;
}
