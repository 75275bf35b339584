import type { LatLon } from '../../solver-bridge/travel.ts';
import type { PlanInput, PlanShift } from './plan-input.ts';

/** One caregiver's route within one shift (or, assigned outside every shift, on its own). */
export interface ShiftRoute {
  staffId: string;
  shift: PlanShift | null;
  /** Stops in the order of their planned start. */
  stops: { visitId: string; start: Date; minutes: number; place: LatLon }[];
  travelSeconds: number;
  visitSeconds: number;
  /** Past the shift's end: the last visit's end plus the way back to the base. */
  overtimeSeconds: number;
}

/**
 * Each caregiver's stops per shift, from their base, visit by visit in planned-start order,
 * and back. A stop belongs to the shift that contains its start (a night nurse may work two
 * shifts of one service day); a stop outside all shifts makes a route of its own without
 * overtime, since it has no end to exceed.
 */
export function shiftRoutes(input: PlanInput): ShiftRoute[] {
  const visits = new Map(input.visits.map((v) => [v.id, v]));
  const places = new Map(input.patients.map((p) => [p.id, p.place]));
  const caregivers = new Map(input.caregivers.map((c) => [c.staffId, c]));
  const routes = new Map<string, ShiftRoute>();
  const routeOf = (staffId: string, shift: PlanShift | null, key: string) => {
    let r = routes.get(key);
    if (!r) {
      r = { staffId, shift, stops: [], travelSeconds: 0, visitSeconds: 0, overtimeSeconds: 0 };
      routes.set(key, r);
    }
    return r;
  };
  // Every shift has a route, empty ones too: workload counts idle caregivers.
  input.shifts.forEach((s, i) => routeOf(s.staffId, s, `shift:${i}`));
  for (const a of input.assignments) {
    const v = visits.get(a.visitId);
    const place = v && places.get(v.patientId);
    if (!v || !place) continue;
    const i = input.shifts.findIndex(
      (s) => s.staffId === a.staffId && s.startsAt <= a.plannedStart && a.plannedStart < s.endsAt,
    );
    const r = i >= 0 ? routes.get(`shift:${i}`)! : routeOf(a.staffId, null, `off:${a.staffId}`);
    r.stops.push({ visitId: v.id, start: a.plannedStart, minutes: v.durationMinutes, place });
  }
  for (const r of routes.values()) {
    r.stops.sort((a, b) => a.start.getTime() - b.start.getTime());
    const c = caregivers.get(r.staffId);
    const leg = (from: LatLon | undefined, to: LatLon | undefined) =>
      !c || !from || !to || samePlace(from, to) ? 0 : input.travel(from, to, c.travelMode);
    let at: LatLon | undefined = c?.base;
    for (const s of r.stops) {
      r.travelSeconds += leg(at, s.place);
      r.visitSeconds += s.minutes * 60;
      at = s.place;
    }
    const home = r.stops.length > 0 ? leg(at, c?.base) : 0;
    r.travelSeconds += home;
    const last = r.stops.at(-1);
    if (r.shift && last) {
      const end = last.start.getTime() + last.minutes * 60_000 + home * 1000;
      r.overtimeSeconds = Math.max(0, Math.round((end - r.shift.endsAt.getTime()) / 1000));
    }
  }
  return [...routes.values()];
}

const samePlace = (a: LatLon, b: LatLon) => a.lat === b.lat && a.lon === b.lon;
