import type { Db } from '../../db/client.ts';
import type { LiveState } from '../live-state/live-state.ts';
import { loadMunicipalityState } from '../live-state/load-state.ts';
import type { MunicipalityState } from '../live-state/municipality-state.ts';
import type { LiveShift } from '../live-state/types.ts';
import type { PatientRow, StaffRow, VisitRow } from '../solver-bridge/problem-rows.ts';
import type { PositionStore } from '../positions/positions.ts';

export interface World {
  staff: StaffRow[];
  visits: VisitRow[];
  patients: PatientRow[];
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

const OPEN = new Set(['unassigned', 'assigned', 'en_route']);
const STALE_MS = 12 * 3600_000;

/**
 * The live state of a municipality as plain bridge rows, from this process's live state (or
 * the database read now): caregivers on shift between now and `until` (starting at their last
 * known position, else their base; busy until a visit in progress ends), visits not yet
 * started, and their patients.
 */
export async function loadWorld(
  deps: { db: Db; liveState?: LiveState },
  q: WorldQuery,
): Promise<World> {
  const state =
    deps.liveState?.get(q.municipality) ??
    (await loadMunicipalityState(deps.db, q.municipality, q.now));
  return state ? worldFromState(state, q) : emptyWorld();
}

function emptyWorld(): World {
  return { staff: [], visits: [], patients: [], versions: new Map() };
}

export function worldFromState(state: MunicipalityState, q: WorldQuery): World {
  const now = q.now.getTime();
  const until = q.until.getTime();
  const excluded = new Set(q.excludeStaffIds ?? []);
  const firstShift = new Map<string, LiveShift>();
  for (const member of state.staff.values()) {
    if (excluded.has(member.id)) continue;
    const shift = member.shifts.find(
      (s) => s.endsAt.getTime() > now && s.startsAt.getTime() < until,
    );
    if (shift) firstShift.set(member.id, shift);
  }
  const staffIds = [...firstShift.keys()].sort();

  const busyUntil = new Map<string, Date>();
  const visits: VisitRow[] = [];
  const versions = new Map<string, number>();
  for (const v of state.visits.values()) {
    if (v.status !== 'in_progress' && !OPEN.has(v.status)) continue;
    if (v.windowEnd.getTime() < now - STALE_MS || v.windowStart.getTime() >= until) continue;
    versions.set(v.id, v.version);
    if (v.status === 'in_progress') {
      for (const a of v.assignees) {
        const end = new Date(Math.max(now, a.plannedStart.getTime() + v.durationMinutes * 60_000));
        const known = busyUntil.get(a.staffId);
        if (!known || end > known) busyUntil.set(a.staffId, end);
      }
      continue;
    }
    // A visit on the route of someone outside this plan is theirs: leave it alone.
    if (v.assignees.some((a) => !firstShift.has(a.staffId))) continue;
    // Whoever is on the way keeps the visit.
    const assignees = v.assignees.map((a, i) => ({ ...a, routeOrder: i }));
    visits.push({ ...v, pinned: v.pinned || v.status === 'en_route', assignees });
  }
  visits.sort((a, b) => a.id.localeCompare(b.id));

  const staff: StaffRow[] = staffIds.map((id) => {
    const member = state.staff.get(id)!;
    const shift = firstShift.get(id)!;
    const pos = q.positions?.get(id, q.now) ?? state.positions.get(id);
    return {
      id,
      profession: member.profession,
      travelMode: member.travelMode,
      shift,
      start: pos ? { lat: pos.lat, lon: pos.lon } : member.base,
      end: member.base,
      availableFrom: busyUntil.get(id),
      delegations: member.delegations,
    };
  });
  const patientIds = [...new Set(visits.map((v) => v.patientId))].sort();
  const patients: PatientRow[] = [];
  for (const id of patientIds) {
    const p = state.patients.get(id);
    if (!p) continue;
    patients.push({ ...p, knownStaffIds: [...p.knownStaffIds] });
  }
  const withPatient = new Set(patients.map((p) => p.id));
  return {
    staff,
    visits: visits.filter((v) => withPatient.has(v.patientId)),
    patients,
    versions,
  };
}
