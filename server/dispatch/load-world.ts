import { and, eq, gt, gte, inArray, lt } from 'drizzle-orm';
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
import type { Tx } from '../services/events.ts';
import type { PositionStore } from './positions.ts';
import type { ShiftRow } from './staff-checks.ts';

export interface World {
  staff: StaffRow[];
  visits: VisitRow[];
  patients: PatientRow[];
  staffInfo: Map<string, { name: string; shift: ShiftRow; positionAt: Date | null }>;
  /** Visit id → version, for the versioned writes that follow a plan. */
  versions: Map<string, number>;
}

export interface WorldQuery {
  municipality: string;
  now: Date;
  /** Shifts and visit windows that start before this count. */
  until: Date;
  positions?: PositionStore;
  excludeStaffIds?: string[];
}

const KNOWN_DAYS = 14;
const OPEN = ['unassigned', 'assigned', 'en_route'] as const;

/**
 * The live state of a municipality as plain bridge rows: caregivers on shift between now and
 * `until` (starting at their last known position, else their base; busy until a visit in
 * progress ends), visits not yet started, and their patients.
 */
export async function loadWorld(db: Tx, q: WorldQuery): Promise<World> {
  const { municipality, now, until } = q;
  const excluded = new Set(q.excludeStaffIds ?? []);
  const shiftRows = await db
    .select({ shift: shifts, staff, base: bases })
    .from(shifts)
    .innerJoin(staff, eq(staff.id, shifts.staffId))
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .innerJoin(bases, eq(bases.id, teams.baseId))
    .where(
      and(
        eq(shifts.municipalityCode, municipality),
        gt(shifts.endsAt, now),
        lt(shifts.startsAt, until),
        eq(staff.active, true),
      ),
    )
    .orderBy(shifts.startsAt);
  const firstShift = new Map<string, (typeof shiftRows)[number]>();
  for (const r of shiftRows)
    if (!excluded.has(r.staff.id) && !firstShift.has(r.staff.id)) firstShift.set(r.staff.id, r);
  const staffIds = [...firstShift.keys()].sort();

  const visitRows = await db
    .select()
    .from(visits)
    .where(
      and(
        eq(visits.municipalityCode, municipality),
        inArray(visits.status, [...OPEN, 'in_progress']),
        gte(visits.windowEnd, new Date(now.getTime() - 12 * 3600_000)),
        lt(visits.windowStart, until),
      ),
    );
  const assignRows = visitRows.length
    ? await db
        .select()
        .from(assignments)
        .where(
          inArray(
            assignments.visitId,
            visitRows.map((v) => v.id),
          ),
        )
    : [];
  const byVisit = new Map<string, typeof assignRows>();
  for (const a of assignRows) byVisit.set(a.visitId, [...(byVisit.get(a.visitId) ?? []), a]);
  const busyUntil = new Map<string, Date>();
  const out: VisitRow[] = [];
  for (const v of visitRows) {
    const as = byVisit.get(v.id) ?? [];
    if (v.status === 'in_progress') {
      for (const a of as) {
        const end = new Date(
          Math.max(now.getTime(), a.plannedStart.getTime() + v.durationMinutes * 60_000),
        );
        if (!busyUntil.has(a.staffId) || end > busyUntil.get(a.staffId)!)
          busyUntil.set(a.staffId, end);
      }
      continue;
    }
    // A visit on the route of someone outside this plan is theirs: leave it alone.
    if (as.some((a) => !firstShift.has(a.staffId))) continue;
    // Whoever is on the way keeps the visit.
    out.push({ ...v, pinned: v.pinned || v.status === 'en_route', assignees: as });
  }

  const patientIds = [...new Set(out.map((v) => v.patientId))];
  const [patientRows, exclusionRows, knownRows, delegationRows] = patientIds.length
    ? await Promise.all([
        db.select().from(patients).where(inArray(patients.id, patientIds)),
        db.select().from(patientExclusions).where(inArray(patientExclusions.patientId, patientIds)),
        db
          .selectDistinct({ patientId: visits.patientId, staffId: assignments.staffId })
          .from(assignments)
          .innerJoin(visits, eq(visits.id, assignments.visitId))
          .where(
            and(
              inArray(visits.patientId, patientIds),
              inArray(visits.status, ['done', 'in_progress']),
              gte(visits.windowStart, new Date(now.getTime() - KNOWN_DAYS * 86_400_000)),
            ),
          ),
        staffIds.length
          ? db.select().from(delegations).where(inArray(delegations.staffId, staffIds))
          : [],
      ])
    : [[], [], [], []];

  const staffInfo: World['staffInfo'] = new Map();
  const staffRows: StaffRow[] = staffIds.map((id) => {
    const r = firstShift.get(id)!;
    const pos = q.positions?.get(id, now);
    staffInfo.set(id, { name: r.staff.name, shift: r.shift, positionAt: pos?.at ?? null });
    const base = { lat: r.base.lat, lon: r.base.lon };
    return {
      id,
      profession: r.staff.profession,
      travelMode: r.staff.travelMode,
      shift: r.shift,
      start: pos ? { lat: pos.lat, lon: pos.lon } : base,
      end: base,
      availableFrom: busyUntil.get(id),
      delegations: delegationRows.filter((d) => d.staffId === id),
    };
  });
  const patientOut: PatientRow[] = patientRows.map((p) => ({
    id: p.id,
    lat: p.lat,
    lon: p.lon,
    contactStaffId: p.contactStaffId,
    excludedStaffIds: exclusionRows.filter((e) => e.patientId === p.id).map((e) => e.staffId),
    knownStaffIds: knownRows.filter((k) => k.patientId === p.id).map((k) => k.staffId),
  }));
  return {
    staff: staffRows,
    visits: out,
    patients: patientOut,
    staffInfo,
    versions: new Map(visitRows.map((v) => [v.id, v.version])),
  };
}
