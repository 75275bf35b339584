import type { TaskType } from '../../db/reference/task-types.ts';
import type { MunicipalityState, RouteStop } from '../live-state/municipality-state.ts';
import type { LivePatient, LiveShift, LiveStaffMember, LiveVisit } from '../live-state/types.ts';
import type { VisitRow } from '../solver-bridge/problem-rows.ts';
import type { LatLon } from '../solver-bridge/travel.ts';
import {
  delegationApplies,
  delegationPeriod,
  holdsProfession,
  visitNeeds,
} from '../domain/competence.ts';

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
  /** Their route from now to the horizon, by planned start (shared: do not modify). */
  stops: RouteStop[];
  /** The stops' places, in that order. */
  places: LatLon[];
}

/** Why a caregiver is not a candidate at all (see NoSuggestionReason for the rest). */
export type NotCandidate = 'excluded_by_patient' | 'competence' | 'not_on_shift' | 'route_not_read';

/**
 * Everyone who may take `visit`: on shift between now and a few hours past its window, with
 * the profession (or, an AN, a delegation of each delegable task for this patient that has
 * not ended: the solver checks it over the visit's time), not refused by the patient.
 * `passOver`, when given, hears why each of the others is not.
 */
export function caregiverCandidates(
  state: MunicipalityState,
  visit: LiveVisit,
  patient: LivePatient,
  now: Date,
  positionOf: (staffId: string) => LatLon | undefined,
  passOver?: (member: LiveStaffMember, why: NotCandidate) => void,
): Candidate[] {
  const horizon = Math.max(now.getTime(), visit.windowEnd.getTime()) + AHEAD_MS;
  const stale = now.getTime() - STALE_MS;
  const needs = visitNeeds(visit.requiredProfession, visit.taskTypes);
  const excluded = new Set(patient.excludedStaffIds);
  // Whose route holds the visit itself (none, for an unassigned one; the caller's copy and
  // the state's may differ by an event).
  const assignedTo = new Set(
    [...visit.assignees, ...(state.visits.get(visit.id)?.assignees ?? [])].map((a) => a.staffId),
  );
  const out: Candidate[] = [];
  for (const member of state.staff.values()) {
    if (excluded.has(member.id)) {
      passOver?.(member, 'excluded_by_patient');
      continue;
    }
    if (!holdsProfession(member.profession, needs.profession)) {
      passOver?.(member, 'competence');
      continue;
    }
    const shift = member.shifts.find(
      (s) => s.endsAt.getTime() > now.getTime() && s.startsAt.getTime() < horizon,
    );
    if (!shift || shift.endsAt <= visit.windowStart) {
      passOver?.(member, 'not_on_shift');
      continue;
    }
    if (member.profession !== 'rn' && !mayHoldDelegations(member, needs.delegated, visit, now)) {
      passOver?.(member, 'competence');
      continue;
    }
    // Visits of their next shift are that shift's: this one's rules (its end, its breaks)
    // do not hold them, and a visit fitted in now cannot push them past a rest.
    const nextStart = nextShiftStart(member, shift);
    let busyUntil: Date | undefined;
    const stops: RouteStop[] = [];
    const places: LatLon[] = [];
    let complete = true;
    const route = state.routeOf(member.id);
    const floor = windowFloor(route);
    const hasVisit = assignedTo.has(member.id);
    for (let i = 0; i < route.length && floor[i] < horizon; i++) {
      const stop = route[i];
      if (hasVisit && stop.visit.id === visit.id) continue;
      if (!stop.inProgress && stop.plannedStart >= nextStart) break; // by planned start
      if (stop.inProgress) {
        const end = Math.max(now.getTime(), stop.plannedStart + stop.durationMs);
        if (!busyUntil || end > busyUntil.getTime()) busyUntil = new Date(end);
        continue;
      }
      if (stop.windowStart >= horizon || stop.windowEnd < stale) continue;
      if (!stop.place) complete = false; // a patient not read yet: the next reload brings them
      stops.push(stop);
      places.push(stop.place!);
    }
    if (!complete) {
      passOver?.(member, 'route_not_read');
      continue;
    }
    const position = positionOf(member.id);
    out.push({
      member,
      shift,
      start: position ?? member.base,
      fromLivePosition: position !== undefined,
      busyUntil,
      stops,
      places,
    });
  }
  return out;
}

/**
 * For each stop of a route (routeOf's array, replaced when the route changes or any of its
 * visits does), the earliest window start from there on: a route's scan ends where the rest
 * starts past the horizon. Routes are in order of planned start, which may be after the
 * window; a visit in progress counts as at the start of time, since it is always read.
 */
const floors = new WeakMap<readonly RouteStop[], Float64Array>();
function windowFloor(route: readonly RouteStop[]): Float64Array {
  let floor = floors.get(route);
  if (floor) return floor;
  floor = new Float64Array(route.length);
  let min = Number.POSITIVE_INFINITY;
  for (let i = route.length - 1; i >= 0; i--) {
    const s = route[i];
    min = Math.min(min, s.inProgress ? Number.NEGATIVE_INFINITY : s.windowStart);
    floor[i] = min;
  }
  floors.set(route, floor);
  return floor;
}

/** When the caregiver's next shift after `shift` starts (Infinity: none). */
function nextShiftStart(member: LiveStaffMember, shift: LiveShift): number {
  let next = Number.POSITIVE_INFINITY;
  for (const s of member.shifts) {
    const t = s.startsAt.getTime();
    if (t >= shift.endsAt.getTime() && t < next) next = t;
  }
  return next;
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

/**
 * The window a route visit keeps when a visit is fitted in: its own, made soft, so a route
 * already running late still takes suggestions (the lateness a detour adds is priced and
 * reported); a two-person visit keeps its planned start, since the partner arrives then.
 */
export function keptWindow(stop: RouteStop): { earliest: number; latest: number } {
  return stop.staffCount < 2
    ? { earliest: stop.windowStart, latest: stop.windowEnd }
    : { earliest: stop.plannedStart, latest: stop.plannedStart };
}

/** A route visit as the caregiver's own problem takes it: theirs alone, window kept. */
export function routeVisit(stop: RouteStop, staffId: string): VisitRow {
  const w = keptWindow(stop);
  return {
    ...stop.visit,
    staffCount: 1,
    windowStart: new Date(w.earliest),
    windowEnd: new Date(w.latest),
    windowHard: false,
    assignees: [{ staffId, plannedStart: new Date(stop.plannedStart), routeOrder: 0 }],
  };
}
