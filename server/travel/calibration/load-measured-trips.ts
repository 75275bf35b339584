import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { bases, events, patients, staff, teams } from '../../../db/schema/index.ts';
import { haversineMetres } from '../../solver-bridge/travel.ts';
import type { MeasuredTrip } from './measured-trip.ts';
import { type StatusEvent, tripsFromEvents } from './trips-from-events.ts';

/** Longer than this en route is a forgotten button, not a trip. */
export const MAX_TRIP_SECONDS = 3 * 3600;

interface StatusPayload {
  to?: string;
  visit?: { id?: string; patientId?: string; assignees?: { staffId?: string }[] };
}

/**
 * Trips measured from the caregivers' status changes recorded in the events between `from`
 * and `to` (one municipality, or all), with the straight-line metres from where they set out
 * (the previous patient, else their base) and their mode. Trips of no length or of more
 * than MAX_TRIP_SECONDS are left out.
 */
export async function loadMeasuredTrips(
  db: Db,
  o: { municipality?: string; from: Date; to: Date },
): Promise<MeasuredTrip[]> {
  const rows = await db
    .select({
      municipality: events.municipalityCode,
      payload: events.payload,
      createdAt: events.createdAt,
    })
    .from(events)
    .where(
      and(
        eq(events.type, 'visit.status_changed'),
        gte(events.createdAt, o.from),
        lt(events.createdAt, o.to),
        o.municipality === undefined ? undefined : eq(events.municipalityCode, o.municipality),
      ),
    )
    .orderBy(asc(events.municipalityCode), asc(events.seq));
  const status: StatusEvent[] = [];
  for (const r of rows) {
    const p = r.payload as StatusPayload;
    if (!p.to || !p.visit?.id || !p.visit.patientId) continue;
    status.push({
      municipality: r.municipality,
      at: r.createdAt,
      visitId: p.visit.id,
      patientId: p.visit.patientId,
      staffIds: (p.visit.assignees ?? []).flatMap((a) => (a.staffId ? [a.staffId] : [])),
      to: p.to,
    });
  }
  const timed = tripsFromEvents(status).filter(
    (t) => t.seconds > 0 && t.seconds <= MAX_TRIP_SECONDS,
  );
  if (timed.length === 0) return [];
  const patientIds = [
    ...new Set(timed.flatMap((t) => [t.toPatientId, t.fromPatientId ?? []].flat())),
  ];
  const staffIds = [...new Set(timed.map((t) => t.staffId))];
  const places = new Map(
    (
      await db
        .select({ id: patients.id, lat: patients.lat, lon: patients.lon })
        .from(patients)
        .where(inArray(patients.id, patientIds))
    ).map((p) => [p.id, p]),
  );
  const caregivers = new Map(
    (
      await db
        .select({ id: staff.id, mode: staff.travelMode, lat: bases.lat, lon: bases.lon })
        .from(staff)
        .innerJoin(teams, eq(teams.id, staff.teamId))
        .innerJoin(bases, eq(bases.id, teams.baseId))
        .where(inArray(staff.id, staffIds))
    ).map((s) => [s.id, s]),
  );
  const out: MeasuredTrip[] = [];
  for (const t of timed) {
    const who = caregivers.get(t.staffId);
    const from = t.fromPatientId === null ? who : places.get(t.fromPatientId);
    const to = places.get(t.toPatientId);
    if (!who || !from || !to) continue;
    const straightMetres = Math.round(haversineMetres(from, to));
    if (straightMetres === 0) continue;
    out.push({
      municipality: t.municipality,
      mode: who.mode,
      straightMetres,
      measuredSeconds: t.seconds,
    });
  }
  return out;
}
