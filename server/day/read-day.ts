import { and, asc, eq, gt, gte, inArray, lt, ne, type SQL } from 'drizzle-orm';
import {
  assignments,
  bases,
  delegations,
  eventSequences,
  municipalities,
  patientExclusions,
  patients,
  shifts,
  staff,
  teams,
  visits,
} from '../../db/schema/index.ts';
import type { Tx } from '../events/append-events.ts';
import type { DayRange } from './service-day.ts';

/**
 * The one reader of a municipality's day: the queries the live state, the WebSocket
 * snapshot and planning build their views from. Each takes the transaction (or database)
 * of its caller, so a view reads all its rows at one committed moment.
 */

/** Whose patients: a whole municipality's, or a few by id. */
export type PatientScope = { municipality: string } | { patientIds: readonly string[] };

/** The municipality's last event seq (0 before its first event). */
export async function readSeq(q: Tx, code: string): Promise<number> {
  const [row] = await q
    .select({ lastSeq: eventSequences.lastSeq })
    .from(eventSequences)
    .where(eq(eventSequences.municipalityCode, code));
  return row ? Number(row.lastSeq) : 0;
}

export async function municipalityExists(q: Tx, code: string): Promise<boolean> {
  const rows = await q
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(eq(municipalities.code, code));
  return rows.length > 0;
}

/** Active caregivers of the municipality with their team's base. */
export function readStaff(q: Tx, code: string) {
  return q
    .select({
      id: staff.id,
      name: staff.name,
      profession: staff.profession,
      travelMode: staff.travelMode,
      lat: bases.lat,
      lon: bases.lon,
    })
    .from(staff)
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .innerJoin(bases, eq(bases.id, teams.baseId))
    .where(and(eq(staff.municipalityCode, code), eq(staff.active, true)));
}

/**
 * Shifts that overlap `range`, with their caregiver and base, by start, caregiver, shift.
 * `activeOnly`: only of caregivers still active (those who can be planned or shown).
 */
export function readShifts(q: Tx, code: string, range: DayRange, opts: { activeOnly: boolean }) {
  const where: SQL[] = [
    eq(shifts.municipalityCode, code),
    gt(shifts.endsAt, range.start),
    lt(shifts.startsAt, range.end),
  ];
  if (opts.activeOnly) where.push(eq(staff.active, true));
  return q
    .select({ shift: shifts, staff, base: bases })
    .from(shifts)
    .innerJoin(staff, eq(staff.id, shifts.staffId))
    .innerJoin(teams, eq(teams.id, staff.teamId))
    .innerJoin(bases, eq(bases.id, teams.baseId))
    .where(and(...where))
    .orderBy(asc(shifts.startsAt), asc(staff.id), asc(shifts.id));
}

/** Visits whose window overlaps `range`, by window start and id. */
export function readVisits(q: Tx, code: string, range: DayRange) {
  return q
    .select()
    .from(visits)
    .where(visitsOverlap(code, range))
    .orderBy(asc(visits.windowStart), asc(visits.id));
}

/** Unassigned visits whose window *starts* in `range`: what planning the day places. */
export function readOpenVisits(q: Tx, code: string, range: DayRange) {
  return q
    .select()
    .from(visits)
    .where(
      and(
        eq(visits.municipalityCode, code),
        eq(visits.status, 'unassigned'),
        gte(visits.windowStart, range.start),
        lt(visits.windowStart, range.end),
      ),
    )
    .orderBy(asc(visits.windowStart), asc(visits.id));
}

/** The assignments of the visits `readVisits` returns, by caregiver and route order. */
export function readAssignments(q: Tx, code: string, range: DayRange) {
  return q
    .select({
      visitId: assignments.visitId,
      staffId: assignments.staffId,
      plannedStart: assignments.plannedStart,
      routeOrder: assignments.routeOrder,
    })
    .from(assignments)
    .innerJoin(visits, eq(visits.id, assignments.visitId))
    .where(visitsOverlap(code, range))
    .orderBy(asc(assignments.staffId), asc(assignments.routeOrder));
}

/** What these caregivers are planned to do (not cancelled) with a start in `range`. */
export function readBusy(q: Tx, staffIds: readonly string[], range: DayRange) {
  if (staffIds.length === 0) return Promise.resolve([]);
  return q
    .select({ a: assignments, v: visits })
    .from(assignments)
    .innerJoin(visits, eq(visits.id, assignments.visitId))
    .where(
      and(
        inArray(assignments.staffId, [...staffIds]),
        ne(visits.status, 'cancelled'),
        gte(assignments.plannedStart, range.start),
        lt(assignments.plannedStart, range.end),
      ),
    )
    .orderBy(asc(assignments.plannedStart), asc(assignments.id));
}

/** Where patients live and who their contact is: nothing else of them is needed to plan. */
export function readPatientPlaces(q: Tx, scope: PatientScope) {
  if ('patientIds' in scope && scope.patientIds.length === 0) return Promise.resolve([]);
  return q
    .select({
      id: patients.id,
      lat: patients.lat,
      lon: patients.lon,
      contactStaffId: patients.contactStaffId,
    })
    .from(patients)
    .where(
      'municipality' in scope
        ? eq(patients.municipalityCode, scope.municipality)
        : inArray(patients.id, [...scope.patientIds]),
    );
}

/** Caregivers a patient must not have. */
export function readExclusions(q: Tx, scope: PatientScope) {
  const select = q
    .select({ patientId: patientExclusions.patientId, staffId: patientExclusions.staffId })
    .from(patientExclusions);
  if ('municipality' in scope) {
    return select
      .innerJoin(patients, eq(patients.id, patientExclusions.patientId))
      .where(eq(patients.municipalityCode, scope.municipality));
  }
  if (scope.patientIds.length === 0) return Promise.resolve([]);
  return select.where(inArray(patientExclusions.patientId, [...scope.patientIds]));
}

/**
 * Who knows each patient: caregivers of their visits with a window starting from `since`
 * (see knownSince). Visits made count; `withPlanned` also counts those assigned or under
 * way, as planning does for the day it plans.
 */
export function readKnown(q: Tx, scope: PatientScope, since: Date, opts: { withPlanned: boolean }) {
  if ('patientIds' in scope && scope.patientIds.length === 0) return Promise.resolve([]);
  const statuses = opts.withPlanned
    ? (['done', 'in_progress', 'en_route', 'assigned'] as const)
    : (['done', 'in_progress'] as const);
  return q
    .selectDistinct({ patientId: visits.patientId, staffId: assignments.staffId })
    .from(assignments)
    .innerJoin(visits, eq(visits.id, assignments.visitId))
    .where(
      and(
        'municipality' in scope
          ? eq(visits.municipalityCode, scope.municipality)
          : inArray(visits.patientId, [...scope.patientIds]),
        inArray(visits.status, [...statuses]),
        gte(visits.windowStart, since),
      ),
    );
}

/**
 * Of these patients, those of a team: whose contact caregiver is in it (a patient without a
 * contact belongs to no team and is planned with the whole municipality).
 */
export async function readTeamPatientIds(
  q: Tx,
  teamId: string,
  patientIds: readonly string[],
): Promise<Set<string>> {
  if (patientIds.length === 0) return new Set();
  const rows = await q
    .select({ id: patients.id })
    .from(patients)
    .innerJoin(staff, eq(staff.id, patients.contactStaffId))
    .where(and(eq(staff.teamId, teamId), inArray(patients.id, [...patientIds])));
  return new Set(rows.map((r) => r.id));
}

/** Delegated tasks of these caregivers. */
export function readDelegations(q: Tx, staffIds: readonly string[]) {
  if (staffIds.length === 0) return Promise.resolve([]);
  return q
    .select()
    .from(delegations)
    .where(inArray(delegations.staffId, [...staffIds]));
}

function visitsOverlap(code: string, range: DayRange): SQL | undefined {
  return and(
    eq(visits.municipalityCode, code),
    gt(visits.windowEnd, range.start),
    lt(visits.windowStart, range.end),
  );
}
