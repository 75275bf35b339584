import { rankInsertions } from '../../solver/insertion/rank-insertions.ts';
import type { Weights } from '../../solver/model/problem-input.ts';
import type { MunicipalityState } from '../live-state/municipality-state.ts';
import type { LiveShift, LiveStaffMember, LiveVisit } from '../live-state/types.ts';
import { buildProblem } from '../solver-bridge/build-problem.ts';
import { currentSolution } from '../solver-bridge/plan-mapping.ts';
import { DEFAULT_WEIGHTS, type PatientRow, type VisitRow } from '../solver-bridge/problem-rows.ts';
import { type LatLon, type TravelSource, estimateTravel } from '../solver-bridge/travel.ts';
import { type Candidate, caregiverCandidates } from './caregiver-candidates.ts';

/** A caregiver's place in the ranking: the solver's best insertion into their route. */
export interface RankedCaregiver {
  member: LiveStaffMember;
  shift: LiveShift;
  /** Seconds after `now`, as the solver computed them. */
  start: number;
  addedTravel: number;
  addedLateness: number;
  /** The objective's change, the patient's contact caregiver counted. */
  deltaCost: number;
  knowsPatient: boolean;
  slackAfterShift: number;
  /** The visit's own latest start (seconds after `now`) and whether it is hard. */
  latest: number;
  latestHard: boolean;
  fromLivePosition: boolean;
}

export interface RankOptions {
  now: Date;
  limit: number;
  travel?: TravelSource;
  /** The freshest position of a caregiver (phones report every few seconds), if any. */
  positionOf?: (staffId: string) => LatLon | undefined;
}

/** Familiarity credit, as in buildProblem. */
const KNOWN_WEIGHT = 300;
const DEFAULT_TRAVEL = estimateTravel();

/**
 * Who could take `visit`, best first, each caregiver once: the cheapest place in their own
 * route (rankInsertions on a problem of that one caregiver), compared by the objective's
 * change. Caregivers are tried in the order of a lower bound — the least detour plus the
 * continuity terms; lateness and overtime only add — until the bound passes the limit-th
 * best, so a suggestion builds a few small problems, not the municipality's day.
 */
export function rankCaregivers(
  state: MunicipalityState,
  visit: LiveVisit,
  options: RankOptions,
): RankedCaregiver[] {
  const patient = state.patients.get(visit.patientId);
  if (!patient) return [];
  const travel = options.travel ?? DEFAULT_TRAVEL;
  const w = DEFAULT_WEIGHTS;
  const positionOf = (id: string) => options.positionOf?.(id) ?? state.positions.get(id);
  const candidates = caregiverCandidates(state, visit, patient, options.now, positionOf);
  // As in the whole-municipality problem: not sending the contact costs only when the
  // contact could go. A one-caregiver problem cannot see that, so it is added here.
  const contactCan = candidates.some((c) => c.member.id === patient.contactStaffId);
  const bounded = candidates.map((c) => {
    const nonContact = contactCan && c.member.id !== patient.contactStaffId ? w.nonContact : 0;
    const known = patient.knownStaffIds.has(c.member.id) ? KNOWN_WEIGHT : 0;
    const detour = travel.trip ? leastDetour(c, patient, travel, w) : 0;
    return { c, nonContact, bound: detour + nonContact - known };
  });
  bounded.sort((a, b) => a.bound - b.bound || a.c.member.id.localeCompare(b.c.member.id));
  const out: RankedCaregiver[] = [];
  for (const { c, nonContact, bound } of bounded) {
    if (out.length >= options.limit && bound > out[options.limit - 1].deltaCost) break;
    const ranked = rankOne(state, c, visit, options.now, travel);
    if (!ranked) continue;
    ranked.deltaCost += nonContact;
    let at = out.length;
    while (at > 0 && compare(out[at - 1], ranked) > 0) at--;
    out.splice(at, 0, ranked);
  }
  return out.slice(0, options.limit);
}

const compare = (a: RankedCaregiver, b: RankedCaregiver) =>
  a.deltaCost - b.deltaCost || a.member.id.localeCompare(b.member.id);

/**
 * The cheapest detour of the visit into the route, priced as the solver prices arcs (an
 * empty route costs nothing, so its start → end trip is not saved).
 */
function leastDetour(c: Candidate, place: LatLon, travel: TravelSource, w: Weights): number {
  const mode = c.member.travelMode;
  const arc = (a: LatLon, b: LatLon) => {
    const t = travel.trip!(a, b, mode);
    return w.travelTime * t.seconds + w.distance * t.metres;
  };
  const end = c.member.base;
  if (c.route.length === 0) return arc(c.start, place) + arc(place, end);
  const stops = [c.start, ...c.stops, end];
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i + 1 < stops.length; i++) {
    const d = arc(stops[i], place) + arc(place, stops[i + 1]) - arc(stops[i], stops[i + 1]);
    if (d < best) best = d;
  }
  return best;
}

/** The exact best insertion of the visit into one caregiver's route. */
function rankOne(
  state: MunicipalityState,
  c: Candidate,
  visit: LiveVisit,
  now: Date,
  travel: TravelSource,
): RankedCaregiver | null {
  const { member, shift, route } = c;
  const target: VisitRow = { ...visit, staffCount: 1, assignees: [] };
  const patients = new Map<string, PatientRow>();
  for (const v of [...route, target]) {
    const p = state.patients.get(v.patientId)!;
    patients.set(p.id, { ...p, knownStaffIds: [...p.knownStaffIds] });
  }
  const staffRow = {
    id: member.id,
    profession: member.profession,
    travelMode: member.travelMode,
    shift,
    start: c.start,
    end: member.base,
    availableFrom: c.busyUntil,
    delegations: member.delegations,
  };
  const built = buildProblem([staffRow], [...route, target], [...patients.values()], {
    origin: now,
    travel,
    knownWeight: KNOWN_WEIGHT,
  });
  const index = built.visitIndices.get(visit.id)![0];
  const [best] = rankInsertions(built.input, currentSolution(built, route), index, 1);
  if (!best) return null;
  const v = built.input.visits[index];
  return {
    member,
    shift,
    start: best.start,
    addedTravel: best.addedTravel,
    addedLateness: best.addedLateness,
    deltaCost: best.deltaCost,
    knowsPatient: best.knowsPatient,
    slackAfterShift: best.slackAfterShift,
    latest: v.latest,
    latestHard: v.latestHard,
    fromLivePosition: c.fromLivePosition,
  };
}
