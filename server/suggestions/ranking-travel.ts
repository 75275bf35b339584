import type { TravelMode } from '../../db/reference/professions.ts';
import type { MunicipalityState } from '../live-state/municipality-state.ts';
import type { LiveVisit } from '../live-state/types.ts';
import { type LatLon, estimateTravel } from '../solver-bridge/travel.ts';
import { groupedSource } from '../travel/grouped-source.ts';
import { pointKey } from '../travel/point-key.ts';
import { type PreparedTravel, prepareTravel } from '../travel/prepare-travel.ts';
import type { TravelProvider } from '../travel/travel-provider.ts';
import { caregiverCandidates } from './caregiver-candidates.ts';

/**
 * Places per fetched group: a caregiver's route is ranked against the patient alone, so
 * routes are fetched in groups of about this many places (with the patient), not every
 * place of every route to every other (a million pairs on a busy day).
 */
export const RANKING_GROUP_PLACES = 100;

/**
 * Travel for ranking `visit` from a provider: for groups of candidates, one matrix per mode
 * over their places (start, base, stops) and the patient's. The estimate needs none of this:
 * its own source is returned as it is.
 */
export async function rankingTravel(
  provider: TravelProvider,
  state: MunicipalityState,
  visit: LiveVisit,
  now: Date,
  positionOf: (staffId: string) => LatLon | undefined,
): Promise<PreparedTravel> {
  if (provider.sync) return prepareTravel(provider, [], []);
  const patient = state.patients.get(visit.patientId);
  if (!patient) return prepareTravel(provider, [], []);
  const at = (id: string) => positionOf(id) ?? state.positions.get(id);
  const groups: { places: Map<string, LatLon>; modes: Set<TravelMode> }[] = [];
  const fresh = () => ({
    places: new Map<string, LatLon>([[pointKey(patient), patient]]),
    modes: new Set<TravelMode>(),
  });
  let group = fresh();
  for (const c of caregiverCandidates(state, visit, patient, now, at)) {
    const places = [c.start, c.member.base, ...c.places];
    const added = places.filter((p) => !group.places.has(pointKey(p))).length;
    if (group.modes.size > 0 && group.places.size + added > RANKING_GROUP_PLACES) {
      groups.push(group);
      group = fresh();
    }
    for (const p of places) group.places.set(pointKey(p), p);
    group.modes.add(c.member.travelMode);
  }
  if (group.modes.size > 0) groups.push(group);
  const prepared = await Promise.all(
    groups.map((g) => prepareTravel(provider, g.places.values(), g.modes)),
  );
  const reasons = [...new Set(prepared.flatMap((p) => p.fallbackReason ?? []))];
  return {
    travel: groupedSource(
      prepared.map((p, i) => ({ places: new Set(groups[i].places.keys()), travel: p.travel })),
      estimateTravel(provider.estimate),
    ),
    source: prepared.every((p) => p.source === 'osrm') ? provider.kind : 'estimate',
    ...(reasons.length ? { fallbackReason: reasons.join('; ') } : {}),
  };
}
