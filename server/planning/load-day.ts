import {
  readBusy,
  readDelegations,
  readExclusions,
  readKnown,
  readOpenVisits,
  readPatientPlaces,
  readShifts,
  readTeamPatientIds,
} from '../day/read-day.ts';
import { knownSince } from '../day/service-day.ts';
import type { PatientRow, StaffRow, VisitRow } from '../solver-bridge/problem-rows.ts';
import type { UsualCaregivers } from '../solver-bridge/usual-start.ts';
import type { Tx } from '../events/append-events.ts';
import { readUsual } from './read-usual.ts';

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
  /** Visit id → version of the visits behind the fixed stops (what a plan was made around). */
  fixedVersions: Map<string, number>;
  /** Open visits locked to a time (a pin's start): visit id → that start. */
  lockedAt: Map<string, Date>;
  /** Assigned visits planned again (see `replanAfter`): among `open`, to be released first. */
  replanned: Set<string>;
  /** Earliest instant of the problem: every time is seconds after this. */
  origin: Date;
  /** Who usually makes each open visit, from the two weeks before the day (read-usual.ts). */
  usual: UsualCaregivers;
}

/** Prefix of the pseudo patients and visits that stand for fixed stops. */
const FIXED_PREFIX = 'fixed:';

export async function loadDay(
  db: Tx,
  q: {
    municipality: string;
    from: Date;
    to: Date;
    /** Only this team: its caregivers' shifts and its patients' visits (readTeamPatientIds). */
    teamId?: string | null;
    /**
     * Plan again the assigned visits of the day that are not pinned and whose caregivers (all
     * of them on these shifts) start at or after this instant; without it, and for every
     * other visit assigned, started or done, what is planned stays where it is.
     */
    replanAfter?: Date;
  },
): Promise<DayRows> {
  const { municipality, from, to, teamId } = q;
  const range = { start: from, end: to };
  // The solver's caregivers in the order of their shifts (start, then shift id).
  const shiftRows = (await readShifts(db, municipality, range, { activeOnly: true }))
    .filter((r) => !teamId || r.staff.teamId === teamId)
    .sort(
      (a, b) =>
        a.shift.startsAt.getTime() - b.shift.startsAt.getTime() ||
        (a.shift.id < b.shift.id ? -1 : a.shift.id > b.shift.id ? 1 : 0),
    );
  const staffIds = [...new Set(shiftRows.map((r) => r.staff.id))];
  let openRows = await readOpenVisits(db, municipality, range);
  if (teamId) {
    const ours = await readTeamPatientIds(db, teamId, [
      ...new Set(openRows.map((v) => v.patientId)),
    ]);
    openRows = openRows.filter((v) => ours.has(v.patientId));
  }
  const origin = new Date(
    Math.min(from.getTime(), ...shiftRows.map((r) => r.shift.startsAt.getTime())),
  );
  const until = Math.max(to.getTime(), ...shiftRows.map((r) => r.shift.endsAt.getTime()));

  // What these caregivers already do in their shifts stays where it is.
  const busy = await readBusy(db, staffIds, { start: origin, end: new Date(until) });
  const replanned = await replannable(db, busy, shiftRows, q);
  openRows = [...openRows, ...replanned.values()].sort(
    (a, b) =>
      a.windowStart.getTime() - b.windowStart.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const fixed: VisitRow[] = [];
  const fixedPatients = new Map<string, string>();
  const fixedVersions = new Map<string, number>();
  for (const { a, v } of busy) {
    if (replanned.has(v.id)) continue;
    const shift = shiftRows.findLast(
      (s) =>
        s.staff.id === a.staffId &&
        s.shift.startsAt <= a.plannedStart &&
        a.plannedStart < s.shift.endsAt,
    );
    if (!shift) continue; // outside every loaded shift: the write's overlap check covers it
    const id = `${FIXED_PREFIX}${a.id}`;
    fixedPatients.set(id, v.patientId);
    fixedVersions.set(v.id, v.version);
    // A visit locked to a time stays at it (the pin moved its assignment there too).
    const at = (v.pinned && v.pinnedStart) || a.plannedStart;
    fixed.push({
      id,
      patientId: id,
      windowStart: at,
      windowEnd: at,
      windowHard: true,
      durationMinutes: v.durationMinutes,
      taskTypes: [],
      requiredProfession: shift.staff.profession,
      staffCount: 1,
      priority: 'urgent1',
      pinned: true,
      assignees: [{ staffId: shift.shift.id, plannedStart: at, routeOrder: 0 }],
    });
  }

  const patientIds = [...new Set([...openRows.map((v) => v.patientId), ...fixedPatients.values()])];
  const openPatientIds = [...new Set(openRows.map((v) => v.patientId))];
  const open = { patientIds: openPatientIds };
  const [patientRows, exclusionRows, knownRows, delegationRows, usual] = await Promise.all([
    readPatientPlaces(db, { patientIds }),
    readExclusions(db, open),
    readKnown(db, open, knownSince(from), { withPlanned: true }),
    readDelegations(db, staffIds),
    readUsual(db, openRows, knownSince(from), from),
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
    open: openRows.map((v) => ({ ...lockedToTime(v), pinned: false, assignees: [] })),
    fixed,
    patients: patientOut,
    versions: new Map(openRows.map((v) => [v.id, v.version])),
    fixedVersions,
    lockedAt: new Map(
      openRows.flatMap((v) => (v.pinned && v.pinnedStart ? [[v.id, v.pinnedStart] as const] : [])),
    ),
    replanned: new Set(replanned.keys()),
    origin,
    usual,
  };
}

/**
 * An open visit locked to a time: for the solver, a hard window of that one instant, so
 * every plan starts it then (a pin's start lies within the window: pin-visit.ts).
 */
function lockedToTime<V extends VisitRowLike>(v: V): V {
  if (!v.pinned || !v.pinnedStart) return v;
  return { ...v, windowStart: v.pinnedStart, windowEnd: v.pinnedStart, windowHard: true };
}
type VisitRowLike = {
  pinned: boolean;
  pinnedStart: Date | null;
  windowStart: Date;
  windowEnd: Date;
  windowHard: boolean;
};

type Busy = Awaited<ReturnType<typeof readBusy>>;

/** The assigned visits `replanAfter` opens again, by id (see loadDay). */
async function replannable(
  db: Tx,
  busy: Busy,
  shiftRows: { staff: { id: string }; shift: { startsAt: Date; endsAt: Date } }[],
  q: { from: Date; to: Date; teamId?: string | null; replanAfter?: Date },
): Promise<Map<string, Busy[number]['v']>> {
  const out = new Map<string, Busy[number]['v']>();
  if (!q.replanAfter) return out;
  const after = q.replanAfter.getTime();
  const halves = new Map<string, Busy>();
  for (const b of busy) halves.set(b.v.id, [...(halves.get(b.v.id) ?? []), b]);
  for (const [id, rows] of halves) {
    const v = rows[0].v;
    const ok =
      v.status === 'assigned' &&
      !v.pinned &&
      v.windowStart >= q.from &&
      v.windowStart < q.to &&
      rows.length === v.staffCount &&
      rows.every(
        ({ a }) =>
          a.plannedStart.getTime() >= after &&
          // On a shift of the day: the plan can place it again (else it stays as it is).
          shiftRows.some(
            (s) =>
              s.staff.id === a.staffId &&
              s.shift.startsAt <= a.plannedStart &&
              a.plannedStart < s.shift.endsAt,
          ),
      );
    if (ok) out.set(id, v);
  }
  if (q.teamId && out.size > 0) {
    const ours = await readTeamPatientIds(db, q.teamId, [
      ...new Set([...out.values()].map((v) => v.patientId)),
    ]);
    for (const [id, v] of out) if (!ours.has(v.patientId)) out.delete(id);
  }
  return out;
}
