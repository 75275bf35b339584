import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assignments, staff, visits } from '../../db/schema/index.ts';
import { seededRandom } from '../solver/rng.ts';

export interface HistoryOptions {
  municipality: string;
  /** The planned day whose visits are copied back (its service day's range). */
  from: Date;
  to: Date;
  /** Days before `from` to fill (the planner reads 14 days back: today counts as one). */
  days: number;
  /** Share of copied visits made by the caregiver of the planned day; the rest by a stand-in. */
  keep: number;
  seed: number;
}

const DAY_MS = 86_400_000;
const BATCH = 500;

/**
 * The seed has no past beyond today: this writes a continuity history deterministically. Each
 * of the `days` before the planned day gets a copy of that day's assigned visits, done, by the
 * same caregiver with probability `keep`, else by one of three stand-ins of the patient (the
 * same profession, fixed per patient), as rotas and absences make it. Written straight to the
 * tables (no events or audit): it is the past, not a change of the day.
 */
export async function synthesiseHistory(db: Db, o: HistoryOptions): Promise<{ visits: number }> {
  const rnd = seededRandom(o.seed);
  const rows = await db
    .select({
      v: visits,
      staffId: assignments.staffId,
      plannedStart: assignments.plannedStart,
      travel: assignments.plannedTravelSeconds,
    })
    .from(visits)
    .innerJoin(assignments, eq(assignments.visitId, visits.id))
    .where(
      and(
        eq(visits.municipalityCode, o.municipality),
        gte(visits.windowStart, o.from),
        lt(visits.windowStart, o.to),
        inArray(visits.status, ['assigned', 'en_route', 'in_progress', 'done']),
      ),
    )
    .orderBy(visits.windowStart, visits.id, assignments.staffId);
  const people = await db
    .select({ id: staff.id, profession: staff.profession })
    .from(staff)
    .where(eq(staff.municipalityCode, o.municipality))
    .orderBy(staff.id);
  const byProfession = new Map<string, string[]>();
  for (const p of people)
    byProfession.set(p.profession, [...(byProfession.get(p.profession) ?? []), p.id]);
  const standIns = new Map<string, string[]>();
  const standInsOf = (patientId: string, profession: string) => {
    const key = `${patientId}/${profession}`;
    let s = standIns.get(key);
    if (!s) {
      const pool = byProfession.get(profession) ?? [];
      s = [0, 1, 2].map(() => pool[Math.floor(rnd() * pool.length)]);
      standIns.set(key, s);
    }
    return s;
  };
  const grouped = new Map<
    string,
    {
      v: (typeof rows)[number]['v'];
      a: { staffId: string; plannedStart: Date; travel: number | null }[];
    }
  >();
  for (const r of rows) {
    const g = grouped.get(r.v.id) ?? { v: r.v, a: [] };
    g.a.push({ staffId: r.staffId, plannedStart: r.plannedStart, travel: r.travel });
    grouped.set(r.v.id, g);
  }
  const newVisits: (typeof visits.$inferInsert)[] = [];
  const newAssignments: (typeof assignments.$inferInsert)[] = [];
  for (let day = 1; day <= o.days; day++) {
    const shift = day * DAY_MS;
    for (const { v, a } of grouped.values()) {
      const id = crypto.randomUUID();
      newVisits.push({
        id,
        municipalityCode: v.municipalityCode,
        patientId: v.patientId,
        carePlanId: v.carePlanId,
        windowStart: new Date(v.windowStart.getTime() - shift),
        windowEnd: new Date(v.windowEnd.getTime() - shift),
        windowHard: v.windowHard,
        durationMinutes: v.durationMinutes,
        taskTypes: v.taskTypes,
        requiredProfession: v.requiredProfession,
        staffCount: v.staffCount,
        priority: v.priority,
        source: v.source,
        status: 'done',
      });
      const used = new Set<string>();
      a.forEach((x, order) => {
        let who = x.staffId;
        if (rnd() >= o.keep) {
          const s = standInsOf(v.patientId, v.requiredProfession);
          who = s[Math.floor(rnd() * s.length)];
        }
        if (used.has(who)) who = x.staffId;
        if (used.has(who)) return;
        used.add(who);
        newAssignments.push({
          visitId: id,
          staffId: who,
          plannedStart: new Date(x.plannedStart.getTime() - shift),
          routeOrder: order,
          // The planned day's leg: a stand-in is taken to follow the same route.
          plannedTravelSeconds: x.travel,
        });
      });
    }
  }
  for (let i = 0; i < newVisits.length; i += BATCH)
    await db.insert(visits).values(newVisits.slice(i, i + BATCH));
  for (let i = 0; i < newAssignments.length; i += BATCH)
    await db.insert(assignments).values(newAssignments.slice(i, i + BATCH));
  return { visits: newVisits.length };
}
