import { and, asc, eq, gte, inArray, lte, ne } from 'drizzle-orm';
import { assignments, bases, patients, staff, teams, visits } from '../../db/schema/index.ts';
import type { Tx } from '../events/append-events.ts';
import { type TravelSource, estimateTravel } from '../solver-bridge/travel.ts';
import type { TravelProvider } from '../travel/travel-provider.ts';

/**
 * The source a dispatcher's assignment is priced with: the same one planning uses when it
 * answers at once (the estimate, calibrated or not; planning's own default without a
 * provider). A road network answers over HTTP: not asked inside the command's transaction,
 * so a manual assignment then leaves the planned travel null.
 */
export function legSource(provider: TravelProvider | null | undefined): TravelSource | null {
  if (!provider) return estimateTravel();
  return provider.sync ?? null;
}

/**
 * Prices the legs a manual assignment changes on one caregiver's route (the shift and its
 * overtime, by planned start as routes are numbered): the one to this visit, from the stop before it or the base, and
 * the one to the stop after it, which now comes from this visit. Cancelled visits are no
 * stops. Other legs keep what their plan said.
 */
export async function writePlannedLegs(
  tx: Tx,
  source: TravelSource,
  visitId: string,
  staffId: string,
  window: { from: Date; until: Date },
): Promise<void> {
  const [route, [who]] = await Promise.all([
    tx
      .select({
        id: assignments.id,
        visitId: assignments.visitId,
        lat: patients.lat,
        lon: patients.lon,
      })
      .from(assignments)
      .innerJoin(visits, eq(visits.id, assignments.visitId))
      .innerJoin(patients, eq(patients.id, visits.patientId))
      .where(
        and(
          eq(assignments.staffId, staffId),
          ne(visits.status, 'cancelled'),
          gte(assignments.plannedStart, window.from),
          lte(assignments.plannedStart, window.until),
        ),
      )
      .orderBy(asc(assignments.plannedStart), asc(assignments.id)),
    tx
      .select({ mode: staff.travelMode, lat: bases.lat, lon: bases.lon })
      .from(staff)
      .innerJoin(teams, eq(teams.id, staff.teamId))
      .innerJoin(bases, eq(bases.id, teams.baseId))
      .where(eq(staff.id, staffId)),
  ]);
  const at = route.findIndex((r) => r.visitId === visitId);
  if (at < 0 || !who) return;
  const from = at === 0 ? who : route[at - 1];
  const legs = [{ id: route[at].id, seconds: trip(source, from, route[at], who.mode) }];
  const next = route[at + 1];
  if (next) legs.push({ id: next.id, seconds: trip(source, route[at], next, who.mode) });
  for (const l of legs)
    await tx
      .update(assignments)
      .set({ plannedTravelSeconds: l.seconds })
      .where(inArray(assignments.id, [l.id]));
}

type Place = { lat: number; lon: number };

function trip(
  source: TravelSource,
  a: Place,
  b: Place,
  mode: typeof staff.$inferSelect.travelMode,
) {
  if (source.trip) return source.trip(a, b, mode).seconds;
  return source.matrices([a, b], mode).durations[1];
}
