import type { MunicipalityState } from '../live-state/municipality-state.ts';
import type { LiveVisit } from '../live-state/types.ts';
import type { LatLon } from '../solver-bridge/travel.ts';
import { type PreparedTravel, prepareTravel } from '../travel/prepare-travel.ts';
import type { TravelProvider } from '../travel/travel-provider.ts';
import { caregiverCandidates } from './caregiver-candidates.ts';

/**
 * Travel for ranking `visit` from a provider: one matrix per mode over the places the
 * ranking can ask about (each candidate's start and base, their stops, the patient).
 * The estimate needs none of this: its own source is returned as it is.
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
  const candidates = caregiverCandidates(state, visit, patient, now, at);
  const points: LatLon[] = [patient];
  for (const c of candidates) points.push(c.start, c.member.base, ...c.places);
  return prepareTravel(
    provider,
    points,
    candidates.map((c) => c.member.travelMode),
  );
}
