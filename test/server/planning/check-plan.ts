import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  assignments,
  delegations,
  patientExclusions,
  shifts,
  staff,
  visits,
} from '../../../db/schema/index.ts';
import { competenceFor } from '../../../server/domain/competence.ts';

const MIN = 60_000;
/** The overtime a plan may use past a shift's end (buildProblem's default). */
const OVERTIME_MS = 60 * MIN;

/**
 * Reads a municipality's day back from the database and lists every rule a written plan
 * breaks: status and assignments agree, two-person visits have two caregivers starting
 * together, starts inside the window (hard ones) and a shift, only competent and not
 * refused caregivers, and no caregiver at two visits at once.
 */
export async function planViolations(
  db: Db,
  municipality: string,
  day: { from: Date; to: Date },
): Promise<string[]> {
  const out: string[] = [];
  const dayVisits = await db
    .select()
    .from(visits)
    .where(
      and(
        eq(visits.municipalityCode, municipality),
        gte(visits.windowStart, day.from),
        lt(visits.windowStart, day.to),
      ),
    );
  const rows = await db
    .select({ a: assignments, v: visits })
    .from(assignments)
    .innerJoin(visits, eq(visits.id, assignments.visitId))
    .where(eq(visits.municipalityCode, municipality));
  const staffRows = await db.select().from(staff).where(eq(staff.municipalityCode, municipality));
  const staffById = new Map(staffRows.map((s) => [s.id, s]));
  const shiftRows = await db.select().from(shifts).where(eq(shifts.municipalityCode, municipality));
  const ids = staffRows.map((s) => s.id);
  const delegationRows = ids.length
    ? await db.select().from(delegations).where(inArray(delegations.staffId, ids))
    : [];
  const exclusions = await db.select().from(patientExclusions);
  const refused = new Set(exclusions.map((e) => `${e.patientId}:${e.staffId}`));

  for (const v of dayVisits) {
    const as = rows.filter((r) => r.a.visitId === v.id).map((r) => r.a);
    const planned = ['assigned', 'en_route', 'in_progress', 'done'].includes(v.status);
    if (v.status === 'unassigned' && as.length > 0) out.push(`${v.id}: unassigned with caregivers`);
    if (planned && as.length !== v.staffCount)
      out.push(`${v.id}: ${v.status} with ${as.length} caregivers for ${v.staffCount}`);
    if (as.length === 2) {
      if (as[0].staffId === as[1].staffId) out.push(`${v.id}: the same caregiver twice`);
      if (as[0].plannedStart.getTime() !== as[1].plannedStart.getTime())
        out.push(`${v.id}: two-person visit not started together`);
    }
    for (const a of as) {
      const start = a.plannedStart.getTime();
      const end = start + v.durationMinutes * MIN;
      if (start < v.windowStart.getTime()) out.push(`${v.id}: starts before its window`);
      if (v.windowHard && start > v.windowEnd.getTime())
        out.push(`${v.id}: starts after its hard window`);
      const who = staffById.get(a.staffId);
      if (!who) {
        out.push(`${v.id}: caregiver ${a.staffId} of another municipality`);
        continue;
      }
      const c = competenceFor(who, v, delegationRows, new Date(start), new Date(end));
      if (c.kind === 'none') out.push(`${v.id}: ${who.profession} ${who.id} not competent`);
      if (refused.has(`${v.patientId}:${a.staffId}`)) out.push(`${v.id}: refused caregiver`);
      const inShift = shiftRows.some(
        (s) =>
          s.staffId === a.staffId &&
          s.startsAt.getTime() <= start &&
          end <= s.endsAt.getTime() + OVERTIME_MS,
      );
      if (!inShift) out.push(`${v.id}: outside every shift of ${a.staffId}`);
    }
  }

  const byStaff = new Map<string, { start: number; end: number; id: string }[]>();
  for (const { a, v } of rows) {
    if (v.status === 'cancelled') continue;
    const start = a.plannedStart.getTime();
    const list = byStaff.get(a.staffId) ?? [];
    list.push({ start, end: start + v.durationMinutes * MIN, id: v.id });
    byStaff.set(a.staffId, list);
  }
  for (const [staffId, list] of byStaff) {
    list.sort((x, y) => x.start - y.start);
    for (let i = 1; i < list.length; i++) {
      if (list[i].start < list[i - 1].end)
        out.push(`${staffId}: ${list[i - 1].id} and ${list[i].id} overlap`);
    }
  }
  return out;
}
