import { and, asc, eq, gt, gte, inArray, lt, ne } from 'drizzle-orm';
import {
  assignments,
  bases,
  delegations,
  patientExclusions,
  patients,
  shifts,
  staff,
  teams,
  visits,
} from '../../db/schema/index.ts';
import type { PatientRow, StaffRow, VisitRow } from '../solver-bridge/problem-rows.ts';
import type { Tx } from '../events/append-events.ts';

/**
 * One municipality's service day as bridge rows. The solver sees one caregiver per *shift*
 * (StaffRow.id is the shift id), because a night nurse works last night's shift and
 * tonight's within one service day and a caregiver has one shift in the solver.
 */
export interface DayRows {
  caregivers: StaffRow[];
  /** Shift id → staff id. */
  staffOfShift: Map<string, string>;
  /** Unassigned visits whose window starts in [from, to), to be planned. */
  open: VisitRow[];
  /** Assignments already on these shifts, as pinned stops fixed at their planned start. */
  fixed: VisitRow[];
  patients: PatientRow[];
  /** Visit id → version of the open visits, for the versioned write. */
  versions: Map<string, number>;
  /** Earliest instant of the problem: every time is seconds after this. */
  origin: Date;
}

const KNOWN_DAYS = 14;
/** Prefix of the pseudo patients and visits that stand for fixed stops. */
const FIXED_PREFIX = 'fixed:';

export async function loadDay(
  db: Tx,
  q: { municipality: string; from: Date; to: Date },
): Promise<DayRows> {
  const { municipality, from, to } = q;
  const shiftRows = await db
    .select({ shift: shifts, staff, base: bases })
    .from(shifts)
    .innerJoin(staff, eq(staff.id, shifts.staffId))
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .innerJoin(bases, eq(bases.id, teams.baseId))
    .where(
      and(
        eq(shifts.municipalityCode, municipality),
        gt(shifts.endsAt, from),
        lt(shifts.startsAt, to),
        eq(staff.active, true),
      ),
    )
    .orderBy(asc(shifts.startsAt), asc(shifts.id));
  const staffIds = [...new Set(shiftRows.map((r) => r.staff.id))];
  const openRows = await db
    .select()
    .from(visits)
    .where(
      and(
        eq(visits.municipalityCode, municipality),
        eq(visits.status, 'unassigned'),
        gte(visits.windowStart, from),
        lt(visits.windowStart, to),
      ),
    )
    .orderBy(asc(visits.windowStart), asc(visits.id));
  const origin = new Date(
    Math.min(from.getTime(), ...shiftRows.map((r) => r.shift.startsAt.getTime())),
  );
  const until = Math.max(to.getTime(), ...shiftRows.map((r) => r.shift.endsAt.getTime()));

  // What these caregivers already do in their shifts stays where it is.
  const busy = staffIds.length
    ? await db
        .select({ a: assignments, v: visits })
        .from(assignments)
        .innerJoin(visits, eq(visits.id, assignments.visitId))
        .where(
          and(
            inArray(assignments.staffId, staffIds),
            ne(visits.status, 'cancelled'),
            gte(assignments.plannedStart, origin),
            lt(assignments.plannedStart, new Date(until)),
          ),
        )
        .orderBy(asc(assignments.plannedStart), asc(assignments.id))
    : [];
  const fixed: VisitRow[] = [];
  const fixedPatients = new Map<string, string>();
  for (const { a, v } of busy) {
    const shift = shiftRows.findLast(
      (s) =>
        s.staff.id === a.staffId &&
        s.shift.startsAt <= a.plannedStart &&
        a.plannedStart < s.shift.endsAt,
    );
    if (!shift) continue; // outside every loaded shift: the write's overlap check covers it
    const id = `${FIXED_PREFIX}${a.id}`;
    fixedPatients.set(id, v.patientId);
    fixed.push({
      id,
      patientId: id,
      windowStart: a.plannedStart,
      windowEnd: a.plannedStart,
      windowHard: true,
      durationMinutes: v.durationMinutes,
      taskTypes: [],
      requiredProfession: shift.staff.profession,
      staffCount: 1,
      priority: 'urgent1',
      pinned: true,
      assignees: [{ staffId: shift.shift.id, plannedStart: a.plannedStart, routeOrder: 0 }],
    });
  }

  const patientIds = [...new Set([...openRows.map((v) => v.patientId), ...fixedPatients.values()])];
  const openPatientIds = [...new Set(openRows.map((v) => v.patientId))];
  const [patientRows, exclusionRows, knownRows, delegationRows] = await Promise.all([
    // Where and who the contact is: nothing else of the patient is needed to plan.
    patientIds.length
      ? db
          .select({
            id: patients.id,
            lat: patients.lat,
            lon: patients.lon,
            contactStaffId: patients.contactStaffId,
          })
          .from(patients)
          .where(inArray(patients.id, patientIds))
      : [],
    openPatientIds.length
      ? db
          .select()
          .from(patientExclusions)
          .where(inArray(patientExclusions.patientId, openPatientIds))
      : [],
    openPatientIds.length
      ? db
          .selectDistinct({ patientId: visits.patientId, staffId: assignments.staffId })
          .from(assignments)
          .innerJoin(visits, eq(visits.id, assignments.visitId))
          .where(
            and(
              inArray(visits.patientId, openPatientIds),
              inArray(visits.status, ['done', 'in_progress', 'en_route', 'assigned']),
              gte(visits.windowStart, new Date(from.getTime() - KNOWN_DAYS * 86_400_000)),
            ),
          )
      : [],
    staffIds.length
      ? db.select().from(delegations).where(inArray(delegations.staffId, staffIds))
      : [],
  ]);

  // Everything that names a caregiver names all of their shifts in the day.
  const shiftsOf = new Map<string, string[]>();
  for (const r of shiftRows)
    shiftsOf.set(r.staff.id, [...(shiftsOf.get(r.staff.id) ?? []), r.shift.id]);
  const allShifts = (ids: string[]) => ids.flatMap((id) => shiftsOf.get(id) ?? []);
  const overlap = (s: (typeof shiftRows)[number]['shift']) =>
    Math.min(s.endsAt.getTime(), to.getTime()) - Math.max(s.startsAt.getTime(), from.getTime());
  // The contact's solver caregiver is their shift that covers most of the day.
  const mainShift = new Map<string, string>();
  for (const r of shiftRows) {
    const best = shiftRows.find((s) => s.shift.id === mainShift.get(r.staff.id));
    if (!best || overlap(r.shift) > overlap(best.shift)) mainShift.set(r.staff.id, r.shift.id);
  }

  const caregivers: StaffRow[] = shiftRows.map((r) => {
    const base = { lat: r.base.lat, lon: r.base.lon };
    return {
      id: r.shift.id,
      profession: r.staff.profession,
      travelMode: r.staff.travelMode,
      shift: r.shift,
      start: base,
      end: base,
      delegations: delegationRows
        .filter((d) => d.staffId === r.staff.id)
        .map((d) => ({ ...d, staffId: r.shift.id })),
    };
  });
  const byId = new Map(patientRows.map((p) => [p.id, p]));
  const patientOut: PatientRow[] = openPatientIds.map((id) => {
    const p = byId.get(id)!;
    return {
      id,
      lat: p.lat,
      lon: p.lon,
      contactStaffId: mainShift.get(p.contactStaffId ?? '') ?? null,
      excludedStaffIds: allShifts(
        exclusionRows.filter((e) => e.patientId === id).map((e) => e.staffId),
      ),
      knownStaffIds: allShifts(knownRows.filter((k) => k.patientId === id).map((k) => k.staffId)),
    };
  });
  // A fixed stop is its own patient: at the real patient's door, outside their continuity.
  for (const [id, patientId] of fixedPatients) {
    const p = byId.get(patientId)!;
    patientOut.push({
      id,
      lat: p.lat,
      lon: p.lon,
      contactStaffId: null,
      excludedStaffIds: [],
      knownStaffIds: [],
    });
  }

  return {
    caregivers,
    staffOfShift: new Map(shiftRows.map((r) => [r.shift.id, r.staff.id])),
    open: openRows.map((v) => ({ ...v, pinned: false, assignees: [] })),
    fixed,
    patients: patientOut,
    versions: new Map(openRows.map((v) => [v.id, v.version])),
    origin,
  };
}
