/** A 'visit.status_changed' event, the part read here. */
export interface StatusEvent {
  municipality: string;
  at: Date;
  visitId: string;
  patientId: string;
  staffIds: string[];
  to: string;
}

/** A trip as the status changes show it: who went where from where, and how long it took. */
export interface TimedTrip {
  municipality: string;
  staffId: string;
  /** The patient of the visit they finished before setting out; null: from their base. */
  fromPatientId: string | null;
  toPatientId: string;
  seconds: number;
}

/** A visit finished longer ago than this is not where the caregiver set out from. */
export const ORIGIN_MAX_GAP_MS = 2 * 3600_000;

/**
 * Trips from status changes, in the order they were made: a trip begins when a caregiver
 * reports a visit en route and ends when they report it started (in progress). They set out
 * from the patient of the visit they last finished (done, no access) if that was within
 * ORIGIN_MAX_GAP_MS, else from their base. Two-person visits are left out (whose trip?).
 */
export function tripsFromEvents(events: Iterable<StatusEvent>): TimedTrip[] {
  const lastFinished = new Map<string, { patientId: string; at: number }>();
  const enRoute = new Map<string, { staffId: string; from: string | null; at: number }>();
  const trips: TimedTrip[] = [];
  for (const e of events) {
    if (e.staffIds.length !== 1) continue;
    const [staffId] = e.staffIds;
    const at = e.at.getTime();
    if (e.to === 'en_route') {
      const last = lastFinished.get(staffId);
      const from = last && at - last.at <= ORIGIN_MAX_GAP_MS ? last.patientId : null;
      enRoute.set(e.visitId, { staffId, from, at });
    } else if (e.to === 'in_progress') {
      const start = enRoute.get(e.visitId);
      enRoute.delete(e.visitId);
      if (!start || start.staffId !== staffId) continue;
      trips.push({
        municipality: e.municipality,
        staffId,
        fromPatientId: start.from,
        toPatientId: e.patientId,
        seconds: (at - start.at) / 1000,
      });
    } else if (e.to === 'done' || e.to === 'no_access') {
      lastFinished.set(staffId, { patientId: e.patientId, at });
    }
  }
  return trips;
}
