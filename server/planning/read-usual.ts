import { and, count, eq, gte, inArray, lt } from 'drizzle-orm';
import { assignments, visits } from '../../db/schema/index.ts';
import type { Tx } from '../events/append-events.ts';
import type { UsualCaregivers } from '../solver-bridge/usual-start.ts';

/** Visits that count as made by their caregivers: done, under way, or planned. */
const COUNTED = ['done', 'in_progress', 'en_route', 'assigned'] as const;

/**
 * The usual caregivers of each open visit, for the warm start (usual-start.ts): those who
 * made the visits of its care plan in [since, before) most often, then those who visited
 * its patient most often; ties by staff id, so a day is planned the same way twice.
 */
export async function readUsual(
  db: Tx,
  open: readonly { id: string; patientId: string; carePlanId: string | null }[],
  since: Date,
  before: Date,
): Promise<UsualCaregivers> {
  const out = new Map<string, string[]>();
  if (open.length === 0) return out;
  const rows = await db
    .select({
      patientId: visits.patientId,
      carePlanId: visits.carePlanId,
      staffId: assignments.staffId,
      visits: count(),
    })
    .from(assignments)
    .innerJoin(visits, eq(visits.id, assignments.visitId))
    .where(
      and(
        inArray(visits.patientId, [...new Set(open.map((v) => v.patientId))]),
        inArray(visits.status, [...COUNTED]),
        gte(visits.windowStart, since),
        lt(visits.windowStart, before),
      ),
    )
    .groupBy(visits.patientId, visits.carePlanId, assignments.staffId);

  const byPlan = new Map<string, Map<string, number>>();
  const byPatient = new Map<string, Map<string, number>>();
  const add = (m: Map<string, Map<string, number>>, key: string, staffId: string, n: number) => {
    const counts = m.get(key) ?? new Map<string, number>();
    counts.set(staffId, (counts.get(staffId) ?? 0) + n);
    m.set(key, counts);
  };
  for (const r of rows) {
    if (r.carePlanId) add(byPlan, r.carePlanId, r.staffId, r.visits);
    add(byPatient, r.patientId, r.staffId, r.visits);
  }
  const ranked = (counts: Map<string, number> | undefined) =>
    [...(counts ?? [])]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([id]) => id);
  for (const v of open) {
    const usual = [
      ...(v.carePlanId ? ranked(byPlan.get(v.carePlanId)) : []),
      ...ranked(byPatient.get(v.patientId)),
    ];
    if (usual.length > 0) out.set(v.id, [...new Set(usual)]);
  }
  return out;
}
