import type { TaskType } from '../../db/reference/task-types.ts';
import type { MunicipalityState } from '../live-state/municipality-state.ts';
import type {
  LiveAssignee,
  LivePatient,
  LiveShift,
  LiveStaffMember,
  LiveVisit,
} from '../live-state/types.ts';
import type { VisitRow } from '../solver-bridge/problem-rows.ts';
import type { LatLon } from '../solver-bridge/travel.ts';
import { delegationApplies, delegationPeriod, holdsProfession, visitNeeds } from './competence.ts';

/** Routes further ahead than this do not change where a visit fits now. */
const AHEAD_MS = 4 * 3600_000;
/** A visit still open this long after its window is forgotten, as in the repair. */
const STALE_MS = 12 * 3600_000;

/** A caregiver who may take the visit, with the route it would join. */
export interface Candidate {
  member: LiveStaffMember;
  /** The shift running now or starting before the horizon. */
  shift: LiveShift;
  /** Where their plan starts: the reported position, else the base. */
  start: LatLon;
  fromLivePosition: boolean;
  /** Busy with a visit in progress until then. */
  busyUntil: Date | undefined;
  /** Their route in the order the problem takes it (planned start). */
  route: VisitRow[];
  /** The route's places, in that order. */
  stops: LatLon[];
}

/**
 * Everyone who may take `visit`: on shift between now and a few hours past its window, with
 * the profession (or, an AN, a delegation of each delegable task for this patient that has
 * not ended: the solver checks it over the visit's time), not refused by the patient.
 */
export function caregiverCandidates(
  state: MunicipalityState,
  visit: LiveVisit,
  patient: LivePatient,
  now: Date,
  positionOf: (staffId: string) => LatLon | undefined,
): Candidate[] {
  const horizon = new Date(Math.max(now.getTime(), visit.windowEnd.getTime()) + AHEAD_MS);
  const needs = visitNeeds(visit.requiredProfession, visit.taskTypes);
  const excluded = new Set(patient.excludedStaffIds);
  const out: Candidate[] = [];
  for (const member of state.staff.values()) {
    if (excluded.has(member.id) || !holdsProfession(member.profession, needs.profession)) continue;
    const shift = member.shifts.find((s) => s.endsAt > now && s.startsAt < horizon);
    if (!shift || shift.endsAt <= visit.windowStart) continue;
    if (member.profession !== 'rn' && !mayHoldDelegations(member, needs.delegated, visit, now))
      continue;
    const c = withRoute(state, member, shift, visit, horizon, now, positionOf(member.id));
    if (c) out.push(c);
  }
  return out;
}

function mayHoldDelegations(
  member: LiveStaffMember,
  tasks: readonly TaskType[],
  visit: LiveVisit,
  now: Date,
): boolean {
  return tasks.every((task) =>
    member.delegations.some((d) => {
      const p = delegationPeriod(d);
      return p !== null && p.to > now && delegationApplies(d, task, visit.patientId);
    }),
  );
}

function withRoute(
  state: MunicipalityState,
  member: LiveStaffMember,
  shift: LiveShift,
  visit: LiveVisit,
  horizon: Date,
  now: Date,
  position: LatLon | undefined,
): Candidate | null {
  let busyUntil: Date | undefined;
  const route: VisitRow[] = [];
  for (const v of state.routeOf(member.id)) {
    if (v.id === visit.id) continue;
    const mine = v.assignees.find((a) => a.staffId === member.id)!;
    if (v.status === 'in_progress') {
      const end = new Date(
        Math.max(now.getTime(), mine.plannedStart.getTime() + v.durationMinutes * 60_000),
      );
      if (!busyUntil || end > busyUntil) busyUntil = end;
      continue;
    }
    if (v.windowStart >= horizon || v.windowEnd.getTime() < now.getTime() - STALE_MS) continue;
    route.push(routeVisit(v, mine));
  }
  route.sort(
    (a, b) =>
      a.assignees[0].plannedStart.getTime() - b.assignees[0].plannedStart.getTime() ||
      a.id.localeCompare(b.id),
  );
  const stops: LatLon[] = [];
  for (const v of route) {
    const p = state.patients.get(v.patientId);
    if (!p) return null; // a patient not read yet: the next reload brings them
    stops.push(p);
  }
  return {
    member,
    shift,
    start: position ?? member.base,
    fromLivePosition: position !== undefined,
    busyUntil,
    route,
    stops,
  };
}

/**
 * A visit on the route as this caregiver's problem sees it: theirs alone, and with a soft
 * window, so a route already running late still takes suggestions (the lateness a detour
 * adds is priced and reported). A two-person visit keeps its planned start as the window,
 * since the partner arrives then.
 */
function routeVisit(v: LiveVisit, mine: LiveAssignee): VisitRow {
  const { plannedStart } = mine;
  const base = { ...v, windowHard: false, assignees: [{ ...mine, routeOrder: 0 }] };
  if (v.staffCount < 2) return base;
  return { ...base, staffCount: 1, windowStart: plannedStart, windowEnd: plannedStart };
}
